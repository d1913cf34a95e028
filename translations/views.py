"""The translation status report in Wagtail's Reports menu, and its CSV download."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from editorial.roles import translation_languages
from sciencecity.languages import language_name, target_languages
from sciencecity.upstream.csv_formulas import escape

from .status import SORT_KEYS, State, filtered, source_groups, target_locale_for, translation_statuses


def can_see_report(user) -> bool:
    """Translators, editors, approvers and administrators: anyone who may submit or edit translations."""
    return user.is_superuser or user.has_perm("wagtail_localize.submit_translation") or user.has_perm(
        "wagtailadmin.access_admin"
    )


def source_groups_labels():
    """The types the report can be filtered by."""
    for kind, label, _objects in source_groups(Locale.get_default()):
        yield kind, label, None


class ReportQueryMixin:
    """The report's filters and order, read from the query string (unknown values are ignored, not errors)."""

    def dispatch(self, request, *args, **kwargs):
        if not can_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def language(self) -> str:
        """The target language the report is about: ``?language=``, else the first the user translates into
        (a translator's own, so that "Open the translation" opens one they may edit)."""
        language = self.request.GET.get("language", "")
        if language in target_languages():
            return language
        return next(iter(translation_languages(self.request.user)), "")

    def query(self):
        """(statuses, shown statuses, kinds, state, kind, ordering)."""
        query = self.request.GET
        kinds = [(kind, label) for kind, label, _objects in source_groups_labels()]
        state = query.get("state", "") if query.get("state", "") in State.LABELS else ""
        kind = query.get("type", "") if query.get("type", "") in dict(kinds) else ""
        ordering = query.get("ordering", "state")
        if ordering.lstrip("-") not in SORT_KEYS:
            ordering = "state"
        locale = target_locale_for(self.language())
        statuses = translation_statuses(locale) if locale else []
        return statuses, filtered(statuses, state=state, kind=kind, ordering=ordering), kinds, state, kind, ordering


class TranslationStatusView(ReportQueryMixin, WagtailAdminTemplateMixin, TemplateView):
    """Every Danish page and translatable snippet with its state in one target language, share translated and changes."""

    template_name = "translations/status_report.html"
    page_title = gettext_lazy("Translation status")
    header_icon = "site"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": gettext_lazy("Reports")}, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        """The statuses, filtered and sorted from the query string."""
        context = super().get_context_data(**kwargs)
        statuses, shown, kinds, state, kind, ordering = self.query()
        context.update(
            {
                "statuses": shown,
                "counts": {key.replace("-", "_"): sum(1 for s in statuses if s.state == key) for key in State.LABELS},
                "state_choices": [(key, str(label)) for key, label in State.LABELS.items()],
                "kind_choices": kinds,
                "language": self.language(),
                "language_name": str(language_name(self.language())).capitalize(),
                "language_choices": [(code, str(language_name(code)).capitalize()) for code in target_languages()],
                "state": state,
                "kind": kind,
                "ordering": ordering,
                "columns": [
                    ("title", gettext_lazy("Title")),
                    ("type", gettext_lazy("Content type")),
                    ("state", str(language_name(self.language())).capitalize()),
                    ("progress", gettext_lazy("Translated")),
                ],
                "report_url": reverse("translation_status"),
                "csv_url": reverse("translation_status_csv"),
            }
        )
        return context


class TranslationStatusCSVView(ReportQueryMixin, View):
    """The report as CSV, filtered and sorted as on screen; no cell can run as a spreadsheet formula."""

    def get(self, request):
        """One row per Danish page or item; the changed segments as "old → new" lines in one cell."""
        _statuses, shown, *_rest = self.query()
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="translation-status.csv"'
        response.write("\ufeff")  # so spreadsheet programs read UTF-8
        writer = csv.writer(response)
        language = str(language_name(self.language())).capitalize()
        writer.writerow([_("Title"), _("Content type"), language, _("Translated (%)"), _("Translated segments"),
                         _("Segments"), _("What changed in Danish")])
        for status in shown:
            changed = "\n".join(f"{c.field}: {c.old} → {c.new}" for c in [*status.changes, *status.reviews])
            row = [status.title, status.kind_label, status.state_label, status.percent, status.translated, status.total, changed]
            writer.writerow([escape(cell) for cell in row])
        return response
