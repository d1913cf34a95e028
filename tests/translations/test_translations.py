"""Translators keep Swedish in step with Danish: permissions, syncing, the status report, PO files, aliases."""

import io

import polib
import pytest
from django.conf import settings
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from accounts.testing import force_verified_login
from districts.models import District
from editorial.roles import ADMINISTRATORS, APPROVERS, EDITORS, TRANSLATORS
from tests.conftest import sync_translations
from tests.factories import UserFactory
from tests.forms import form_data
from translations.status import State, translation_statuses

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator(client):
    user = UserFactory(groups=[TRANSLATORS["sv"]])
    client.force_login(user)
    return user


def translation_of(page_or_item) -> Translation:
    source = TranslationSource.objects.get(object_id=page_or_item.translation_key, locale__language_code="da")
    return Translation.objects.get(source=source, target_locale__language_code="sv")


def translate_segment(client, translation: Translation, source_text: str, swedish: str):
    """Save one segment's translation as the translation editor does (a PUT to its API)."""
    segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(url, encode_multipart(BOUNDARY, {"value": swedish}), content_type=MULTIPART_CONTENT)
    assert response.status_code in (200, 201), response.content


def publish_translation(client, page):
    """Press "Publish in Svenska" in the translation editor of a Swedish page."""
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})


def test_a_translator_translates_and_publishes_a_swedish_page(client, site_content, translator, django_capture_on_commit_callbacks):
    swedish = site_content.page("lund-collaboration", "sv")
    translation = translation_of(swedish)
    translate_segment(client, translation, "sommeren 2019", "sommaren år 2019")
    with django_capture_on_commit_callbacks(execute=True):
        response = publish_translation(client, swedish)
    # A refused or invalid publish re-renders the editor with 200; only a published page redirects.
    assert response.status_code == 302, response.content[:2000]
    swedish.refresh_from_db()
    assert swedish.live_revision.user_id == translator.pk
    client.logout()
    assert "sommaren år 2019" in client.get(swedish.url).content.decode()


def latest_title(page) -> str:
    """The page's title as last saved: its latest revision (a draft too), else its row."""
    page = type(page).objects.get(pk=page.pk)
    return page.get_latest_revision_as_object().title


def test_a_translator_cannot_edit_or_publish_a_danish_page(client, site_content, translator):
    danish = site_content.page("lund-collaboration", "da")
    edit = reverse("wagtailadmin_pages:edit", args=[danish.pk])
    assert client.get(edit).status_code in (302, 403)

    # A complete, valid edit form, read by someone who may edit the page (the body, which the editor's
    # scripts draw, posted empty).
    other = Client()
    other.force_login(UserFactory(groups=[EDITORS]))
    valid = {**form_data(other.get(edit).content, "form[data-edit-form]"), "body-count": ["0"], "title": ["Ændret"]}

    client.post(edit, {**valid, "action-publish": ["action-publish"]})
    client.post(edit, valid)  # saving a draft
    assert (Page.objects.get(pk=danish.pk).title, latest_title(danish)) == (danish.title, danish.title)
    assert not danish.permissions_for_user(translator).can_delete()

    # The very same form is valid: an editor's post of it saves the draft.
    assert other.post(edit, valid).status_code == 302
    assert latest_title(danish) == "Ændret"


DISTRICT_EDIT = "wagtailsnippets_districts_district:edit"


def district_form(client, district) -> dict:
    """The complete edit form of a district, as the admin shows it to a user who may edit it."""
    response = client.get(reverse(DISTRICT_EDIT, args=[district.pk]))
    assert response.status_code == 200
    return form_data(response.content, "form[data-edit-form]")


def saved_name(district) -> str:
    """The district's name as last saved: its latest draft (Danish data has drafts), else its row."""
    district = type(district).objects.get(pk=district.pk)
    revision = district.latest_revision
    return revision.as_object().name if revision else district.name


