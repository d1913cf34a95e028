"""The admin's data lists, forms and launch checklist help editors: their language, help texts, a map, search."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from accounts.testing import force_verified_login
from districts.models import District
from sciencecity.models import OrganisationSettings
from editorial.roles import APPROVERS, EDITORS, TRANSLATORS
from tests.factories import UserFactory
from workshops.models import GraphicRecording, Topic, Workshop

pytestmark = pytest.mark.django_db


def prefer(user, language):
    """Set the language the user reads the admin in."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def signed_in(client, groups, language="da", **fields):
    """A staff member of ``groups`` who uses the admin in ``language``."""
    user = UserFactory(groups=groups, **fields)
    prefer(user, language)
    force_verified_login(client, user)
    return user


@pytest.mark.parametrize("language", ["da", "sv"])
@pytest.mark.parametrize("model", [District, Workshop, Topic])
def test_each_list_opens_in_the_editors_language_with_a_language_column(client, site_content, language, model):
    signed_in(client, [EDITORS], language)
    url = reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:list")
    html = BeautifulSoup(client.get(url).content, "html.parser")
    rows = html.select("tbody tr")
    assert len(rows) == model.objects.filter(locale__language_code=language).count()
    headings = [th.get_text(" ", strip=True) for th in html.select("thead th")]
    assert ("Sprog" if language == "da" else "Språk") in headings

    # The editor can still choose every language.
    html = BeautifulSoup(client.get(url, {"locale": ""}).content, "html.parser")
    assert len(html.select("tbody tr")) == model.objects.count()


@pytest.mark.parametrize("model", [District, Workshop, Topic])
@pytest.mark.parametrize("language", ["da", "sv"])
def test_every_field_of_the_data_forms_has_help_text_in_the_editors_language(model, language):
    from wagtail.admin.panels import get_edit_handler

    form_class = get_edit_handler(model).get_form_class()
    forms = [form_class, *(formset.form for formset in form_class.formsets.values())]
    with translation.override(language):
        for form in forms:
            for name, field in form.base_fields.items():
                if name in {"go_live_at", "expire_at", "id", "ORDER", "DELETE"}:  # Wagtail's own
                    continue
                assert str(field.help_text), f"{form.__name__}.{name}"


def test_the_district_form_fills_the_slug_shows_a_map_and_searches_nothing_from_elsewhere(client, site_content):
    signed_in(client, [EDITORS])
    district = District.objects.filter(locale=Locale.get_default()).first()
    response = client.get(reverse("wagtailsnippets_districts_district:edit", args=[district.pk]))
    html = BeautifulSoup(response.content, "html.parser")
    name = html.select_one("#id_name")
    assert "w-sync" in name["data-controller"] and name["data-w-sync-target-value"] == "#id_slug"
    assert html.select_one("#id_slug")["data-controller"] == "w-slug"
    map_panel = html.select_one("[data-coordinates-map]")
    assert map_panel["data-latitude"] == "id_latitude" and map_panel["data-longitude"] == "id_longitude"
    assert map_panel.select_one(".coordinates-map__marker")["visibility"] == "visible"
    assert html.find("script", src=lambda src: src and "coordinates-map" in src)
    assert "Det sprog, navnet er skrevet på" in response.content.decode()


def test_the_workshop_form_has_searchable_checkboxes_for_topics_and_districts(client, site_content):
    signed_in(client, [EDITORS], "sv")
    workshop = Workshop.objects.filter(locale=Locale.get_default()).first()
    html = BeautifulSoup(client.get(reverse("wagtailsnippets_workshops_workshop:edit", args=[workshop.pk])).content,
                         "html.parser")
    for name, model in (("topics", Topic), ("districts", District)):
        search = html.select_one(f"#id_{name}-search")
        assert html.select_one(f"label[for=id_{name}-search]").get_text(strip=True) == "Sök på namn"
        assert search.find_parent("[data-searchable-choices]") or search.find_parent(attrs={"data-searchable-choices": True})
        boxes = html.select(f"input[type=checkbox][name={name}]")
        assert len(boxes) == model.objects.filter(locale=Locale.get_default()).count()


@pytest.fixture
def bare_site(site_content):
    """The seeded site as the organisation left it: no e-mail, no address, an approver without e-mail."""
    settings = OrganisationSettings.objects.get()
    settings.email, settings.address = "", ""
    settings.save()
    return UserFactory(groups=[APPROVERS], username="godkender", first_name="Gerda", last_name="Godkender", email="")


@pytest.mark.parametrize(
    "language, expected",
    [
        ("da", ["kontaktadresse", "postadresse", "godkender", "Lund", "mangler sin tegning", "svensk version"]),
        ("sv", ["e-postadress", "postadress", "godkender", "Lund", "saknar sin teckning", "svensk version"]),
    ],
)
def test_the_launch_checklist_lists_what_only_the_organisation_can_supply(client, bare_site, language, expected):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("chef", "chef@example.org", "x")
    prefer(admin, language)
    force_verified_login(client, admin)
    html = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    panel = html.select_one("#launch-checklist-section")
    text = panel.get_text(" ", strip=True)
    items = panel.select("li")
    for word in expected[:-1]:
        assert any(word.casefold() in item.get_text(" ", strip=True).casefold() for item in items), word
    # Every item links to where it is put right, and the link works.
    for item in items:
        href = item.select_one("a")["href"]
        assert client.get(href).status_code == 200, href
    assert text


def test_an_item_leaves_the_checklist_once_it_is_supplied(client, bare_site):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("chef", "chef@example.org", "x")
    force_verified_login(client, admin)
    settings = OrganisationSettings.objects.get()
    home = reverse("wagtailadmin_home")
    assert "kontaktadresse" in client.get(home).content.decode()
    settings.email = "kontakt@example.org"
    settings.save()
    bare_site.email = "godkender@example.org"
    bare_site.save()
    GraphicRecording.objects.all().delete()
    html = client.get(home).content.decode()
    assert "kontaktadresse" not in html
    assert "godkender" not in html
    assert "mangler sin tegning" not in html


def test_a_translator_sees_only_what_they_can_fix(client, bare_site):
    Topic.objects.create(locale=Locale.get_default(), name="Nyt", question="Et nyt spørgsmål?", slug="nyt")
    signed_in(client, [TRANSLATORS["sv"]])
    panel = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser").select_one(
        "#launch-checklist-section"
    )
    links = [a["href"] for a in panel.select("a[href]") if "#" not in a["href"]]
    assert links and all("translation-status" in link for link in links)
