"""The roles table enforced per object: each group's permissions apply in its languages, and only some withdraw.

Wagtail checks a snippet's permissions per model, so a translator who may
change districts could change the Danish ones, and the Swedish translator the
English ones; and whoever may delete districts could delete a live one.
``DataPermissionPolicy`` answers for each object instead, from the roles table
(``roles.may``): a group's model permissions apply to data in the group's
languages only, and unpublishing or deleting what visitors see needs a group
that withdraws (approvers, administrators). Model-wide questions (may this user
publish districts at all?) keep Wagtail's answer.

Pages are checked per tree by Wagtail already (each group has permissions on its
language's tree); on top of that a page can be unpublished only by a group that
withdraws in its language, and translators delete and move no page, since a
translation goes with its Danish original.
"""

from django.apps import apps
from django.db.models import Q
from wagtail.models import Locale, PagePermissionTester
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .roles import DATA_MODELS, is_translator_only, may, may_withdraw

# Actions on one object whose right depends on the object's language.
INSTANCE_ACTIONS = {"change", "delete", "publish", "unpublish", "lock", "unlock"}


def language_of(user, instance) -> str:
    """The object's language code; the codes are read once per request (kept on the user), not once per row."""
    if not hasattr(user, "_locale_codes"):
        user._locale_codes = dict(Locale.objects.values_list("pk", "language_code"))
    return user._locale_codes.get(instance.locale_id) or instance.locale.language_code


def is_live(instance) -> bool:
    """Whether visitors see the object (data without drafts is always live)."""
    return getattr(instance, "live", True)


class DataPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, answered per object from the roles table's languages and withdrawing groups."""

    def _codename(self, action: str) -> str:
        # Unpublishing is part of the publish permission, as in Wagtail.
        action = "publish" if action == "unpublish" else action
        return f"{self.app_label}.{action}_{self.model_name}"

    def user_has_permission(self, user, action):
        """Whether the user may do ``action`` to some object of the model ("unpublish" is publishing's)."""
        return super().user_has_permission(user, "publish" if action == "unpublish" else action)

    def user_has_permission_for_instance(self, user, action, instance):
        """Whether a group of the user grants ``action`` in the object's language (and withdraws, where needed)."""
        if action not in INSTANCE_ACTIONS:
            return super().user_has_permission_for_instance(user, action, instance)
        withdrawing = action == "unpublish" or (action == "delete" and is_live(instance))
        return may(user, self._codename(action), language_of(user, instance), withdrawing=withdrawing)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        """As above, for any of several actions."""
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        """The objects the user may do any of ``actions`` to, per language."""
        if not set(actions) & INSTANCE_ACTIONS:
            return super().instances_user_has_any_permission_for(user, actions)
        if not user.is_active:
            return self.model._default_manager.none()
        if user.is_superuser:
            return self.model._default_manager.all()
        allowed = Q(pk__in=[])
        for language in Locale.objects.values_list("language_code", flat=True):
            in_language = Q(locale__language_code=language)
            for action in actions:
                codename = self._codename(action)
                if action == "delete":
                    if may(user, codename, language, withdrawing=True):
                        allowed |= in_language
                    elif may(user, codename, language):
                        allowed |= in_language & Q(live=False)
                elif action in INSTANCE_ACTIONS and may(user, codename, language, withdrawing=action == "unpublish"):
                    allowed |= in_language
        return self.model._default_manager.filter(allowed)


_can_delete = PagePermissionTester.can_delete
_can_unpublish = PagePermissionTester.can_unpublish


def can_delete(tester, ignore_bulk=False) -> bool:
    """Wagtail's rule (only publishers delete what is live), except that translators delete (and move) no page."""
    return not is_translator_only(tester.user) and _can_delete(tester, ignore_bulk=ignore_bulk)


def can_unpublish(tester) -> bool:
    """Wagtail's rule, for a group that withdraws in the page's language."""
    return _can_unpublish(tester) and may_withdraw(tester.user, language_of(tester.user, tester.page))


def register() -> None:
    """Use the policy for every model of data in the roles table, and the page rules."""
    for label in DATA_MODELS:
        model = apps.get_model(label)
        register_permission_policy(model, DataPermissionPolicy(model))
    PagePermissionTester.can_delete = can_delete
    PagePermissionTester.can_unpublish = can_unpublish
