"""wagtail-localize acts on one language at a time, for those who may work in that language.

Upstream gap (wagtail-localize 1.14.5; not reported upstream, related: wagtail/wagtail-localize#108):
its views check Wagtail's model permissions, not the object's. ``user_can_edit_instance`` asks whether
the user may change *some* district, so the Swedish translator could edit, preview, upload PO files
for and stop the sync of the English translation of a district; "Update translations" refreshes and
publishes every language's translation for whoever may submit translations, so the Swedish
translator published English pages; the submit form offers every language. And its translation editor
offers "Stop Synced translation" and "Convert to alias page" to everyone who may edit the translation,
though both change how the source reaches that language. Here:

- editing a translation (its segments, PO files, preview) needs the permission for that object
  (the snippet's permission policy, per object; a page's permissions in its tree);
- "Update translations" updates the source and then only the translations the user may publish (or,
  without publishing, edit): each translator updates their own language;
- the submit form offers the languages a group of the user translates into (``editorial.roles``);
- stopping the sync, like converting to an alias, needs the right to edit the source as well, and the
  editor offers neither to anyone else (nor "Unpublish" and "Delete" where Wagtail would refuse them).

Delete this module (and its call in ``translations.apps``) once upstream checks objects, not models.
"""

import contextlib
import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation, submit_translations, update_translations

from editorial.roles import may as role_may

_user_can_edit_instance = edit_translation.user_can_edit_instance
_stop_translation = edit_translation.stop_translation
_render = edit_translation.render
_get_form = submit_translations.SubmitTranslationView.get_form
_update_context = update_translations.UpdateTranslationsView.get_context_data

def may(user, action: str, instance) -> bool:
    """Whether the user may ``action`` ("change" or "publish") this page or object."""
    if isinstance(instance, Page):
        tester = instance.permissions_for_user(user)
        return tester.can_publish() if action == "publish" else tester.can_edit()
    return policy_registry.get_by_type(type(instance)).user_has_permission_for_instance(user, action, instance)


def user_can_edit_instance(user, instance) -> bool:
    """Upstream's check, and the permission for this object."""
    return _user_can_edit_instance(user, instance) and may(user, "change", instance)


def may_redirect_sync(user, translation: Translation) -> bool:
    """Stopping a translation's sync, or turning it into an alias, needs the right to edit the source too."""
    return may(user, "change", translation.get_target_instance()) and may(
        user, "change", translation.source.get_source_instance()
    )


def stop_translation(request, translation_id):
    """Upstream's view, for those who may also edit the source."""
    translation = get_object_or_404(Translation, id=translation_id)
    if not may_redirect_sync(request.user, translation):
        raise PermissionDenied
    return _stop_translation(request, translation_id)


def render(request, template_name, context=None, *args, **kwargs):
    """Upstream's render; the translation editor offers only what the user may do."""
    if template_name == "wagtail_localize/admin/edit_translation.html" and context:
        translation, instance = context["translation"], context["instance"]
        props = json.loads(context["props"])
        may_redirect = may_redirect_sync(request.user, translation)
        if not may_redirect:
            props["links"]["convertToAliasUrl"] = None
        if isinstance(instance, Page):
            tester = instance.permissions_for_user(request.user)
            props["perms"].update(canUnpublish=tester.can_unpublish(), canDelete=tester.can_delete())
        else:
            props["perms"]["canDelete"] = may(request.user, "delete", instance)
        context = {**context, "props": json.dumps(props), "may_stop_translation": may_redirect}
    return _render(request, template_name, context, *args, **kwargs)


def get_form(view):
    """Upstream's form, offering only the languages the user translates into."""
    form = _get_form(view)
    field = form.fields["locales"]
    user = view.request.user
    allowed = [
        locale.pk for locale in field.queryset if role_may(user, "wagtail_localize.submit_translation", locale.language_code)
    ]
    field.queryset = field.queryset.filter(pk__in=allowed)
    if not form.is_bound and len(allowed) == 1:
        form.initial["locales"] = list(field.queryset)
    return form


def own_translations(view):
    """The enabled translations of the source the user may publish (or edit, when not publishing)."""
    action = "publish" if view.request.POST.get("publish_translations") else "change"
    return [
        translation
        for translation in view.object.translations.filter(enabled=True).select_related("source", "target_locale")
        if may(view.request.user, action, translation.get_target_instance())
    ]


@transaction.atomic
def form_valid(view, form):
    """Upstream's update, for the user's own translations only (there is no machine translation here)."""
    translations = own_translations(view)
    if not translations:
        raise PermissionDenied
    view.object.update_from_db()
    for translation in translations:
        with contextlib.suppress(ValidationError):
            if form.cleaned_data["publish_translations"]:
                translation.save_target(user=view.request.user, publish=True)
            else:
                translation.source.update_target_view_restrictions(translation.target_locale)
    view.components.save(view.object, sources_and_translations={view.object: translations})
    messages.success(view.request, view.get_success_message())
    return redirect(view.get_success_url() or view.get_default_success_url())


def get_context_data(view, **kwargs):
    """Upstream's page, listing only the translations this update will change."""
    context = _update_context(view, **kwargs)
    context["translations"] = [
        {"title": str(target), "locale": translation.target_locale, "edit_url": view.get_edit_url(target)}
        for translation in own_translations(view)
        if (target := translation.get_target_instance())
    ]
    return context


def apply() -> None:
    """Patch wagtail-localize once, at start-up (before its URLs are built)."""
    edit_translation.user_can_edit_instance = user_can_edit_instance
    edit_translation.stop_translation = stop_translation
    edit_translation.render = render
    submit_translations.SubmitTranslationView.get_form = get_form
    update_translations.UpdateTranslationsView.form_valid = form_valid
    update_translations.UpdateTranslationsView.get_context_data = get_context_data
