"""The health check a load balancer, a container runtime and an operator poll: can this process serve pages?

``GET /health/`` answers JSON: ``status`` and one entry per dependency, each
with ``ok``. The status code is what a load balancer reads: 200 while this
process can serve a page, 503 when it cannot, which is when the database does
not answer (every page reads it). The cache is an accelerator, so a cache
that does not answer makes the status ``degraded``, still 200; so does an
app's check that fails (``registry.health_checks``: the purge queue's oldest
waiting task). Reasons go to the log, not to whoever polls.

It stays cheap enough to call every few seconds: one query, one cache round
trip and the apps' checks. It is outside the language prefix, exempt from the
HTTPS redirect (production's SECURE_REDIRECT_EXEMPT) so a probe over plain HTTP
works, never cached, and never touches the session, so it sets no cookie.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import DatabaseError
from django.http import JsonResponse
from django.views.decorators.http import require_safe

from . import registry
from .models import ContentVersion

logger = logging.getLogger(__name__)


def database() -> dict:
    """Whether the database answers the first question every page asks it (the content's version)."""
    try:
        ContentVersion.current()
    except DatabaseError:
        logger.exception("Health check: the database did not answer")
        return {"ok": False}
    return {"ok": True}


def shared_cache() -> dict:
    """Whether the shared cache keeps what it is given: a value written and read back."""
    key, value = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, value, 10)
        ok = cache.get(key) == value
        cache.delete(key)
    except Exception:  # noqa: BLE001 - any failure of the cache is an answer, not an error
        logger.exception("Health check: the shared cache failed")
        ok = False
    return {"ok": ok}


@require_safe
def health(request):
    """JSON with each dependency's state; 200 while pages can be served, 503 while the database does not answer."""
    checks = {"database": database(), "cache": shared_cache()}
    for name, check in registry.health_checks.items():
        try:
            checks[name] = check()
        except Exception:  # noqa: BLE001 - a check that cannot tell is a failed check, never a 500
            logger.exception("Health check: %s could not be checked", name)
            checks[name] = {"ok": False}
    if not checks["database"]["ok"]:
        status = "unavailable"
    else:
        status = "ok" if all(check["ok"] for check in checks.values()) else "degraded"
    response = JsonResponse({"status": status, **checks}, status=503 if status == "unavailable" else 200)
    response["Cache-Control"] = "no-store"
    return response
