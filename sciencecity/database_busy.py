"""A save the database could not take in time is answered 503, with why, in the editor's language: never a 500.

On SQLite a save waits for another to finish (IMMEDIATE transactions with a
timeout, sciencecity/settings/database.py); only one that waited longer than
the timeout gets here. Nothing was saved, since the view's transaction rolled
back, and saving again works once the other save is done.

A database that does not answer at all is a 503 too, for every request: the
error page (``views.server_error``) tells it apart with ``database_unavailable``.
"""

from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext

# SQLite's words for "another connection holds the lock and the wait ran out".
BUSY_MESSAGES = ("database is locked", "database table is locked")
RETRY_AFTER_SECONDS = 5


def is_database_busy(exception: BaseException) -> bool:
    """Whether the exception is the database refusing a write because another one holds it."""
    return isinstance(exception, OperationalError) and any(text in str(exception) for text in BUSY_MESSAGES)


def database_unavailable(exception: BaseException | None) -> bool:
    """Whether the exception is the database not answering at all (stopped, refusing, gone), not a bug in a query."""
    return isinstance(exception, (OperationalError, InterfaceError)) and not is_database_busy(exception)


def preferred_language(request) -> str:
    """The signed-in user's admin language where they chose one, else the request's."""
    profile = getattr(getattr(request, "user", None), "wagtail_userprofile", None)
    return profile.get_preferred_language() if profile else translation.get_language()


class DatabaseBusyMiddleware:
    """Turn a save that timed out waiting for the database into a 503 that says what happened."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        """A message for the editor (JSON for the editor's autosave), or None for any other error."""
        if not is_database_busy(exception):
            return None
        with translation.override(preferred_language(request)):
            message = gettext(
                "The changes were not saved because the database was busy with another save. "
                "Wait a moment and save again."
            )
            if not request.accepts("text/html"):
                response = JsonResponse(
                    {"success": False, "error_code": "database_busy", "error_message": message}, status=503
                )
            else:
                context = {"message": message, "in_admin": request.path_info.startswith("/admin/")}
                response = TemplateResponse(request, "database_busy.html", context, status=503).render()
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
