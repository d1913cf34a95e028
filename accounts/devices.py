"""Authenticator apps (TOTP devices) and recovery codes (a static device) of one user."""

import re
from base64 import b32encode

import segno
from django.db import transaction
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"


def pending_authenticator(user) -> TOTPDevice:
    """The user's unconfirmed authenticator, created on first use so reloading keeps the same key."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


def authenticators(user) -> list[TOTPDevice]:
    """The user's confirmed authenticator apps, oldest first."""
    return list(TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk"))


def manual_key(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four for typing into an app by hand."""
    key = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG QR code, named for screen readers."""
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=5,
        dark="#000",
        light="#fff",
        svgclass="qr-code",
        title=_("QR code for your authenticator app"),
        # A viewBox instead of a fixed size, so the code scales down whole on a narrow screen.
        omitsize=True,
    )
    # segno has no option for the role; an <svg> with role="img" is announced by its <title>.
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308 - segno's own escaped output


@transaction.atomic
def confirm(device: TOTPDevice) -> list[str]:
    """Mark a verified authenticator as confirmed; return new recovery codes if the user had none.

    A second app leaves the codes the user saved with the first one alone.
    """
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    if recovery_device(device.user) is not None:
        return []
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with new ones and return them (the only time they are shown)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_device(user) -> StaticDevice | None:
    """The user's recovery codes, if any were made."""
    return StaticDevice.objects.filter(user=user, confirmed=True).first()


def remaining_recovery_codes(user) -> int:
    """How many unused recovery codes the user has."""
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def owns_recovery_codes(user, codes: list[str]) -> bool:
    """Whether every code is one of the user's unused recovery codes."""
    unused = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    return bool(codes) and all(normalise_recovery_code(code) in unused for code in codes)


@transaction.atomic
def remove_authenticator(user, pk: int) -> bool:
    """Delete one of the user's authenticators; recovery codes go with the last one."""
    deleted, _details = TOTPDevice.objects.filter(user=user, pk=pk).delete()
    if deleted and not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        StaticDevice.objects.filter(user=user).delete()
    return bool(deleted)


def format_recovery_code(code: str) -> str:
    """A recovery code split in two halves for reading, e.g. "abcd-efgh"."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


def normalise_recovery_code(text: str) -> str:
    """What a person typed, reduced to the stored form: lower case, no spaces or dashes."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


def normalise_code(text: str) -> str:
    """An authenticator code without the spaces people type or apps show."""
    return re.sub(r"\s", "", text)
