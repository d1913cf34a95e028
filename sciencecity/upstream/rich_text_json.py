"""Answer 400, not 500, to an editor POST whose rich text is not the editor's JSON.

Upstream gap (Wagtail 8, ``wagtail/admin/rich_text/editors/draftail/__init__.py``; not reported
upstream): ``DraftailRichTextArea.value_from_datadict`` hands the posted value to
``json.loads`` unchecked, so a page, snippet or block posted with rich text that is not Draftail's
JSON raises ``JSONDecodeError`` inside the form's validation: a 500. The editor's own script always
sends JSON; anything else is broken or forged. Here it is ``MalformedRichText``, a 400 that says so,
and nothing is saved. Delete this module and its ``apply()`` in ``sciencecity.apps`` once Wagtail
reports it as a form error.

Upstream: no issue found (searched 2026-12-07; wagtail/wagtail#6728, a JSONDecodeError on preview, is another cause);
to report: DraftailRichTextArea.value_from_datadict raises JSONDecodeError (500) on posted non-JSON rich text.
"""

import json

from django.utils.translation import gettext_lazy as _
from wagtail.admin.rich_text.editors.draftail import DraftailRichTextArea

from sciencecity.bad_requests import ExplainedBadRequest

_value_from_datadict = DraftailRichTextArea.value_from_datadict


class MalformedRichText(ExplainedBadRequest):
    """A rich text field was posted in another format than the editor's."""

    explanation = _(
        "The form's text field was not in the editor's format, so nothing was saved. "
        "Reload the editor and make the change again."
    )


def value_from_datadict(widget, data, files, name):
    """Wagtail's reading of the posted rich text; text that is not the editor's JSON is a bad request."""
    try:
        return _value_from_datadict(widget, data, files, name)
    except (json.JSONDecodeError, TypeError, KeyError, AttributeError) as error:
        raise MalformedRichText(f"The rich text of {name!r} is not Draftail's JSON: {error}") from error


def apply() -> None:
    """Patch Wagtail's rich text widget once, at start-up."""
    DraftailRichTextArea.value_from_datadict = value_from_datadict
