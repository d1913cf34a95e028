"""Enforce two-factor sign-in in the Wagtail admin."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from .policy import has_any_device, must_enrol


class TwoFactorMiddleware:
    """Keep signed-in users out of the admin until their second factor is settled.

    A user with a device must enter a code first (the code prompt); an approver,
    administrator or superuser without one must set one up first. The screens
    that settle it, and logging out, stay open, so the redirects cannot loop.
    Runs after django-otp's OTPMiddleware, which provides ``user.is_verified()``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.redirect_for(request) or self.get_response(request)

    def redirect_for(self, request):
        """The redirect this request needs, or None to let it through."""
        user = request.user
        if not user.is_authenticated or not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        verify, enrol = reverse("accounts_verify"), reverse("accounts_enrol")
        if request.path in (verify, reverse("wagtailadmin_logout")) or user.is_verified():
            return None
        if has_any_device(user):
            return redirect_with_next(verify, request)
        if request.path != enrol and must_enrol(user):
            return redirect(enrol)
        return None


def redirect_with_next(url: str, request):
    """Redirect to ``url``, coming back afterwards to what a GET asked for."""
    if request.method == "GET":
        url = f"{url}?{urlencode({'next': request.get_full_path()})}"
    return redirect(url)
