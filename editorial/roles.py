"""Who may do what: the groups of the roles table in editorial/README.md, applied idempotently by ``load_site_content``.

That table is the one statement of each role's rights; here are the groups and
their permissions (each group's apply in its languages: ``scopes_of``, used by
``permissions.py``). Applying adds what the table grants and never removes what
an administrator added in the admin. There is one Translators group per language
translated into (every language of ``settings.LANGUAGES`` but the first). The
Danish tree is moderated: editors submit, approvers publish (the workflow in
``moderation.py``). Wagtail's own "Moderators" and "Editors" groups, made by its
first migrations, would sit confusingly beside these: their members join the
matching group here, and they are deleted.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from sciencecity.languages import language_name, source_language, target_languages

EDITORS = "Communications editors"
APPROVERS = "Communications approvers"
# The group of the translators into each target language, by language code: "Translators (Svenska)".
TRANSLATORS = {code: f"Translators ({name})" for code, name in settings.LANGUAGES if code in target_languages()}
# Before languages were configuration there was one group, for the one target language.
LEGACY_TRANSLATORS = "Translators"
ADMINISTRATORS = "Administrators"

EDIT_PAGES = ["add_page", "change_page"]
PUBLISH_PAGES = [*EDIT_PAGES, "publish_page", "lock_page", "unlock_page"]
USE_MEDIA = ["add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document"]
CHOOSE_MEDIA = ["choose_image", "choose_document"]
# Deleting media, replacing the file of media in use or taking a document out of a private collection (uploads/rules.py).
DELETE_MEDIA = ["delete_image", "delete_document"]
MANAGE_DISTRICTS = ["districts.add_district", "districts.change_district", "districts.delete_district"]
MANAGE_WORKSHOPS = [
    f"workshops.{action}_{model}" for model in ("workshop", "topic") for action in ("add", "change", "delete")
]
# Data has drafts like pages: publishing it (and taking others' locks) is the approvers' and translators' right.
DATA_MODELS = ["districts.district", "workshops.workshop", "workshops.topic", "sciencecity.footertext"]
PUBLISH_DATA = [
    f"{app}.{action}_{model}" for app, model in (name.split(".") for name in DATA_MODELS)
    for action in ("publish", "lock", "unlock")
]


@dataclass(frozen=True)
class Role:
    """A group and what it may do: page permissions per language tree, media, and model permissions."""

    name: str
    description: Promise  # one line, shown in the admin's list of groups
    pages: dict[str, list[str]] = field(default_factory=dict)  # language code ("*" for all) -> codenames
    media: list[str] = field(default_factory=list)
    models: list[str] = field(default_factory=list)  # "app_label.codename"
    everything: bool = False
    # May take content away from visitors in its languages: unpublish, delete what is live, replace a file in use.
    withdraws: bool = False

    @property
    def languages(self) -> frozenset[str] | None:
        """The languages whose pages and data the group's permissions apply to; None for every language."""
        return None if "*" in self.pages else frozenset(self.pages)


ROLES = [
    Role(
        EDITORS,
        _("May edit Danish pages and submit them for approval, and keep districts, workshops and the footer text up to date."),
        pages={source_language(): EDIT_PAGES},
        media=USE_MEDIA,
        models=["wagtailadmin.access_admin", "sciencecity.change_footertext", *MANAGE_DISTRICTS, *MANAGE_WORKSHOPS],
    ),
    Role(
        APPROVERS,
        _("May do what editors do, and approve and publish Danish pages; is e-mailed when a page is submitted."),
        pages={source_language(): PUBLISH_PAGES},
        media=[*USE_MEDIA, *DELETE_MEDIA],
        withdraws=True,
        models=[
            "wagtailadmin.access_admin",
            "sciencecity.change_footertext",
            "sciencecity.change_organisationsettings",
            *MANAGE_DISTRICTS,
            *MANAGE_WORKSHOPS,
            *PUBLISH_DATA,
        ],
    ),
    *(
        Role(
            group,
            format_lazy(_("May translate into {language}, and edit and publish pages in {language} directly."),
                        language=language_name(code)),
            pages={code: PUBLISH_PAGES},
            media=CHOOSE_MEDIA,
            models=[
                "wagtailadmin.access_admin",
                "wagtail_localize.submit_translation",
                "sciencecity.change_footertext",
                "districts.change_district",
                "workshops.change_workshop",
                "workshops.change_topic",
                *PUBLISH_DATA,
            ],
        )
        for code, group in TRANSLATORS.items()
    ),
    Role(
        ADMINISTRATORS,
        _("May do everything, including adding users and choosing their groups."),
        pages={"*": [*PUBLISH_PAGES, "bulk_delete_page"]}, media=[*USE_MEDIA, *DELETE_MEDIA], everything=True,
        withdraws=True,
    ),
]
DESCRIPTIONS = {role.name: role.description for role in ROLES}
# How the admin shows each group, in the admin's language; the names above stay as stored, for code.
DISPLAY_NAMES = {
    EDITORS: _("Communications editors"),
    APPROVERS: _("Communications approvers"),
    **{
        group: format_lazy(_("Translators ({language})"), language=language_name(code))
        for code, group in TRANSLATORS.items()
    },
    ADMINISTRATORS: _("Administrators"),
}
ROLES_BY_NAME = {role.name: role for role in ROLES}

# Wagtail's default groups, and the group of ours each one's members join.
WAGTAIL_DEFAULT_GROUPS = {"Moderators": APPROVERS, "Editors": EDITORS}


