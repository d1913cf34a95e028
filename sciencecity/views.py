"""Site-wide views that are not pages: robots.txt and the error pages that must work without a database."""

import sys

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseServerError
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from .bad_requests import ExplainedBadRequest
from .database_busy import database_unavailable


@require_safe
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    """Let search engines crawl the public site, keep them out of the admin, and name the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Allow: /",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def server_error(request, template_name="500.html"):
    """The 500 page in the visitor's language, rendered without the database or context processors.

    When the error is the database not answering (stopped, refusing connections, gone mid-request),
    it is a 503 with Retry-After instead, so the edge serves its last copy where it has one
    (``proxy_cache_use_stale``) and a visitor or a crawler knows to come back.
    """
    codes = [code for code, _name in settings.LANGUAGES]
    prefix = request.path_info.lstrip("/").split("/", 1)[0]
    language = prefix if prefix in codes else settings.LANGUAGE_CODE
    if database_unavailable(sys.exc_info()[1]):
        response = _error_page(request, "503.html", language, HttpResponse, status=503)
        response["Retry-After"] = str(RETRY_AFTER_UNAVAILABLE)
        response["Cache-Control"] = "no-store"
        return response
    return _error_page(request, template_name, language, HttpResponseServerError)


RETRY_AFTER_UNAVAILABLE = 30  # seconds: a database restart or a failover takes about that


def _error_page(request, template_name, language, response_class, **kwargs):
    """An error page rendered in ``language`` from the template alone."""
    with translation.override(language):
        html = loader.get_template(template_name).render({"LANGUAGE_CODE": language, "home_url": f"/{language}/"})
    return response_class(html, **kwargs)


def admin_language(request) -> str | None:
    """The language a signed-in user reads the admin in, if they chose one (as Wagtail's admin views use it)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not hasattr(user, "wagtail_userprofile"):
        return None
    return user.wagtail_userprofile.get_preferred_language()


def bad_request(request, exception, template_name="400.html"):
    """The 400 page in the person's language, saying what was wrong where we know it; no database for visitors, no host."""
    in_admin = request.path_info.startswith("/admin/")
    language = (in_admin and admin_language(request)) or get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "LANGUAGE_CODE": language,
            "home_url": f"/{language}/",
            "in_admin": in_admin,
            "explanation": exception.explanation if isinstance(exception, ExplainedBadRequest) else None,
        }
        return HttpResponseBadRequest(loader.get_template(template_name).render(context))
