"""The two-factor screens: set up an authenticator app, recovery codes, devices, and the code prompt.

Wagtail's admin URL hook wraps these views in its admin-access check, which
also switches to the user's preferred admin language (or the request's).
"""

import django_otp
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from . import devices
from .forms import CodeForm, RecoveryCodeForm
from .policy import has_any_device, has_authenticator, must_enrol

FRESH_CODES_SESSION_KEY = "accounts_fresh_recovery_codes"


def next_url(request) -> str:
    """Where to go after signing in: the page the user asked for, if it is on this site, else the dashboard."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate.startswith("/") and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def throttled(devices_to_try) -> bool:
    """Whether django-otp makes the user wait before trying a code on any of these devices."""
    return bool(devices_to_try) and not any(device.verify_is_allowed()[0] for device in devices_to_try)


def too_many_message() -> str:
    """Why a code was not even tried: too many wrong codes just before."""
    return _("Too many wrong codes in a row. Wait a minute, then try again.")


def start_verified_session(request, device) -> None:
    """Mark the session as signed in with a second factor, under a new session key."""
    request.session.cycle_key()
    django_otp.login(request, device)


@never_cache
@sensitive_post_parameters("code", "recovery_code")
def verify(request):
    """The code prompt after the password: an authenticator code, or a recovery code."""
    user = request.user
    if user.is_verified() or not has_any_device(user):
        return redirect(next_url(request))
    code_form, recovery_form = CodeForm(), RecoveryCodeForm()
    if request.method == "POST":
        if "recovery_code" in request.POST:
            recovery_form = RecoveryCodeForm(request.POST)
            device = recovery_form.is_valid() and check_recovery_code(request, recovery_form)
        else:
            code_form = CodeForm(request.POST)
            device = code_form.is_valid() and check_code(request, code_form)
        if device:
            start_verified_session(request, device)
            return redirect(next_url(request))
    return TemplateResponse(
        request,
        "accounts/verify.html",
        {"code_form": code_form, "recovery_form": recovery_form, "next": next_url(request)},
    )


def check_code(request, form):
    """The authenticator that accepts the form's code, or None with the reason on the form."""
    candidates = devices.authenticators(request.user)
    if throttled(candidates):
        form.add_error("code", too_many_message())
        return None
    for device in candidates:
        if django_otp.verify_token(request.user, device.persistent_id, form.cleaned_data["code"]):
            return device
    form.add_error("code", _("That code is not right. Check the time on your phone and try the newest code."))
    return None


def check_recovery_code(request, form):
    """The recovery-code device if the code is one of the user's unused codes, else None."""
    device = devices.recovery_device(request.user)
    if device and throttled([device]):
        form.add_error("recovery_code", too_many_message())
        return None
    if device and django_otp.verify_token(request.user, device.persistent_id, form.cleaned_data["recovery_code"]):
        return device
    form.add_error("recovery_code", _("That recovery code is not right, or it has been used already."))
    return None


@never_cache
@sensitive_post_parameters("code")
def enrol(request):
    """Set up an authenticator app: scan the QR code (or type the key), then confirm with a code."""
    device = devices.pending_authenticator(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if throttled([device]):
            form.add_error("code", too_many_message())
        elif device.verify_token(form.cleaned_data["code"]):
            codes = devices.confirm(device)
            start_verified_session(request, device)
            if not codes:
                messages.success(request, _("The authenticator app has been added."))
                return redirect("accounts_two_factor")
            request.session[FRESH_CODES_SESSION_KEY] = codes
            messages.success(request, _("Two-factor sign-in is on. Save your recovery codes now."))
            return redirect("accounts_recovery_codes")
        else:
            form.add_error("code", _("That code is not right. Check the time on your phone and try the newest code."))
    return TemplateResponse(
        request,
        "accounts/enrol.html",
        {
            "form": form,
            "qr_code": devices.qr_code_svg(device),
            "manual_key": devices.manual_key(device),
            "required": must_enrol(request.user),
            "adding_another": has_authenticator(request.user),
        },
    )


@never_cache
def overview(request):
    """The user's authenticator apps and recovery codes, with ways to add, renew and remove them."""
    user = request.user
    return TemplateResponse(
        request,
        "accounts/devices.html",
        {
            "authenticators": devices.authenticators(user),
            "recovery_codes_left": devices.remaining_recovery_codes(user),
            "required": must_enrol(user),
        },
    )


@require_POST
def remove(request, pk):
    """Remove one authenticator app (and the recovery codes with the last one)."""
    if devices.remove_authenticator(request.user, pk):
        messages.success(request, _("The authenticator app has been removed."))
    return redirect("accounts_two_factor")


@never_cache
def recovery_codes(request):
    """Show freshly made recovery codes once; otherwise offer to make new ones."""
    user = request.user
    if not has_authenticator(user):
        return redirect("accounts_enrol")
    if request.method == "POST":
        request.session[FRESH_CODES_SESSION_KEY] = devices.new_recovery_codes(user)
        messages.success(request, _("You have new recovery codes. The old ones no longer work."))
        return redirect("accounts_recovery_codes")
    codes = request.session.pop(FRESH_CODES_SESSION_KEY, None)
    return TemplateResponse(
        request,
        "accounts/recovery_codes.html",
        {
            "codes": [devices.format_recovery_code(code) for code in codes or []],
            "recovery_codes_left": devices.remaining_recovery_codes(user),
        },
    )


@require_POST
@never_cache
@sensitive_post_parameters("code")
def download_recovery_codes(request):
    """The codes just shown, as a text file; only the user's own unused codes are echoed back."""
    codes = request.POST.getlist("code")
    if not devices.owns_recovery_codes(request.user, codes):
        return redirect("accounts_recovery_codes")
    lines = [
        _("Recovery codes for %(username)s at Science City Lyngby") % {"username": request.user.get_username()},
        _("Each code works once. Keep them somewhere safe, away from your phone."),
        "",
        *codes,
        "",
    ]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="science-city-lyngby-recovery-codes.txt"'
    return response
