"""The share pictures, at addresses without a language prefix (see ``share_image.py``)."""

from django.urls import path

from .views import share_image

urlpatterns = [
    path("share/<str:token>.png", share_image, name="share_image"),
]
