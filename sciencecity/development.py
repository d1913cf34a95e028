"""What only a developer's machine uses (``settings/dev.py``)."""

from django.http import Http404
from django.urls import get_resolver, get_urlconf


class SiteNotFoundPageMiddleware:
    """Under DEBUG, an address that finds nothing shows the site's own 404 page, as visitors will see it.

    Django would show its technical 404 page, in English, which tells a newcomer
    nothing about the site. Errors keep Django's traceback page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        """The 404 handler's page, as Django gives it with DEBUG off."""
        if not isinstance(exception, Http404):
            return None
        handler = get_resolver(get_urlconf()).resolve_error_handler(404)
        return handler(request, exception)
