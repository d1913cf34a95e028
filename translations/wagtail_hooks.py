"""The translation status report in the Reports menu, and the guard on Danish originals in the snippet forms."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.permissions import policy_registry

from .permissions import TranslationOnlyPermissionPolicy
from .views import TranslationStatusView, can_see_report


class TranslationStatusMenuItem(MenuItem):
    """Shown to everyone who works with translations."""

    def is_shown(self, request):
        return can_see_report(request.user)


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [path("reports/translation-status/", TranslationStatusView.as_view(), name="translation_status")]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"), reverse("translation_status"), name="translation-status", icon_name="site", order=50
    )


def _refuse_source_change(request, instance):
    """Stop a translator at the edit or delete form of a Danish original (snippets are checked per model)."""
    policy = policy_registry.get_by_type(type(instance))
    if isinstance(policy, TranslationOnlyPermissionPolicy) and not policy.user_has_permission_for_instance(
        request.user, "change", instance
    ):
        return permission_denied(request)
    return None


hooks.register("before_edit_snippet", _refuse_source_change)
@hooks.register("before_delete_snippet")
def _refuse_source_deletion(request, instances):
    """As above, for deleting one or more snippets."""
    for instance in instances:
        if response := _refuse_source_change(request, instance):
            return response
    return None
