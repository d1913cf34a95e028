"""The search page's address, translated: /da/soeg/, /sv/sok/ and /en/search/."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from .views import search

urlpatterns = [path(_("search/"), search, name="search")]
