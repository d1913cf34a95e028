"""Data goes through drafts and approval like pages: districts, workshops, topics, the footer text."""

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse
from wagtail.models import Locale

from accounts.testing import force_verified_login
from districts.models import District
from sciencecity.models import FooterText
from editorial.roles import APPROVERS, EDITORS, TRANSLATORS
from seeding.tools import seed_key
from tests.factories import UserFactory
from workshops.models import Topic, Workshop

pytestmark = pytest.mark.django_db

DATA_MODELS = [District, Workshop, Topic, FooterText]


def district(slug="distritotec", language="da") -> District:
    """A seeded district in one language."""
    return District.objects.get(translation_key=seed_key(f"district:{slug}"), locale__language_code=language)


def district_form(obj: District, **changes) -> dict:
    """The edit form's fields as the admin posts them."""
    data = {key: "" if value is None else value for key, value in model_to_dict(obj).items()}
    data.update(changes)
    fields = ["name", "name_language", "slug", "city", "country", "continent", "website", "latitude", "longitude",
              "joined_year", "logo", "short_description", "role"]
    return {name: data[name] for name in fields}


def edit_url(obj) -> str:
    """The admin's edit view of a snippet."""
    return reverse(f"wagtailsnippets_{obj._meta.app_label}_{obj._meta.model_name}:edit", args=[obj.pk])


@pytest.fixture
def editor():
    return UserFactory(groups=[EDITORS])


@pytest.fixture
def approver():
    return UserFactory(groups=[APPROVERS])


@pytest.fixture
def translator():
    return UserFactory(groups=[TRANSLATORS["sv"]])


@pytest.mark.parametrize("model", DATA_MODELS)
def test_the_seeded_data_is_published_with_a_first_revision(site_content, model):
    rows = model.objects.all()
    assert rows.exists()
    assert all(row.live and row.live_revision_id for row in rows)


@pytest.mark.parametrize("model", DATA_MODELS)
def test_danish_data_goes_through_the_danish_workflow_and_swedish_data_skips_it(site_content, model):
    danish = model.objects.filter(locale=Locale.get_default()).first()
    swedish = model.objects.filter(locale__language_code="sv").first()
    assert danish.get_workflow().name == "Godkendelse af danske sider"
    assert swedish.get_workflow() is None


def test_an_editors_draft_stays_out_of_sight_until_an_approver_approves(client, site_content, editor, approver):
    lyngby = district()
    page_url = f"{site_content.page('giid-network').url}{lyngby.slug}/"
    assert "Distrito Tec" not in client.get(page_url).content.decode()  # also fills the content cache

    client.force_login(editor)
    response = client.post(edit_url(lyngby), {**district_form(lyngby, name="Distrito Tec"), "action-submit": "1"})
    assert response.status_code == 302
    lyngby.refresh_from_db()
    assert lyngby.name != "Distrito Tec" and lyngby.has_unpublished_changes
    task_state = lyngby.current_workflow_state.current_task_state

    # An editor may not publish, however the request is made.
    client.post(edit_url(lyngby), {**district_form(lyngby, name="Distrito Tec"), "action-publish": "1"})
    approve = reverse(
        "wagtailsnippets_districts_district:workflow_action", args=[lyngby.pk, "approve", task_state.pk]
    )
    client.post(approve, {"comment": ""})
    client.logout()
    assert "Distrito Tec" not in client.get(page_url).content.decode()
    assert "Distrito Tec" not in client.get(site_content.page("giid-network").url).content.decode()

    force_verified_login(client, approver)
    assert client.post(approve, {"comment": "Fint."}).status_code in (200, 302)
    client.logout()
    lyngby.refresh_from_db()
    assert lyngby.name == "Distrito Tec" and lyngby.live
    assert "Distrito Tec" in client.get(page_url).content.decode()
    assert "Distrito Tec" in client.get(site_content.page("giid-network").url).content.decode()


def translate_in_the_editor(client, obj, language: str, field: str, text: str) -> None:
    """Translate ``field`` of ``obj``'s source anew, as wagtail-localize's translation editor saves it (a PUT)."""
    from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
    from wagtail_localize.models import StringSegment, Translation

    translation = Translation.objects.get(source__object_id=obj.translation_key, target_locale__language_code=language)
    segment = StringSegment.objects.get(source=translation.source, context__path=field)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(url, encode_multipart(BOUNDARY, {"value": text}), content_type=MULTIPART_CONTENT)
    assert response.status_code in (200, 201), response.content


