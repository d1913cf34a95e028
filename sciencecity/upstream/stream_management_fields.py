"""Answer 400, not 500, to an editor POST whose StreamField management fields are missing or not numbers.

Upstream gap (Wagtail 8, ``wagtail/blocks/stream_block.py`` and ``list_block.py``):
``value_from_datadict`` reads ``data["body-count"]`` (and ``-N-deleted``,
``-N-type``, ``-N-order`` of each block) without checking they are there and
calls ``int()`` on them, so a page edit, create or preview POST without
``body-count``, or with ``body-count=many``, raises ``KeyError`` or
``ValueError`` inside the form's validation: a 500. The editor's own JavaScript
always sends them; a POST without them is broken or forged. Here the
StreamField widget turns those errors into ``IncompleteBlockData``, a
``BadRequest``, which Django answers with 400 through ``handler400``
(``sciencecity.views.bad_request``), naming the problem. Nothing is saved. Delete
this module and its ``apply()`` in ``sciencecity.apps`` once Wagtail reports
missing management fields as form errors.

Upstream: https://github.com/wagtail/wagtail/issues/11920 (MultiValueDictKeyError 'body-count' on save, closed as
needs-info) reports this 500; no issue asks for a form error (searched 2026-12-07); to report: StreamBlock/ListBlock
value_from_datadict should reject missing or non-numeric management fields as a validation error.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.blocks.base import BlockWidget

from sciencecity.bad_requests import ExplainedBadRequest

_original_value_from_datadict = BlockWidget.value_from_datadict


class IncompleteBlockData(ExplainedBadRequest):
    """A StreamField's posted blocks lack their management fields, or they are not numbers."""

    explanation = _(
        "The form lacked part of the page's content (the count of its blocks), so nothing was saved. "
        "Reload the editor and make the change again."
    )


def value_from_datadict(widget, data, files, name):
    """Wagtail's reading of the posted blocks; missing or malformed management fields are a bad request."""
    try:
        return _original_value_from_datadict(widget, data, files, name)
    except (KeyError, ValueError) as error:
        raise IncompleteBlockData(f"The posted blocks of {name!r} are incomplete: {error}") from error


def apply() -> None:
    """Patch Wagtail's StreamField widget once, at start-up."""
    BlockWidget.value_from_datadict = value_from_datadict
