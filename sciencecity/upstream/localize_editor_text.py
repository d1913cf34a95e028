"""Translate what wagtail-localize's translation editor writes in English: two labels, and dates.

Upstream gaps (wagtail-localize 1.14.5): the editor's heading ``${source} to ${target} translation``
and its "More actions" label are hard-coded in the bundle (``TranslationEditor/index.tsx``,
``footer.tsx``); a script added with ``insert_editor_js`` rewrites both once React has drawn them,
writing only a text that changes (it watches its own writes). ``StringTranslation.get_comment`` dates
notes with ``strftime`` in English; here the date follows the admin's ``DATE_FORMAT``. Delete this
module, its script and its calls in ``sciencecity.apps`` once upstream translates them.

Upstream: no issue found (searched 2026-12-07); to report: wagtail-localize translation editor heading, "More actions"
and segment note dates (StringTranslation.get_comment) are English-only.
"""

from django.templatetags.static import static
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext
from wagtail import hooks
from wagtail_localize.compat import DATE_FORMAT
from wagtail_localize.models import StringTranslation

_original_get_comment = StringTranslation.get_comment


def editor_js():
    """The script, with the heading's translation for the user's admin language."""
    return format_html(
        '<script src="{}" data-heading="{}"></script>',
        static("sciencecity/upstream/localize-editor-text.js"),
        gettext("Translation from %(source)s into %(target)s"),
    )


def get_comment(string_translation):
    """wagtail-localize's note on how and when a segment was translated, its date in the admin's language."""
    comment = _original_get_comment(string_translation)
    if comment and string_translation.updated_at:
        english = string_translation.updated_at.strftime(DATE_FORMAT)
        comment = comment.replace(english, date_format(localtime(string_translation.updated_at), "DATE_FORMAT"))
    return comment


def apply():
    """Add the script to every admin editor (it changes nothing outside wagtail-localize's); date the notes."""
    hooks.register("insert_editor_js", editor_js)
    StringTranslation.get_comment = get_comment