def test_a_translator_publishes_a_swedish_district_directly_but_not_a_danish_one(client, site_content, translator):
    # A district with text to translate (the seed gives DistritoTec no description).
    swedish, danish = district("future-by-lund", language="sv"), district()
    client.force_login(translator)

    translate_in_the_editor(client, swedish, "sv", "short_description", "Lunds kommuns avdelning för innovation.")
    response = client.post(edit_url(swedish), {"action": "publish"})
    assert response.status_code == 302
    swedish.refresh_from_db()
    # Published at once, past no approval: visitors read it.
    assert swedish.short_description == "Lunds kommuns avdelning för innovation."
    assert swedish.live and swedish.current_workflow_state is None
    client.logout()
    page = client.get(f"{site_content.page('giid-network', 'sv').url}{swedish.slug}/")
    assert "Lunds kommuns avdelning för innovation." in page.content.decode()

    client.force_login(translator)
    client.post(edit_url(danish), {**district_form(danish, name="Ændret"), "action-publish": "1"})
    danish.refresh_from_db()
    assert danish.name != "Ændret"


def test_an_unpublished_district_leaves_every_public_list(client, site_content):
    gone = district("tonsley-innovation-district")
    network = site_content.page("giid-network")
    assert gone.name in client.get(network.url).content.decode()

    for version in District.objects.filter(translation_key=gone.translation_key):
        version.unpublish()

    assert gone.name not in client.get(network.url).content.decode()
    assert client.get(f"{network.url}{gone.slug}/").status_code == 404
    assert gone.name not in client.get(site_content.page("giid-partnership").url).content.decode()
    assert f"{gone.slug}/" not in client.get("/sitemap.xml").content.decode()


def test_an_unpublished_topic_is_not_shown_with_its_workshops(client, site_content):
    from partnerships.models import WorkshopsPage

    workshop = Workshop.objects.filter(locale=Locale.get_default()).first()
    workshops_page = WorkshopsPage.objects.get(locale=Locale.get_default())
    # A topic that no workshop title contains and that no workshop discusses yet, given to a workshop.
    titles = " ".join(Workshop.objects.values_list("title", flat=True))
    topic = next(
        t for t in Topic.objects.filter(locale=Locale.get_default(), workshops__isnull=True) if t.name not in titles
    )
    assert topic.name not in client.get(workshops_page.url).content.decode()
    workshop.topics.add(topic)
    workshop.save()
    assert topic.name in client.get(workshops_page.url).content.decode()

    for version in Topic.objects.filter(translation_key=topic.translation_key):
        version.unpublish()

    assert topic.name not in client.get(workshops_page.url).content.decode()
    assert topic.name not in client.get(f"{workshops_page.url}{workshop.slug}/").content.decode()


def test_the_footer_text_changes_only_when_published(client, site_content):
    footer = FooterText.objects.get(locale=Locale.get_default())
    home = site_content.page("home").url
    footer.text = "<p>Ny sidefod i kladde</p>"
    revision = footer.save_revision()
    assert "Ny sidefod i kladde" not in client.get(home).content.decode()

    revision.publish()

    assert "Ny sidefod i kladde" in client.get(home).content.decode()


@pytest.mark.parametrize(
    "obj, mode, expected",
    [
        (lambda: district(), "", "Distrito Tec i kladde"),
        (lambda: district(), "map", "Distrito Tec i kladde"),
        (lambda: district(language="sv"), "", "Distrito Tec i kladde"),
    ],
)
def test_a_district_previews_as_its_page_and_on_the_map(client, site_content, obj, mode, expected):
    from django.contrib.auth import get_user_model

    item = obj()
    admin = get_user_model().objects.create_superuser("chief", "chief@example.org", "x")
    force_verified_login(client, admin)
    url = reverse("wagtailsnippets_districts_district:preview_on_edit", args=[item.pk])
    data = district_form(item, name="Distrito Tec i kladde")
    assert client.post(url, data).json()["is_valid"]
    response = client.get(url, {"mode": mode})
    html = response.content.decode()
    assert expected in html
    # The admin shows it in its preview panel, a frame of its own origin.
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    if mode == "map":
        assert 'aria-label="Distrito Tec i kladde,' in html  # its marker on the map
    assert f'lang="{item.locale.language_code}"' in html
    # Nothing of the draft reached the public site or its caches.
    assert expected not in client.get(f"{site_content.page('giid-network').url}{item.slug}/").content.decode()
