"""Labels, in the admin's language, for what upstream leaves unlabelled or names from Python.

Upstream gaps (Wagtail 8, wagtail-localize 1.14.5): unlabelled fields and columns got their Python
name in English ("Password*", "Page*", "Content types", "Site name", "Root page"), models without a
``verbose_name`` their class name ("Locale", "Translation"), the page search counted "1-3 of 3 None",
the account's languages read "dansk · English · svenska", the tree's root "Root"; a locale had one
name for every admin language ("Udgiv på Svenska"; lazy names break wagtail-localize's ``json.dumps``),
now the admin's in-sentence name ("svensk"). Delete each line (and this module's call in
``sciencecity.apps``) once upstream labels it.

Upstream: the locale names: https://github.com/wagtail/wagtail/issues/6571 (Allow to mark the language names as
translation strings, closed); the other labels: no issue found (searched 2026-12-07); to report: admin labels left
untranslated (login password, workflow page/content types, sites columns, Locale model, search count, Root).
"""

from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sciencecity.languages import language_name


def _root_titled(get_admin_display_title):
    return lambda page: gettext("Root") if page.depth == 1 else get_admin_display_title(page)


def apply() -> None:
    """Label the fields, columns and models once, at start-up."""
    from wagtail.admin.forms import account
    from wagtail.admin.forms.auth import LoginForm
    from wagtail.admin.forms.workflows import WorkflowContentTypeForm, WorkflowPageForm
    from wagtail.admin.views.pages.search import SearchView
    from wagtail.models import Locale, Page, Site
    from wagtail.sites.views import IndexView as SiteIndexView
    from wagtail.users.forms import PagePermissionsForm
    from wagtail_localize.models import Translation

    LoginForm.base_fields["password"].label = _("Password")
    WorkflowPageForm.base_fields["page"].label = _("Page")
    PagePermissionsForm.base_fields["page"].label = _("Page")
    WorkflowContentTypeForm.base_fields["content_types"].label = _("Content types")
    for column in SiteIndexView.columns:
        if column.name in ("site_name", "root_page"):
            column.label = capfirst(Site._meta.get_field(column.name).verbose_name)
    Locale._meta.verbose_name, Locale._meta.verbose_name_plural = _("language"), _("languages")
    Translation._meta.verbose_name, Translation._meta.verbose_name_plural = _("translation"), _("translations")
    SearchView.verbose_name, SearchView.verbose_name_plural = Page._meta.verbose_name, Page._meta.verbose_name_plural
    Page.get_admin_display_title = _root_titled(Page.get_admin_display_title)
    Locale.get_display_name = lambda locale: str(language_name(locale.language_code))
    languages = account._get_language_choices
    account.LocalePreferencesForm.base_fields["preferred_language"].choices = lambda: [
        (code, capfirst(name)) for code, name in languages()
    ]
