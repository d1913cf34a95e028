"""The client address django-axes counts failed logins against, and what a successful login resets."""

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings


def client_ip(request) -> str | None:
    """REMOTE_ADDR, or behind REVERSE_PROXY_COUNT trusted proxies the address the outermost one saw.

    Each proxy appends the address it received the request from to
    X-Forwarded-For, so only the last REVERSE_PROXY_COUNT entries are
    trustworthy; anything to their left may be made up by the client. And only
    a request from a proxy (TRUSTED_PROXIES) carries an X-Forwarded-For worth
    reading: anyone who reaches the app directly could write any address there.
    """
    count = getattr(settings, "REVERSE_PROXY_COUNT", 0)
    peer = request.META.get("REMOTE_ADDR")
    if count > 0 and is_trusted_proxy(peer):
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return peer


def is_trusted_proxy(address: str | None) -> bool:
    """Whether ``address`` is one of TRUSTED_PROXIES (addresses or networks; "*" trusts every peer)."""
    trusted = settings.TRUSTED_PROXIES
    if "*" in trusted:
        return True
    try:
        peer = ipaddress.ip_address(address or "")
    except ValueError:
        return False
    return any(peer in ipaddress.ip_network(entry, strict=False) for entry in trusted)


class OwnAttemptsHandler(AxesDatabaseHandler):
    """django-axes' database handler whose reset on success forgets only the user's own failures.

    Axes' own reset deletes the attempts matched by every lockout parameter,
    the address-only one included (and has no setting to change that), so a
    colleague's successful login from the same office would wipe out an
    attacker's guesses at someone else's password.
    """

    def reset_user_attempts(self, request, credentials=None) -> int:
        """Delete the attempts of this username from this address only."""
        count, _ = AccessAttempt.objects.filter(
            username=get_client_username(request, credentials), ip_address=request.axes_ip_address
        ).delete()
        return count