def post_district(client, district, data: dict, name: str):
    """Save the district through the admin's edit view with a new name, as a browser (or an attacker) would."""
    return client.post(reverse(DISTRICT_EDIT, args=[district.pk]), {**data, "name": [name]})


def test_a_translator_may_change_swedish_data_but_not_the_danish_originals(client, site_content, translator):
    danish = District.objects.get(slug="distritotec", locale__language_code="da")
    swedish = District.objects.get(slug="distritotec", locale__language_code="sv")
    assert client.get(reverse(DISTRICT_EDIT, args=[danish.pk])).status_code in (302, 403)

    # A complete, valid form for the Danish district, read by someone who may edit it.
    other = Client()
    other.force_login(UserFactory(groups=[EDITORS]))
    valid_danish = district_form(other, danish)

    post_district(client, danish, valid_danish, "Ændret af en oversætter")
    assert saved_name(danish) == "DistritoTec"

    # The Swedish version opens in wagtail-localize's translation editor.
    assert client.get(reverse(DISTRICT_EDIT, args=[swedish.pk])).status_code == 200

    # The very same form is valid: an editor's post of it does change the Danish district.
    assert post_district(other, danish, valid_danish, "Ændret af en redaktør").status_code == 302
    assert saved_name(danish) == "Ændret af en redaktør"


def test_editors_still_change_danish_data(client, site_content):
    client.force_login(UserFactory(groups=[EDITORS]))
    danish = District.objects.get(slug="distritotec", locale__language_code="da")
    assert post_district(client, danish, district_form(client, danish), "DistritoTec i Monterrey").status_code == 302
    assert saved_name(danish) == "DistritoTec i Monterrey"


@pytest.mark.parametrize("role", [EDITORS, APPROVERS, ADMINISTRATORS])
def test_an_editor_who_also_translates_keeps_the_danish_data_rights(client, site_content, role):
    from wagtail.permissions import policy_registry

    from translations.status import translatable_data_models

    user = UserFactory(groups=[role, TRANSLATORS["sv"]])
    for model in translatable_data_models():
        policy = policy_registry.get_by_type(model)
        danish = model.objects.filter(locale__language_code="da").first()
        assert policy.user_has_permission_for_instance(user, "change", danish), model
        assert policy.user_has_any_permission_for_instance(user, ["change", "delete"], danish), model
        assert policy.instances_user_has_permission_for(user, "change").filter(pk=danish.pk).exists(), model

    force_verified_login(client, user)
    danish = District.objects.get(slug="distritotec", locale__language_code="da")
    response = post_district(client, danish, district_form(client, danish), "DistritoTec, Monterrey")
    assert response.status_code == 302
    assert saved_name(danish) == "DistritoTec, Monterrey"


def test_the_permission_policy_covers_every_translatable_data_model(site_content):
    from wagtail.permissions import policy_registry

    from editorial.permissions import DataPermissionPolicy
    from translations.status import translatable_data_models

    translator = UserFactory(groups=[TRANSLATORS["sv"]])
    for model in translatable_data_models():
        policy = policy_registry.get_by_type(model)
        assert isinstance(policy, DataPermissionPolicy), model
        danish = model.objects.filter(locale__language_code="da").first()
        swedish = model.objects.filter(locale__language_code="sv").first()
        assert not policy.user_has_permission_for_instance(translator, "change", danish), model
        assert policy.user_has_permission_for_instance(translator, "change", swedish), model
        assert not policy.instances_user_has_permission_for(translator, "change").filter(pk=danish.pk).exists()


def status_of(page):
    return next(status for status in translation_statuses() if status.source.pk == page.pk and status.kind == "page")


