"""One raw request per action of the roles table, and what it changed: each attack returns whether it took effect.

An attack is the request an attacker would make without the button: the
complete form where there is one (read from the admin by an administrator, as a
browser would show it to someone allowed), or the bare POST. Whether the
response says yes or no matters less than the database afterwards.
"""

import datetime
from dataclasses import dataclass

from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Revision
from wagtail_localize.synctree import create_aliases_for_new_page

from accounts.testing import force_verified_login
from districts.models import District
from partnerships.models import CollaborationPage
from tests.factories import UserFactory
from tests.forms import form_data

ATTACKS = {}


def attack(action: str):
    """Register the attack for one action of the table (its label there)."""

    def register(function):
        ATTACKS[action] = function
        return function

    return register


@dataclass
class Attempt:
    """The signed-in attacker, and the content the cell is about."""

    client: Client
    user: object
    language: str | None
    variant: str | None
    site: object  # tests.conftest.SeededPages

    last: str = ""

    def post(self, url, data=None, **kwargs):
        return self.request("post", url, data or {}, **kwargs)

    def request(self, method, url, *args, **kwargs):
        # What Wagtail does after the commit (publishing a translation, say) is part of the request's effect.
        with TestCase.captureOnCommitCallbacks(execute=True):
            response = getattr(self.client, method)(url, *args, **kwargs)
        assert response.status_code < 500, (url, response.status_code)
        self.last = summary(url, response)
        return response


def summary(url, response) -> str:
    """What the answer said, for a failing cell's message: status, redirect, messages and form errors."""
    from bs4 import BeautifulSoup

    said = [f"{url} -> {response.status_code} {response.get('Location', '')}"]
    said += [str(message) for message in getattr(response.wsgi_request, "_messages", [])]
    if "html" in response.get("Content-Type", ""):
        html = BeautifulSoup(response.content, "html.parser")
        said += [error.get_text(" ", strip=True) for error in html.select("[class*=error-message], .help-critical, .errorlist")]
    return " | ".join(said)[:1500]


_FORMS: dict[str, dict] = {}


def admin_form(url: str, selector: str = "form[method=post]") -> dict:
    """The complete form at ``url`` as an administrator sees it (read once per address)."""
    if url not in _FORMS:
        client = Client()
        force_verified_login(client, UserFactory(is_superuser=True))
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        _FORMS[url] = form_data(response.content, selector)
    return {key: list(value) for key, value in _FORMS[url].items()}


def reload(obj):
    """The object as stored now (None if it is gone)."""
    return type(obj)._default_manager.filter(pk=obj.pk).first()


def new_page(parent, slug: str, live: bool, title: str = "Ny side om Aalto"):
    """A Danish collaboration page under ``parent``: published, or a draft never published."""
    page = parent.add_child(instance=CollaborationPage(title=title, slug=slug, partner_name="Aalto", live=live))
    revision = page.save_revision()
    if live:
        revision.publish()
    return reload(page)


def lock(obj):
    """Lock the object as someone else did."""
    obj.locked, obj.locked_by, obj.locked_at = True, UserFactory(), timezone.now()
    obj.save(update_fields=["locked", "locked_by", "locked_at"])


# Pages ---------------------------------------------------------------------------------------------------------


def danish_page(a: Attempt):
    return a.site.page("lund-collaboration", "da")


def with_stream_counts(data: dict, page) -> dict:
    """The editor's script adds each StreamField's block count; the blocks are not posted, so there are none."""
    streams = [field.name for field in page.specific._meta.fields if isinstance(field, StreamField)]
    return {**{f"{name}-count": ["0"] for name in streams}, **data}


def page_edit_form(page, **changes) -> dict:
    data = admin_form(reverse("wagtailadmin_pages:edit", args=[page.pk]), "form[data-edit-form]")
    return with_stream_counts({**data, **{key: [value] for key, value in changes.items()}}, page)


@attack("Danish page: save a draft")
def save_page_draft(a: Attempt) -> bool:
    page = danish_page(a)
    a.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), page_edit_form(page, title="Udkast fra angriberen"))
    return reload(page).get_latest_revision_as_object().title == "Udkast fra angriberen"


@attack("Danish page: publish")
def publish_page(a: Attempt) -> bool:
    page = danish_page(a)
    data = page_edit_form(page, title="Udgivet af angriberen", **{"action-publish": "action-publish"})
    a.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    return reload(page).title == "Udgivet af angriberen"


