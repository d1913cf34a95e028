"""Site-wide views that are not pages: robots.txt and the error pages that must work without a database."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseServerError
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from .upstream.stream_management_fields import IncompleteBlockData


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
    """The 500 page in the visitor's language, rendered without the database or context processors."""
    codes = [code for code, _name in settings.LANGUAGES]
    prefix = request.path_info.lstrip("/").split("/", 1)[0]
    language = prefix if prefix in codes else settings.LANGUAGE_CODE
    with translation.override(language):
        html = loader.get_template(template_name).render({"LANGUAGE_CODE": language, "home_url": f"/{language}/"})
    return HttpResponseServerError(html)


def bad_request(request, exception, template_name="400.html"):
    """The 400 page in the active language, saying what was wrong where we know it; no database, no host."""

    language = get_language() or settings.LANGUAGE_CODE
    context = {
        "LANGUAGE_CODE": language,
        "home_url": f"/{language}/",
        "in_admin": request.path_info.startswith("/admin/"),
        "incomplete_blocks": isinstance(exception, IncompleteBlockData),
    }
    return HttpResponseBadRequest(loader.get_template(template_name).render(context))
