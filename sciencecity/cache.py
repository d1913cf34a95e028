"""Keys for the one shared cache: every key carries the release, so a deploy never reads the last one's values.

The cache holds only small things every page computes (the menu, footer and
organisation details, ``chrome.py``) and Wagtail's rendition details. Its
store is shared by every process: Redis where ``REDIS_URL`` is set, else a
table in the database, so several workers without Redis still agree.
``OncePerInterval`` keeps the log of an unreachable cache to a line a minute.
"""

import logging
import threading
import time

from django.conf import settings


def make_key(key: str, key_prefix: str, version: int) -> str:
    """Django's key function (``CACHES[...]["KEY_FUNCTION"]``) with the release in front."""
    return f"{settings.RELEASE}:{key_prefix}:{version}:{key}"


class OncePerInterval(logging.Filter):
    """Let one record through per ``seconds`` (per process); count the rest and say how many in the next.

    For failures that repeat on every request while they last, such as the cache being unreachable:
    the operator learns that it happened, and how often, without a line per request.
    """

    def __init__(self, seconds: float = 60, name: str = ""):
        super().__init__(name)
        self.seconds = seconds
        self.next_at = 0.0
        self.dropped = 0
        self.lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        """True for the first record of each interval, with the number left out since the last one."""
        with self.lock:
            now = time.monotonic()
            if now < self.next_at:
                self.dropped += 1
                return False
            self.next_at = now + self.seconds
            if self.dropped:
                record.msg = f"{record.msg} (and {self.dropped} more like it since the last report)"
                self.dropped = 0
            return True
