"""The share pictures' addresses (``share_image.py``)."""

from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from . import share_image as share_images

# An address names one picture for good, so anyone may keep it as long as they like.
YEAR = 365 * 24 * 60 * 60


@require_safe
def share_image(request, token):
    """The picture a page shows when shared, drawn on the first request for its address and read after that."""
    payload = share_images.read_token(token)
    if payload is None:
        raise Http404
    response = HttpResponse(share_images.stored_picture(payload), content_type="image/png")
    patch_cache_control(response, public=True, max_age=YEAR, immutable=True)
    return response