def unpublish(a: Attempt, page) -> bool:
    a.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    return not reload(page).live


def lock_page(a: Attempt, page) -> bool:
    a.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))
    return reload(page).locked


def unlock_page(a: Attempt, page) -> bool:
    lock(page)
    a.post(reverse("wagtailadmin_pages:unlock", args=[page.pk]))
    return not reload(page).locked


def delete_page(a: Attempt, page) -> bool:
    a.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    return reload(page) is None


attack("Danish page: unpublish")(lambda a: unpublish(a, danish_page(a)))
attack("Danish page: lock")(lambda a: lock_page(a, danish_page(a)))
attack("Danish page: unlock")(lambda a: unlock_page(a, danish_page(a)))
attack("Translated page: unpublish")(lambda a: unpublish(a, a.site.page("lund-collaboration", a.language)))
attack("Translated page: lock")(lambda a: lock_page(a, a.site.page("lund-collaboration", a.language)))
attack("Translated page: unlock")(lambda a: unlock_page(a, a.site.page("lund-collaboration", a.language)))
attack("Translated page: delete")(lambda a: delete_page(a, a.site.page("lund-collaboration", a.language)))


@attack("Danish page: revert to an earlier revision (as a draft)")
def revert_page(a: Attempt) -> bool:
    page = danish_page(a)
    url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, page.live_revision_id])
    a.post(url, with_stream_counts({**admin_form(url, "form[data-edit-form]"), "title": ["Gammel version igen"]}, page))
    return page.revisions.filter(user=a.user).exists()


@attack("Danish page: approve in the workflow")
def approve_page(a: Attempt) -> bool:
    editor = UserFactory(groups=["Communications editors"])
    page = new_page(a.site.page("home"), "til-godkendelse", live=False)
    page.get_workflow().start(page, editor)
    task_state = reload(page).current_workflow_task_state
    a.post(reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]), {"comment": ""})
    return reload(page).live


@attack("Danish page: delete")
def delete_danish_page(a: Attempt) -> bool:
    return delete_page(a, new_page(a.site.page("home"), "slet-mig", live=a.variant == "live"))


def reorder(a: Attempt, home) -> bool:
    """Move the last page under ``home`` to the top of the menu (pages sit only under a home page)."""
    last = home.get_children().last()
    a.post(reverse("wagtailadmin_pages:set_page_position", args=[last.pk]) + "?position=0")
    return home.get_children().first().pk == last.pk


attack("Danish page: reorder in the menu")(lambda a: reorder(a, a.site.page("home")))
attack("Translated page: reorder in the menu")(lambda a: reorder(a, a.site.page("home", a.language)))


@attack("Danish page: copy (as a draft)")
def copy_page(a: Attempt) -> bool:
    page, home = danish_page(a), a.site.page("home")
    data = {"new_title": "Kopi", "new_slug": "kopi-af-lund", "new_parent_page": home.pk}
    a.post(reverse("wagtailadmin_pages:copy", args=[page.pk]), data)
    return Page.objects.filter(slug="kopi-af-lund", locale=home.locale).exists()


@attack("Translated page: publish the translation")
def publish_translated_page(a: Attempt) -> bool:
    page = a.site.page("lund-collaboration", a.language)
    before = page.live_revision_id
    a.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
    return reload(page).live_revision_id != before


def unpublished_alias(a: Attempt):
    """The alias in the attempt's language of a Danish page that was never published."""
    page = new_page(a.site.page("home"), "hemmeligt-udkast", live=False, title="Hemmeligt udkast")
    create_aliases_for_new_page(page)
    return Page.objects.get(translation_key=page.translation_key, locale__language_code=a.language)


@attack("Alias of an unpublished Danish page: copy")
def copy_alias(a: Attempt) -> bool:
    alias, home = unpublished_alias(a), a.site.page("home", a.language)
    data = {"new_title": "Kopi", "new_slug": "kopi-af-udkastet", "new_parent_page": home.pk}
    a.post(reverse("wagtailadmin_pages:copy", args=[alias.pk]), data)
    return Page.objects.filter(slug="kopi-af-udkastet", alias_of__isnull=True).exists()


