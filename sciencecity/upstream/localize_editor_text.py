"""Translate the two texts wagtail-localize's translation editor writes in English.

Upstream gap (wagtail-localize 1.14.5, ``static_src/editor/components/TranslationEditor/index.tsx``
and ``footer.tsx``): the editor's heading ``${source} to ${target} translation`` and the footer
button's screen-reader label "More actions" are hard-coded in the compiled bundle instead of going
through ``gettext``, so a Swedish translator reads "Dansk to Svenska translation". A small script,
added to the admin's editors with the ``insert_editor_js`` hook, rewrites both once React has drawn
them. Delete this module, its script and its call in ``sciencecity.apps`` once upstream translates them.
"""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail import hooks


def editor_js():
    """The script, with the heading's translation for the user's admin language."""
    return format_html(
        '<script src="{}" data-heading="{}"></script>',
        static("sciencecity/upstream/localize-editor-text.js"),
        gettext("Translation from %(source)s into %(target)s"),
    )


def apply():
    """Add the script to every admin editor; it changes nothing outside wagtail-localize's."""
    hooks.register("insert_editor_js", editor_js)
