"""The health check a container runtime or load balancer polls: is this process able to serve pages?

It asks the database one trivial question and nothing else, so it stays cheap enough to
call every few seconds. It is outside the language prefix, exempt from the HTTPS redirect
(production's SECURE_REDIRECT_EXEMPT) so a check over plain HTTP inside a container works,
and it never touches the session, so it sets no cookie.
"""

import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@require_safe
def health(request):
    """200 ``ok`` when the database answers ``SELECT 1``, 503 when it does not; never cached."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        # The reason goes to the log for the operator, not to whoever polls the endpoint.
        logger.exception("Health check: the database did not answer")
        response = HttpResponse("database unavailable", status=503, content_type="text/plain; charset=utf-8")
    else:
        response = HttpResponse("ok", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response
