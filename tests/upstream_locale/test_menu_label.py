"""wagtail-localize's Reports menu item speaks each user's language (sciencecity/upstream/menu_labels.py)."""

from django.utils import translation
from wagtail.admin.menu import reports_menu
from wagtail_localize.wagtail_hooks import TranslationsReportMenuItem


def report_label(request, language):
    """The label of the "Translations" report as the menu would draw it for a user of that language."""
    with translation.override(language):
        items = reports_menu.menu_items_for_request(request)
        return str(next(item.label for item in items if isinstance(item, TranslationsReportMenuItem)))


def test_the_translations_report_is_labelled_in_each_users_language(rf, admin_user):
    request = rf.get("/admin/")
    request.user = admin_user
    # The first menu of the process is drawn in Danish; upstream froze the label there.
    assert report_label(request, "da") == "Oversættelser"
    assert report_label(request, "sv") == "Översättningar"
    assert report_label(request, "da") == "Oversættelser"
