"""For tests of admin views: sign a user in as if they had also entered their authenticator code."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


def force_verified_login(client, user) -> TOTPDevice:
    """Like ``client.force_login(user)``, with a confirmed authenticator that verified the session.

    Approvers, administrators and superusers are sent to set up two-factor
    sign-in otherwise (accounts.middleware.TwoFactorMiddleware).
    """
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