def test_report_follows_a_change_of_the_danish_source_through_sync_and_translation(
    client, site_content, translator, django_capture_on_commit_callbacks
):
    danish = site_content.page("giid-network", "da")
    assert status_of(danish).state == State.UP_TO_DATE
    translated_before = StringTranslation.objects.filter(locale__language_code="sv").count()

    danish.introduction = "Netværkets distrikter mødes hver måned."
    danish.save_revision().publish()
    assert status_of(danish).state == State.OUT_OF_DATE

    with django_capture_on_commit_callbacks(execute=True):
        sync_translations(danish)
    status = status_of(danish)
    assert status.state == State.OUT_OF_DATE
    assert status.translated == status.total - 1, "only the changed segment waits for a translator"
    # Earlier segments survive the sync: nothing the translator had done is lost, and the changed
    # segment starts from its previous Swedish text, marked for review.
    assert StringTranslation.objects.filter(locale__language_code="sv").count() == translated_before + 1
    prefilled = StringTranslation.objects.get(locale__language_code="sv", translation_of__data="Netværkets distrikter mødes hver måned.")
    assert prefilled.data.startswith("Innovationsdistrikten i nätverket") and prefilled.tool_name.startswith("review:")
    assert [(change.old[:30], change.new) for change in status.reviews] == [
        ("Innovationsdistrikterne i netv", "Netværkets distrikter mødes hver måned.")
    ]

    translate_segment(client, translation_of(danish), "Netværkets distrikter mødes hver måned.", "Nätverkets distrikt möts varje månad.")
    with django_capture_on_commit_callbacks(execute=True):
        publish_translation(client, site_content.page("giid-network", "sv"))
    assert status_of(danish).state == State.UP_TO_DATE
    assert "Nätverkets distrikt möts varje månad." in client.get(site_content.page("giid-network", "sv").url).content.decode()


def test_report_lists_missing_translations_and_links_to_start_them(client, site_content, translator):
    from partnerships.models import CollaborationPage

    home = site_content.page("home")
    page = home.add_child(instance=CollaborationPage(title="Samarbejde med Aalto", slug="aalto", partner_name="Aalto"))
    page.save_revision().publish()

    response = client.get(reverse("translation_status"), {"state": "missing", "type": "page"})
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    rows = html.select("tbody tr")
    assert [row.td.get_text() for row in rows] == ["Samarbejde med Aalto"]
    assert rows[0].a["href"] == reverse("wagtail_localize:submit_page_translation", args=[page.pk])


@pytest.mark.parametrize("ordering", ["title", "-title", "state", "-progress", "type", "bogus"])
def test_report_sorts_and_ignores_junk(client, site_content, translator, ordering):
    response = client.get(reverse("translation_status"), {"ordering": ordering, "state": "???", "type": "<x>"})
    assert response.status_code == 200
    assert len(BeautifulSoup(response.content, "html.parser").select("tbody tr")) >= 25


def test_report_is_in_the_reports_menu(client, site_content, translator):
    assert reverse("translation_status") in client.get(reverse("wagtailadmin_home")).content.decode()


def test_translation_status_command_prints_the_report_and_fails_on_missing(site_content):
    out = io.StringIO()
    call_command("translation_status", stdout=out)
    assert "Mangler: 0" in out.getvalue()
    call_command("translation_status", "--fail-on-missing", stdout=io.StringIO())

    District.objects.create(
        name="Ny", slug="ny", city="By", country="DK", continent="europe", latitude=1, longitude=1,
        locale=Locale.get_default(),
    )
    # One missing translation per target language.
    with pytest.raises(CommandError, match=f"{len(settings.LANGUAGES) - 1} oversættelse"):
        call_command("translation_status", "--fail-on-missing", stdout=io.StringIO())


def download_po(client, translation) -> polib.POFile:
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    return polib.pofile(response.content.decode())


def upload(client, translation, content: bytes | None, next_url="/admin/"):
    data = {"next": next_url}
    if content is not None:
        data["file"] = io.BytesIO(content)
        data["file"].name = "oversaettelse.po"
    return client.post(reverse("wagtail_localize:upload_pofile", args=[translation.pk]), data, follow=True)


