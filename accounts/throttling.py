"""The client address django-axes counts failed logins against."""

from django.conf import settings


def client_ip(request) -> str | None:
    """REMOTE_ADDR, or behind REVERSE_PROXY_COUNT trusted proxies the address the outermost one saw.

    Each proxy appends the address it received the request from to
    X-Forwarded-For, so only the last REVERSE_PROXY_COUNT entries are
    trustworthy; anything to their left may be made up by the client.
    """
    count = getattr(settings, "REVERSE_PROXY_COUNT", 0)
    if count > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
