"""URLs: the admin and documents without a language prefix, public pages under one prefix per language
of settings.LANGUAGES (/da/, /sv/, /en/).

A request for / (or any path without a language prefix) is redirected by
Django's LocaleMiddleware to the visitor's preferred language among ours,
judged from Accept-Language, and to Danish otherwise.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from .health import health
from .sitemaps import sitemap
from .upstream import localize_po_upload
from .views import robots_txt

handler400 = "sciencecity.views.bad_request"
handler500 = "sciencecity.views.server_error"

urlpatterns = [
    # In front of wagtail-localize's own view at the same address (see the module's docstring).
    path(
        "admin/localize/translate/<int:translation_id>/pofile/upload/",
        localize_po_upload.upload_pofile,
        name="safe_upload_pofile",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("", include("navigation.urls")),
    path("health/", health),  # unnamed: a fixed address for probes, not a page to sweep
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