def test_po_round_trip_changes_the_page(client, site_content, translator, django_capture_on_commit_callbacks):
    swedish = site_content.page("lund-collaboration", "sv")
    translation = translation_of(swedish)
    po = download_po(client, translation)
    entry = next(entry for entry in po if entry.msgid == "sommeren 2019")
    entry.msgstr = "sommaren 2019 (från en byrå)"
    response = upload(client, translation, str(po).encode())
    assert "Oversættelserne i PO-filen er importeret" in response.content.decode() or "har importerats" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        publish_translation(client, swedish)
    client.logout()
    assert "sommaren 2019 (från en byrå)" in client.get(swedish.url).content.decode()


def bad_po_files(client, site_content):
    swedish = site_content.page("lund-collaboration", "sv")
    translation = translation_of(swedish)
    good = download_po(client, translation)
    for entry in good:
        entry.msgstr = "ÄNDRAT"

    other = download_po(client, translation_of(site_content.page("giid-network", "sv")))
    for entry in other:
        entry.msgstr = "ÄNDRAT"

    no_header = polib.POFile()
    no_header.metadata = {"Content-Type": "text/plain; charset=utf-8"}
    no_header.extend(good)

    other_language = polib.pofile(str(good))
    other_language.metadata["Language"] = "de"

    return translation, {
        "malformed": (b'msgid "x\nmsgstr ""\n"""', "ikke en gyldig PO-fil"),
        "not utf-8": ("msgid \"æøå\"\nmsgstr \"x\"\n".encode("latin-1"), "ikke UTF-8"),
        "another object": (str(other).encode(), "en anden side"),
        "another language": (str(other_language).encode(), "et andet sprog"),
        "no header": (str(no_header).encode(), "oversættelseshoved"),
        "no file": (None, "Vælg en PO-fil"),
        "a path": (b"/etc/passwd", "ikke en gyldig PO-fil"),
    }


@pytest.mark.parametrize("case", ["malformed", "not utf-8", "another object", "another language", "no header", "no file", "a path"])
def test_bad_po_files_are_refused_with_a_message_and_change_nothing(client, site_content, translator, case):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "da"
    profile.save()
    translation, cases = bad_po_files(client, site_content)
    content, message = cases[case]
    before = list(StringTranslation.objects.order_by("pk").values_list("pk", "data"))
    response = upload(client, translation, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert list(StringTranslation.objects.order_by("pk").values_list("pk", "data")) == before


def test_an_alias_says_it_shows_the_danish_original_and_links_to_it(client, site_content, settings):
    from partnerships.models import CollaborationPage

    home, swedish_home = site_content.page("home"), site_content.page("home", "sv")
    page = home.add_child(instance=CollaborationPage(title="Kun på dansk", slug="kun-paa-dansk", partner_name="X"))
    page.save_revision().publish()
    alias = page.create_alias(parent=swedish_home, update_locale=swedish_home.locale)

    html = BeautifulSoup(client.get(alias.url).content, "html.parser")
    notice = html.select_one(".notice--language")
    assert "inte översatts" in notice.get_text()
    assert notice.a["href"] == page.url and notice.a["hreflang"] == "da"
    assert html.select_one(".main__content")["lang"] == "da"
    assert html.select_one('meta[name="robots"]')["content"].startswith("noindex")
    assert html.select_one('link[rel="canonical"]')["href"].endswith(page.url)
    assert [link["hreflang"] for link in html.select('nav.language-switcher a')] == [code for code, _ in settings.LANGUAGES]


def test_machine_translation_is_off(settings):
    assert not getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None)


@pytest.mark.parametrize(("language", "label", "percent"), [("en", "Content type", r"\d+% \("), ("da", "Indholdstype", r"\d+ % \(")])
def test_report_writes_its_labels_and_shares_as_the_admin_language_does(client, site_content, language, label, percent):
    import re

    from wagtail.users.models import UserProfile

    user = UserFactory(groups=[TRANSLATORS["sv"]])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    html = BeautifulSoup(client.get(reverse("translation_status")).content, "html.parser")
    assert html.select_one("label[for=translation-type]").get_text() == label
    assert re.search(percent, html.select_one("tbody").get_text())
