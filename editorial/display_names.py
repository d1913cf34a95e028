"""Names kept as data, shown in the admin's language: the groups, the workflow and its task, permissions.

Code finds the groups, the workflow and the task by their stored names, so those stay. Wagtail reads
a name straight from the object (``{{ task.name }}``, ``"Submit to %(workflow_name)s" % …``, a form's
choices), so each loaded object's name becomes a ``DisplayName``: a ``str`` equal to the stored name
for lookups, comparisons and saving, that reads as its translation wherever it is shown. A form
saved with the translated name saves the stored one. Django's permission names, stored in English
("Can add group"), are translated from their codename, and so are the group editor's short labels
for publish, lock and unlock (Wagtail's ``normalize_permission_label`` cut the model's name off the
English name: "Can lock innovation"); and the footer text's revisions, whose stored
title froze the language of whoever saved it ("Sidefodstekst (sv)"), show ``str()`` in the admin's.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_init, pre_save
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision, Task, Workflow
from wagtail.users.templatetags import wagtailusers_tags

from sciencecity.models import FooterText

from .moderation import TASK_DISPLAY_NAME, TASK_NAME, WORKFLOW_DISPLAY_NAME, WORKFLOW_NAME
from .roles import DISPLAY_NAMES

# Django's and Wagtail's standard actions, each with the model's verbose name ("Can add group").
ACTIONS = {
    "add": _("Can add %(model)s"),
    "change": _("Can change %(model)s"),
    "delete": _("Can delete %(model)s"),
    "view": _("Can view %(model)s"),
    "publish": _("Can publish %(model)s"),
    "lock": _("Can lock %(model)s"),
    "unlock": _("Can unlock %(model)s"),
}

# The group editor's labels of the permissions beyond add/change/delete; its template translates them.
SHORT_LABELS = {"publish": gettext_noop("Can publish"), "lock": gettext_noop("Can lock"), "unlock": gettext_noop("Can unlock")}
_normalize_permission_label = wagtailusers_tags.normalize_permission_label


class DisplayName(str):
    """A stored name that reads as its translation when shown: ``str()``, ``%s``, templates, f-strings."""

    label: Promise

    def __new__(cls, stored: str, label):
        name = super().__new__(cls, stored)
        name.label = label
        return name

    def __str__(self) -> str:
        return str(self.label() if callable(self.label) else self.label)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __reduce__(self):
        # Pickled (cached) as the stored name.
        return str, (str.__str__(self),)


def permission_label(permission: Permission) -> str:
    """A permission's name in the active language."""
    stored = str.__str__(permission.name)
    model = ContentType.objects.get_for_id(permission.content_type_id).model_class()
    action, _separator, model_name = permission.codename.partition("_")
    if model is not None and model_name == model._meta.model_name and action in ACTIONS:
        return ACTIONS[action] % {"model": model._meta.verbose_name}
    return gettext(stored)


def short_permission_label(permission: Permission) -> str:
    """The group editor's label for a permission ("Can lock"), in English for its template to translate."""
    action, _separator, model_name = permission.codename.partition("_")
    model = permission.content_type.model_class()
    if action in SHORT_LABELS and model is not None and model_name == model._meta.model_name:
        return SHORT_LABELS[action]
    return _normalize_permission_label(permission)


def names(model: type) -> dict:
    """{stored name: label} for ``model`` (a task of any type counts as a task)."""
    if issubclass(model, Group):
        return DISPLAY_NAMES
    if issubclass(model, Workflow):
        return {WORKFLOW_NAME: WORKFLOW_DISPLAY_NAME}
    return {TASK_NAME: TASK_DISPLAY_NAME} if issubclass(model, Task) else {}


def _show_translated(sender, instance, **kwargs):
    name = instance.__dict__.get("name")
    if name is None or isinstance(name, DisplayName):
        return
    if sender is Permission:
        instance.name = DisplayName(name, lambda: permission_label(instance))
    elif (label := names(sender).get(name)) is not None:
        instance.name = DisplayName(name, label)


def _revision_title(sender, instance, **kwargs):
    title = instance.__dict__.get("object_str")
    content_type_id = instance.__dict__.get("content_type_id")
    if title is None or content_type_id is None or isinstance(title, DisplayName):
        return
    if ContentType.objects.get_for_id(content_type_id).model_class() is FooterText:
        instance.object_str = DisplayName(title, lambda: str(instance.content_object))


def stored_name(model: type, name: str) -> str:
    """The stored name for ``name``, where it is one of a registered name's translations; else ``name``."""
    if isinstance(name, DisplayName):
        return str.__str__(name)
    for stored, label in names(model).items():
        for code, _language in settings.LANGUAGES:
            with translation.override(code):
                if name == str(label):
                    return stored
    return name


def _save_stored(sender, instance, **kwargs):
    if sender is not Permission and "name" in instance.__dict__:
        instance.name = stored_name(sender, instance.name)


def connect() -> None:
    """Translate the names of groups, workflows, tasks (every task type), permissions and revision titles as they load."""
    for model in [Group, Permission, Workflow, *_subclasses(Task)]:
        post_init.connect(_show_translated, sender=model, dispatch_uid=f"display_name_{model._meta.label}")
        pre_save.connect(_save_stored, sender=model, dispatch_uid=f"stored_name_{model._meta.label}")
    post_init.connect(_revision_title, sender=Revision, dispatch_uid="display_name_revision")
    wagtailusers_tags.normalize_permission_label = short_permission_label


def _subclasses(model: type) -> list[type]:
    return [model, *[sub for child in model.__subclasses__() for sub in _subclasses(child)]]
