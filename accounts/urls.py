"""The two-factor screens, mounted under /admin/two-factor/ by wagtail_hooks.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("two-factor/", views.overview, name="accounts_two_factor"),
    path("two-factor/set-up/", views.enrol, name="accounts_enrol"),
    path("two-factor/verify/", views.verify, name="accounts_verify"),
    path("two-factor/recovery-codes/", views.recovery_codes, name="accounts_recovery_codes"),
    path(
        "two-factor/recovery-codes/download/",
        views.download_recovery_codes,
        name="accounts_recovery_codes_download",
    ),
    path("two-factor/authenticators/<int:pk>/remove/", views.remove, name="accounts_remove_authenticator"),
]
