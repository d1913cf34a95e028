"""Menu items in each user's language, not in the language of the request that first built the menu.

Wagtail builds its menus' items once per process, on the first request that draws them, so a label
evaluated then stays in that user's language for everyone. Upstream gaps: wagtail-localize 1.14.5's
Reports item is ``gettext("Translations")`` (Swedish translators read "Oversættelser"); Wagtail 8's
Help item is ``gettext_lazy("What's new in Wagtail %(version)s") % {…}``, which formats at once ("Nyt i
Wagtail 8.0" in the English admin). Each gets a lazy label, translated when each menu is drawn.
Delete each hook (and this module's call in ``sciencecity.apps``) once upstream's label is lazy.

Upstream: no issue found (searched 2026-12-07; the same kind of bug, fixed elsewhere:
https://github.com/wagtail/wagtail/pull/10539); to report: wagtail-localize's "Translations" reports menu label
and Wagtail's "What's new" help label are not lazy.
"""

from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_lazy
from wagtail import hooks
from wagtail_localize.wagtail_hooks import TranslationsReportMenuItem

WHATS_NEW = "whats-new-in-wagtail-"
whats_new = lazy(lambda version: gettext("What's new in Wagtail %(version)s") % {"version": version}, str)


def translate_report_label(request, menu_items):
    """Replace the report item's frozen label by a lazy one (idempotent, so safe on every request)."""
    for item in menu_items:
        if isinstance(item, TranslationsReportMenuItem):
            item.label = gettext_lazy("Translations")


def translate_help_label(request, menu_items):
    """Replace the "What's new" item's frozen label by a lazy one."""
    for item in menu_items:
        if item.name.startswith(WHATS_NEW):
            item.label = whats_new(item.name.removeprefix(WHATS_NEW))


def apply():
    """Register the hooks that fix the labels."""
    hooks.register("construct_reports_menu", translate_report_label)
    hooks.register("construct_help_menu", translate_help_label)
