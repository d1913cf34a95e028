"""The translation status report in Wagtail's Reports menu."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .status import SORT_KEYS, State, filtered, source_groups, translation_statuses


def can_see_report(user) -> bool:
    """Translators, editors, approvers and administrators: anyone who may submit or edit translations."""
    return user.is_superuser or user.has_perm("wagtail_localize.submit_translation") or user.has_perm(
        "wagtailadmin.access_admin"
    )


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    """Every Danish page and translatable snippet with its Swedish state and share translated."""

    template_name = "translations/status_report.html"
    page_title = _("Translation status")
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Reports")}, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        """The statuses, filtered and sorted from the query string (unknown values are ignored, not errors)."""
        context = super().get_context_data(**kwargs)
        query = self.request.GET
        kinds = [(kind, label) for kind, label, _objects in source_groups_labels()]
        state = query.get("state", "") if query.get("state", "") in State.LABELS else ""
        kind = query.get("type", "") if query.get("type", "") in dict(kinds) else ""
        ordering = query.get("ordering", "state")
        if ordering.lstrip("-") not in SORT_KEYS:
            ordering = "state"
        statuses = translation_statuses()
        shown = filtered(statuses, state=state, kind=kind, ordering=ordering)
        context.update(
            {
                "statuses": shown,
                "counts": {key.replace("-", "_"): sum(1 for s in statuses if s.state == key) for key in State.LABELS},
                "state_choices": [(key, str(label)) for key, label in State.LABELS.items()],
                "kind_choices": kinds,
                "state": state,
                "kind": kind,
                "ordering": ordering,
                "columns": [
                    ("title", _("Title")),
                    ("type", _("Kind of content")),
                    ("state", _("Swedish")),
                    ("progress", _("Translated")),
                ],
                "report_url": reverse("translation_status"),
            }
        )
        return context


def source_groups_labels():
    """The types the report can be filtered by."""
    from wagtail.models import Locale

    for kind, label, _objects in source_groups(Locale.get_default()):
        yield kind, label, None
