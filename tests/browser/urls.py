"""The site's URLs plus one test-only address that raises, so the sweep sees the real 500 page.

Used only by the sweep's 500 state (``override_settings(ROOT_URLCONF=...)``); the
site itself has no address that raises on purpose.
"""

from django.conf import settings
from django.urls import re_path

from sciencecity.urls import handler400, handler500, urlpatterns as site_urlpatterns

__all__ = ["handler400", "handler500", "urlpatterns"]


def broken_page(request, language):
    """Fail as a bug would."""
    raise RuntimeError("a test-only failure, to draw the 500 page")


LANGUAGES = "|".join(code for code, _name in settings.LANGUAGES)
urlpatterns = [re_path(rf"^(?P<language>{LANGUAGES})/test-only-server-error/$", broken_page), *site_urlpatterns]
