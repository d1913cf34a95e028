"""Keys for the one shared cache: every key carries the release, so a deploy never reads the last one's values.

The cache holds only small things every page computes (the menu, footer and
organisation details, ``chrome.py``) and Wagtail's rendition details. Its
store is shared by every process: Redis where ``REDIS_URL`` is set, else a
table in the database, so several workers without Redis still agree.
"""

from django.conf import settings


def make_key(key: str, key_prefix: str, version: int) -> str:
    """Django's key function (``CACHES[...]["KEY_FUNCTION"]``) with the release in front."""
    return f"{settings.RELEASE}:{key_prefix}:{version}:{key}"
