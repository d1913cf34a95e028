"""Who must use two-factor sign-in, and what they have set up."""

from django.conf import settings
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.roles import ADMINISTRATORS, APPROVERS

# Members of these groups publish or administer; their accounts need a second factor.
ENROLMENT_REQUIRED_GROUPS = [APPROVERS, ADMINISTRATORS]


def must_enrol(user) -> bool:
    """Whether the user may not use the admin without an authenticator app."""
    if not user.is_authenticated or not settings.TWO_FACTOR_REQUIRED:
        return False
    return user.is_superuser or user.groups.filter(name__in=ENROLMENT_REQUIRED_GROUPS).exists()


def has_authenticator(user) -> bool:
    """Whether the user has a confirmed authenticator app (recovery codes alone do not count)."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def has_any_device(user) -> bool:
    """Whether a sign-in by this user needs a code: any confirmed device, recovery codes included."""
    return user_has_device(user, confirmed=True)