def _permissions(names: list[str]) -> list[Permission]:
    """Permission rows for "app_label.codename" names; every name must exist."""
    query = Q(pk__in=[])
    for name in names:
        app_label, codename = name.split(".")
        query |= Q(content_type__app_label=app_label, codename=codename)
    found = list(Permission.objects.filter(query))
    if len(found) != len(names):
        missing = set(names) - {f"{p.content_type.app_label}.{p.codename}" for p in found}
        raise LookupError(f"Unknown permissions in the roles table: {sorted(missing)}")
    return found


def _tree_roots(language: str) -> list[Page]:
    """The home page of one language's tree (an alias while untranslated), or the root of all trees for "*"."""
    if language == "*":
        return [Page.get_first_root_node()]
    return list(Page.objects.filter(depth=2, locale__language_code=language))


def apply_roles() -> list[str]:
    """Create the groups and grant what the table says; return what was created."""
    created = []
    root_collection = Collection.get_first_root_node()
    for role in ROLES:
        group, new = Group.objects.get_or_create(name=role.name)
        if new:
            created.append(f"the group {role.name!r}")
        if role.everything:
            group.permissions.add(*Permission.objects.all())
        else:
            group.permissions.add(*_permissions(role.models))
        for language, codenames in role.pages.items():
            for page in _tree_roots(language):
                for permission in _permissions([f"wagtailcore.{codename}" for codename in codenames]):
                    GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
        media = [f"wagtailimages.{c}" if "image" in c else f"wagtaildocs.{c}" for c in role.media]
        for permission in _permissions(media):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
    return created


def rename_legacy_translators() -> list[str]:
    """Give the one Translators group of old the name of the first target language's group, where that is missing."""
    legacy = Group.objects.filter(name=LEGACY_TRANSLATORS).first()
    if legacy is None or not TRANSLATORS:
        return []
    name = TRANSLATORS[target_languages()[0]]
    if Group.objects.filter(name=name).exists():
        return []
    legacy.name = name
    legacy.save(update_fields=["name"])
    return [f"the renaming of the group {LEGACY_TRANSLATORS!r} to {name!r}"]


def merge_wagtail_default_groups() -> list[str]:
    """Move the members of Wagtail's default groups into ours, then delete those groups."""
    done = []
    for name, ours in WAGTAIL_DEFAULT_GROUPS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        members = list(group.user_set.all())
        Group.objects.get(name=ours).user_set.add(*members)
        group.delete()
        done.append(f"the merge of Wagtail's group {name!r} into {ours!r} ({len(members)} members moved)")
    return done


@dataclass(frozen=True)
class Scope:
    """What one of a user's groups grants, and in which languages."""

    languages: frozenset[str] | None  # None: every language
    permissions: frozenset[str]  # "app_label.codename"
    withdraws: bool


def scopes_of(user) -> list[Scope]:
    """Each of the user's groups: its model permissions and the languages they apply to (kept on the user).

    A group of the roles table grants in its languages. A group the table does not know (one an
    administrator made) grants in every language and may withdraw: its permissions alone decide.
    """
    if not hasattr(user, "_role_scopes"):
        granted = defaultdict(set)
        for group, app_label, codename in user.groups.values_list(
            "name", "permissions__content_type__app_label", "permissions__codename"
        ):
            granted[group].update([f"{app_label}.{codename}"] if codename else [])
        user._role_scopes = [
            Scope(role.languages, frozenset(permissions), role.withdraws)
            if (role := ROLES_BY_NAME.get(group))
            else Scope(None, frozenset(permissions), True)
            for group, permissions in granted.items()
        ]
    return user._role_scopes


def may(user, permission: str, language: str, *, withdrawing: bool = False) -> bool:
    """Whether a group of the user grants ``permission`` ("app_label.codename") for content in ``language``.

    ``withdrawing``: the action takes content away from visitors, which only a group that withdraws may do.
    """
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(
        permission in scope.permissions
        and (scope.languages is None or language in scope.languages)
        and (scope.withdraws or not withdrawing)
        for scope in scopes_of(user)
    )


def may_withdraw(user, language: str) -> bool:
    """Whether a group of the user that works in ``language`` may take content away from visitors there."""
    if user.is_superuser:
        return user.is_active
    return user.is_active and any(
        scope.withdraws and (scope.languages is None or language in scope.languages) for scope in scopes_of(user)
    )


def is_translator_only(user) -> bool:
    """Whether the user's rights come from the Translators role alone (no editing or administering group)."""
    if not user.is_authenticated or user.is_superuser:
        return False
    if not hasattr(user, "_translator_only"):
        groups = set(user.groups.values_list("name", flat=True))
        user._translator_only = bool(groups & set(TRANSLATORS.values())) and not groups & {EDITORS, APPROVERS, ADMINISTRATORS}
    return user._translator_only


def translation_languages(user, languages: list[str] | None = None) -> list[str]:
    """Which of ``languages`` (by default every language translated into) the user translates into, in the
    settings' order: those of their Translators groups, or all of them for a member of none."""
    languages = list(TRANSLATORS) if languages is None else languages
    groups = set(user.groups.values_list("name", flat=True))
    return [code for code in languages if TRANSLATORS.get(code) in groups] or languages


def load() -> list[str]:
    """The content loader's entry point."""
    return rename_legacy_translators() + apply_roles() + merge_wagtail_default_groups()
