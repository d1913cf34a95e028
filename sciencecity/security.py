"""Security headers for every response, a strict Content-Security-Policy for the public site,
a looser one for the Wagtail admin, and sensible answers to methods public pages do not take.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpResponse
from django.template import loader

# Where Wagtail 8 and wagtail-localize's editors run: they use inline scripts
# and styles, so they get the looser policy. Our own two-factor screens under
# /admin/ have none and keep the strict one.
ADMIN_PREFIXES = ("/admin/",)
STRICT_ADMIN_PREFIXES = ("/admin/two-factor/",)

# Public pages only show things; forms that post are Wagtail's page-privacy
# forms (under /_util/), the admin and the documents' password form.
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
POSTING_PATHS = ("/admin/", "/documents/")

# Wagtail renders a preview (page editor's panel, revisions, wagtail-localize's translation
# preview) by running a dummy request for the page's public address through every middleware
# (Page.make_preview_request sets request.is_dummy); the admin shows the result in a frame.
PREVIEW_FRAME_ANCESTORS = {"frame-ancestors": ["'self'"]}


def is_preview(request) -> bool:
    """Whether this is Wagtail's dummy request for a preview, which never reaches a visitor."""
    return getattr(request, "is_dummy", False) is True


def uses_admin_policy(path: str) -> bool:
    """Whether a path gets the admin's policy."""
    return path.startswith(ADMIN_PREFIXES) and not path.startswith(STRICT_ADMIN_PREFIXES)


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the admin's policy for admin paths and letting the admin frame previews."""

    def process_response(self, request, response):
        """The policy; for a preview also X-Frame-Options SAMEORIGIN, over Django's DENY.

        Wagtail's edit and translation preview views set SAMEORIGIN on their
        own responses, its revision preview does not; this middleware sits
        outside Django's XFrameOptionsMiddleware (which `check --deploy` wants
        by name), so it has the last word.
        """
        response = super().process_response(request, response)
        if is_preview(request):
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response

    def get_policy_parts(self, request, response, report_only=False):
        """The public policy from settings (framable by the admin for a preview), or the admin policy for the admin."""
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts
        if uses_admin_policy(request.path_info):
            return PolicyParts(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"], parts.update, parts.replace, parts.nonce)
        if is_preview(request):
            # The public policy, so a preview breaks where the page would; only the admin may frame it.
            return PolicyParts(parts.config, parts.update, {**(parts.replace or {}), **PREVIEW_FRAME_ANCESTORS}, parts.nonce)
        return parts


class SecurityHeadersMiddleware:
    """Headers Django does not set itself: Permissions-Policy and Cross-Origin-Resource-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class PublicMethodsMiddleware:
    """Public pages answer GET, HEAD and OPTIONS; any other method gets 405, explained in the visitor's language.

    Without this a POST to a page would meet the CSRF check first and get a
    403 about cookies, which says nothing useful to anyone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if request.method in SAFE_METHODS or path.startswith(POSTING_PATHS) or "/_util/" in path:
            if request.method == "OPTIONS" and not path.startswith(POSTING_PATHS):
                response = HttpResponse(status=200)
                response["Allow"] = ", ".join(SAFE_METHODS)
                return response
            return self.get_response(request)
        response = HttpResponse(loader.render_to_string("405.html", request=request), status=405)
        response["Allow"] = ", ".join(SAFE_METHODS)
        return response
