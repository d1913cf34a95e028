"""The translators' admin: the status report and its CSV, the dashboard's list of Danish changes, a notice on a
translated page, and the guards: no alias conversion for translators, no copying across languages past the approval,
nothing out of the alias of an unpublished Danish page."""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from editorial.roles import is_translator_only, translation_languages
from sciencecity.languages import language_name

from .status import missing_or_outdated, status_for, target_locale_for
from .views import TranslationStatusCSVView, TranslationStatusView, can_see_report

DASHBOARD_LIMIT = 8


class TranslationStatusMenuItem(MenuItem):
    """Shown to everyone who works with translations."""

    def is_shown(self, request):
        return can_see_report(request.user)


@hooks.register("register_admin_urls")
def register_translation_status_url():
    """The status report and its CSV download, under the admin's reports."""
    return [
        path("reports/translation-status/", TranslationStatusView.as_view(), name="translation_status"),
        path("reports/translation-status/csv/", TranslationStatusCSVView.as_view(), name="translation_status_csv"),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    """The status report in the Reports menu, for those who may see it."""
    return TranslationStatusMenuItem(
        gettext_lazy("Translation status"), reverse("translation_status"), name="translation-status", icon_name="site", order=50
    )


class DanishChangesPanel(Component):
    """The translator's dashboard: Danish pages and items whose version in the translator's languages is missing or behind."""

    name = "danish_changes"
    template_name = "translations/admin/danish_changes_panel.html"
    order = 20

    def __init__(self, languages: dict[str, list]):
        self.languages = languages

    def get_context_data(self, parent_context):
        """Per language: the first few, how many there are in all, and the report for that language."""
        report = reverse("translation_status")
        return {
            "languages": [
                {
                    "name": str(language_name(code)).capitalize(),
                    "statuses": statuses[:DASHBOARD_LIMIT],
                    "count": len(statuses),
                    "report_url": f"{report}?language={code}",
                }
                for code, statuses in self.languages.items()
                if statuses
            ],
            "several": len(self.languages) > 1,
        }


@hooks.register("construct_homepage_panels")
def show_danish_changes(request, panels):
    """Translators see what to bring into their languages first thing."""
    if request.user.has_perm("wagtail_localize.submit_translation"):
        locales = {code: target_locale_for(code) for code in translation_languages(request.user)}
        panels.append(DanishChangesPanel({code: missing_or_outdated(locale) for code, locale in locales.items() if locale}))


@hooks.register("before_edit_page", order=-1)
def say_the_danish_changed(request, page):
    """On a translation whose Danish original was published with changes: say so, with the way to update."""
    if request.method != "GET" or not request.user.has_perm("wagtail_localize.submit_translation"):
        return None
    status = status_for(page)
    if status is not None and status.update_url:
        messages.warning(
            request,
            _("The Danish version was published with changes (%(count)s segments) since this translation was updated.")
            % {"count": len(status.changes)},
            buttons=[messages.button(f"{status.update_url}?next={request.path}", _("Update from the Danish version"))],
        )
    return None


@hooks.register("construct_page_action_menu")
def hide_alias_conversion(menu_items, request, context):
    """Translators translate: converting a translation to an alias (which deletes it) is not theirs to do."""
    if is_translator_only(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


def unapproved_aliases(page, with_descendants: bool):
    """The originals of the aliases among ``page`` (and its descendants) that visitors may not see.

    wagtail-localize mirrors every Danish page into each synchronised tree as an
    alias holding the page's text, drafts included (wagtail/wagtail#10386); while
    the original is not live, that text is one nobody approved for visitors (or
    one withdrawn from them). It leaves the alias only through translation, which
    reads the published version (sciencecity/upstream/localize_published_source.py).
    """
    pages = page.get_descendants(inclusive=True) if with_descendants else Page.objects.filter(pk=page.pk)
    return Page.objects.filter(pk__in=pages.filter(alias_of__isnull=False).values("alias_of_id"), live=False)


def refuse_unapproved_text(request, page, with_descendants=False):
    """Refuse, with a message, what would carry an unpublished original's text out of its alias (unless one may publish it)."""
    for original in unapproved_aliases(page, with_descendants):
        if not original.permissions_for_user(request.user).can_publish():
            messages.error(
                request,
                _("“%(title)s” is not published in %(language)s, so this alias holds text visitors may not see. "
                  "Translate it instead, or copy it once it is published.")
                % {"title": original.title, "language": language_name(original.locale.language_code)},
            )
            return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    return None


@hooks.register("before_convert_alias_page")
def refuse_converting_an_unapproved_alias(request, page):
    """Converting such an alias into a page would let it be published with that text."""
    return refuse_unapproved_text(request, page)


@hooks.register("before_copy_page")
def refuse_copying_an_unapproved_alias(request, page):
    """A copy of such an alias (or of a page above it, with its subpages) would be a page with that text."""
    if request.method != "POST":
        return None
    return refuse_unapproved_text(request, page, with_descendants=bool(request.POST.get("copy_subpages")))


@hooks.register("before_copy_page")
def refuse_copies_across_languages(request, page):
    """A copy or alias in another language's tree would carry drafts past the approval: only publishers may."""
    if request.method != "POST" or page.permissions_for_user(request.user).can_publish():
        return None
    parent = request.POST.get("new_parent_page", "")
    destination = Page.objects.filter(pk=int(parent)).first() if parent.isdigit() else None
    if destination is not None and destination.locale_id != page.locale_id:
        return permission_denied(request)
    return None
