"""What every admin of translatable data shares: lists in the editor's language, and permissions asked per object.

Wagtail's lists of translatable snippets show every language at once by
default, so each district appeared twice, a Danish and a Swedish row that
looked the same. An explicit choice in the language filter (``?locale=``,
"All" included) still wins.

Wagtail's snippet views check the model's permission only: whoever may publish
districts could unpublish, lock, unlock or unschedule any district, in any
language. Here every view that acts on one object also asks the model's
permission policy about that object (the roles table's policy,
``editorial.permissions``, answers per language).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import LocaleColumn
from wagtail.models import Locale
from wagtail.snippets.views import snippets
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet


def editor_language() -> str:
    """The content language that matches the language the editor uses the admin in (Danish otherwise)."""
    return Locale.get_active().language_code


class EditorLanguageIndexView(IndexView):
    """A snippet list filtered to the editor's language until they choose another, offering only what each row allows."""

    def get_edit_url(self, instance):
        """The row's edit link, where the user may change this very object (a translator: their language's)."""
        return super().get_edit_url(instance) if self.user_has_permission_for_instance("change", instance) else None

    def get_delete_url(self, instance):
        """The row's delete link, where the user may delete this very object (an editor: a draft)."""
        return super().get_delete_url(instance) if self.user_has_permission_for_instance("delete", instance) else None

    def get_filterset_kwargs(self):
        """Default the language filter to the editor's language."""
        kwargs = super().get_filterset_kwargs()
        if self.i18n_enabled and "locale" not in self.request.GET:
            data = kwargs["data"].copy()
            data["locale"] = editor_language()
            kwargs["data"] = data
        return kwargs


def language_column() -> LocaleColumn:
    """The column that names each row's language."""
    return LocaleColumn(label=_("Language"))


class ObjectPermissionMixin:
    """A view acting on one object refuses what the permission policy refuses for that object.

    Only a refusal the policy makes for this object is added: where the policy
    refuses the whole model, Wagtail's own exceptions stay (the person who
    locked an object may unlock it; an approver locks through the workflow).
    """

    def user_has_permission(self, permission):
        """Wagtail's answer, unless the policy grants the model but not this object."""
        allowed = super().user_has_permission(permission)
        obj, policy, user = getattr(self, "object", None), self.permission_policy, self.request.user
        if allowed and isinstance(obj, self.model) and policy.user_has_permission(user, permission):
            return policy.user_has_permission_for_instance(user, permission, obj)
        return allowed


def checked(view_class, **attributes):
    """Wagtail's snippet view for one object, asking the permission policy about that object."""
    return type(f"Data{view_class.__name__}", (ObjectPermissionMixin, view_class), attributes)


class DataViewSet(SnippetViewSet):
    """A snippet viewset for translatable data: the list opens in the editor's language; rights are per object."""

    index_view_class = EditorLanguageIndexView
    # Editing also reverts and publishes from the form; unpublishing is its own action (not everyone who
    # publishes may withdraw).
    edit_view_class = checked(snippets.EditView)
    delete_view_class = checked(snippets.DeleteView)
    unpublish_view_class = checked(snippets.UnpublishView, permission_required="unpublish")
    revisions_unschedule_view_class = checked(snippets.RevisionsUnscheduleView)
    lock_view_class = checked(snippets.LockView)
    unlock_view_class = checked(snippets.UnlockView)