@attack("Alias of an unpublished Danish page: convert to a page")
def convert_alias(a: Attempt) -> bool:
    alias = unpublished_alias(a)
    a.post(reverse("wagtailadmin_pages:convert_alias", args=[alias.pk]))
    return reload(alias).alias_of_id is None


# Data ----------------------------------------------------------------------------------------------------------


def district(language: str, slug: str = "distritotec") -> District:
    return District.objects.get(slug=slug, locale__language_code=language)


DISTRICT_FIELDS = ["name", "name_language", "slug", "city", "country", "continent", "website", "latitude",
                   "longitude", "joined_year", "logo", "short_description", "role"]


def district_form(obj: District, **changes) -> dict:
    from django.forms.models import model_to_dict

    data = {key: "" if value is None else value for key, value in model_to_dict(obj).items()}
    return {name: data[name] for name in DISTRICT_FIELDS} | changes


def data_url(view: str, obj, *args) -> str:
    return reverse(f"wagtailsnippets_districts_district:{view}", args=[obj.pk, *args])


@attack("Danish data: save a draft")
def save_data_draft(a: Attempt) -> bool:
    obj = district("da")
    a.post(data_url("edit", obj), district_form(obj, name="Udkast fra angriberen"))
    return reload(obj).latest_revision.as_object().name == "Udkast fra angriberen"


@attack("Danish data: publish")
def publish_data(a: Attempt) -> bool:
    obj = district("da")
    a.post(data_url("edit", obj), {**district_form(obj, name="Udgivet af angriberen"), "action-publish": "1"})
    return reload(obj).name == "Udgivet af angriberen"


def unpublish_data(a: Attempt, obj) -> bool:
    a.post(data_url("unpublish", obj))
    return not reload(obj).live


def lock_data(a: Attempt, obj) -> bool:
    a.post(data_url("lock", obj))
    return reload(obj).locked


def unlock_data(a: Attempt, obj) -> bool:
    lock(obj)
    a.post(data_url("unlock", obj))
    return not reload(obj).locked


def unschedule_data(a: Attempt, obj) -> bool:
    obj.go_live_at = timezone.now() + datetime.timedelta(days=7)
    revision = obj.save_revision(user=UserFactory(is_superuser=True))
    revision.publish()
    assert reload(revision).approved_go_live_at is not None
    a.post(data_url("revisions_unschedule", obj, revision.pk))
    return Revision.objects.get(pk=revision.pk).approved_go_live_at is None


def delete_data(a: Attempt, obj) -> bool:
    a.post(data_url("delete", obj))
    return reload(obj) is None


def publish_translated_data(a: Attempt, obj) -> bool:
    before = obj.live_revision_id
    a.post(data_url("edit", obj), {"action": "publish"})
    return reload(obj).live_revision_id != before


for prefix, language in (("Danish data", None), ("Translated data", "target")):
    def subject(a: Attempt, _language=language):
        return district(a.language if _language else "da")

    attack(f"{prefix}: unpublish")(lambda a, s=subject: unpublish_data(a, s(a)))
    attack(f"{prefix}: lock")(lambda a, s=subject: lock_data(a, s(a)))
    attack(f"{prefix}: unlock")(lambda a, s=subject: unlock_data(a, s(a)))
    attack(f"{prefix}: cancel a scheduled publication")(lambda a, s=subject: unschedule_data(a, s(a)))
attack("Translated data: delete")(lambda a: delete_data(a, district(a.language)))
attack("Translated data: publish the translation")(lambda a: publish_translated_data(a, district(a.language)))


@attack("Danish data: delete")
def delete_danish_data(a: Attempt) -> bool:
    if a.variant == "live":
        return delete_data(a, district("da"))
    draft = District.objects.create(
        name="Udkast", slug="udkast", city="By", country="DK", continent="europe", latitude=1, longitude=1,
        locale=Locale.get_default(), live=False,
    )
    return delete_data(a, draft)


@attack("Danish data: approve in the workflow")
def approve_data(a: Attempt) -> bool:
    obj, editor = district("da"), UserFactory(groups=["Communications editors"])
    obj.name = "Godkendt navn"
    obj.save_revision(user=editor)
    obj.get_workflow().start(obj, editor)
    task_state = reload(obj).current_workflow_task_state
    a.post(data_url("workflow_action", obj, "approve", task_state.pk), {"comment": ""})
    return reload(obj).name == "Godkendt navn"
