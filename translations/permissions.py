"""Translators change translations, never the Danish originals: a per-locale permission policy for data.

Pages are protected by Wagtail's page permissions on the Danish tree. For
snippets, Wagtail and wagtail-localize check permissions per model, not per
locale, so a translator who may change districts could change the Danish
ones too. This policy lets a translator (a member of a Translators group
and of no editing group) change only the versions in other languages.
"""

from wagtail.models import Locale, PagePermissionTester
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from editorial.roles import ADMINISTRATORS, APPROVERS, EDITORS, TRANSLATORS
from districts.models import District
from sciencecity.models import FooterText
from workshops.models import Topic, Workshop

SOURCE_ACTIONS = {"change", "delete", "publish", "unpublish", "lock", "unlock"}


def is_translator_only(user) -> bool:
    """Whether the user's rights over data come from the Translators role alone (kept on the user for the request)."""
    if not user.is_authenticated or user.is_superuser:
        return False
    if not hasattr(user, "_translator_only"):
        groups = set(user.groups.values_list("name", flat=True))
        user._translator_only = bool(groups & set(TRANSLATORS.values())) and not groups & {EDITORS, APPROVERS, ADMINISTRATORS}
    return user._translator_only


_can_delete = PagePermissionTester.can_delete


def can_delete(tester, ignore_bulk=False) -> bool:
    """Wagtail's rule, except that translators delete no page: a translation goes with its Danish original."""
    return not is_translator_only(tester.user) and _can_delete(tester, ignore_bulk=ignore_bulk)


class TranslationOnlyPermissionPolicy(ModelPermissionPolicy):
    """Model permissions as usual, except that translators may not touch the default language's instances."""

    def _blocked(self, user, actions, instance) -> bool:
        return (
            bool(set(actions) & SOURCE_ACTIONS)
            and instance.locale_id == Locale.get_default().pk
            and is_translator_only(user)
        )

    def user_has_permission_for_instance(self, user, action, instance):
        """Refuse a translator's change to a Danish original; otherwise the model permission decides."""
        if self._blocked(user, [action], instance):
            return False
        return super().user_has_permission_for_instance(user, action, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        """As above, for a set of actions."""
        allowed = [action for action in actions if not self._blocked(user, [action], instance)]
        return bool(allowed) and super().user_has_any_permission_for_instance(user, allowed, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        """The instances the user may act on: a translator sees the translations only."""
        instances = super().instances_user_has_any_permission_for(user, actions)
        if set(actions) & SOURCE_ACTIONS and is_translator_only(user):
            instances = instances.exclude(locale=Locale.get_default())
        return instances


def register() -> None:
    """Use the policy for every translatable model editors keep as data, and keep translators from deleting pages."""

    for model in (District, Workshop, Topic, FooterText):
        register_permission_policy(model, TranslationOnlyPermissionPolicy(model))
    # Wagtail lets whoever may change and publish in a tree delete its leaf pages.
    PagePermissionTester.can_delete = can_delete
