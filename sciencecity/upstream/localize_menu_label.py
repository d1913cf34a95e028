"""Show wagtail-localize's "Translations" report in each user's own language in the Reports menu.

Upstream gap (wagtail-localize 1.14.5, ``wagtail_hooks.register_wagtail_localize2_report_menu_item``):
the menu item's label is ``gettext("Translations")``, evaluated once, when the first request of a
process builds Wagtail's Reports menu. Every later user sees it in that first user's language, so
Swedish translators read the Danish "Oversættelser". This gives the item a lazy label, translated
when each menu is drawn. Delete this module (and its call in ``sciencecity.apps``) once upstream uses
``gettext_lazy``.
"""

from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail_localize.wagtail_hooks import TranslationsReportMenuItem


def translate_label(request, menu_items):
    """Replace the report item's frozen label by a lazy one (idempotent, so safe on every request)."""
    for item in menu_items:
        if isinstance(item, TranslationsReportMenuItem):
            item.label = gettext_lazy("Translations")


def apply():
    """Register the hook that fixes the label."""
    hooks.register("construct_reports_menu", translate_label)
