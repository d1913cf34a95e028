"""Translators are told of Danish changes, update the Swedish themselves and see what changed; the report adds up."""

import csv
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from wagtail_localize.models import StringTranslation, TranslationSource

from districts.models import District
from editorial.roles import APPROVERS, TRANSLATORS
from tests.factories import UserFactory
from translations.status import State, missing_or_outdated, translation_statuses

pytestmark = pytest.mark.django_db

NEW_INTRO = "Netværkets distrikter mødes hver måned."


@pytest.fixture
def translator(client):
    user = UserFactory(groups=[TRANSLATORS["sv"]])
    client.force_login(user)
    return user


def publish_change(page, capture, **fields):
    """An approver's publication of a change to a Danish page (after the transaction, as in the admin)."""
    for name, value in fields.items():
        setattr(page, name, value)
    with capture(execute=True):
        page.save_revision(user=UserFactory(groups=[APPROVERS])).publish()


def test_translators_are_emailed_once_per_publish_not_per_segment(site_content, translator, django_capture_on_commit_callbacks):
    other = UserFactory(groups=[TRANSLATORS["sv"]])
    danish = site_content.page("giid-network", "da")
    mail.outbox.clear()
    publish_change(danish, django_capture_on_commit_callbacks, introduction=NEW_INTRO, directory_heading="Deltagerne")
    assert sorted(message.to[0] for message in mail.outbox) == sorted([translator.email, other.email])
    message = mail.outbox[0]
    assert danish.title in message.subject
    assert NEW_INTRO in message.body and "Deltagerne" in message.body
    assert reverse("translation_status") in message.body

    # Publishing again without a change to the text tells no one.
    mail.outbox.clear()
    publish_change(danish, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_translators_are_emailed_when_a_danish_data_item_is_published_with_changes(site_content, translator, django_capture_on_commit_callbacks):
    district = District.objects.get(slug="distritotec", locale__language_code="da")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        district.latitude = district.latitude  # a publication without a change to translate says nothing
        district.save_revision().publish()
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        district.short_description = "En ny tekst om distriktet."
        district.save_revision().publish()
    assert [message.to for message in mail.outbox] == [[translator.email]]
    assert "En ny tekst om distriktet." in mail.outbox[0].body


def test_dashboard_lists_the_danish_change_with_the_way_to_update(client, site_content, translator, django_capture_on_commit_callbacks):
    danish = site_content.page("giid-network", "da")
    publish_change(danish, django_capture_on_commit_callbacks, introduction=NEW_INTRO)
    html = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    panel = html.select_one("#danish-changes-heading").find_parent("section")
    link = panel.find("a", string=danish.title)
    source = TranslationSource.objects.get(object_id=danish.translation_key, locale=danish.locale)
    assert link["href"].startswith(reverse("wagtail_localize:update_translations", args=[source.pk]))


def test_translator_updates_from_the_report_and_sees_old_and_new_text(client, site_content, translator, django_capture_on_commit_callbacks):
    danish = site_content.page("giid-network", "da")
    old_intro = danish.introduction
    publish_change(danish, django_capture_on_commit_callbacks, introduction=NEW_INTRO)

    html = BeautifulSoup(client.get(reverse("translation_status"), {"state": "out-of-date"}).content, "html.parser")
    row = next(row for row in html.select("tbody tr") if row.td.get_text() == danish.title)
    assert row.select_one("del").get_text() == old_intro
    assert row.select_one("ins").get_text() == NEW_INTRO
    update = row.find("a", string="Opdater fra den danske version")["href"]

    # The translator, with no permission on the Danish tree, brings the published Danish version over.
    assert not danish.permissions_for_user(translator).can_edit()
    assert client.get(update).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(update, {})
    assert response.status_code == 302
    source = TranslationSource.objects.get(object_id=danish.translation_key, locale=danish.locale)
    assert json.loads(source.content_json)["introduction"] == NEW_INTRO

    # The changed segment starts from the previous Swedish text, marked for review, and the editor says so.
    prefilled = StringTranslation.objects.get(locale__language_code="sv", translation_of__data=NEW_INTRO)
    assert prefilled.data.startswith("Innovationsdistrikten i nätverket")
    assert old_intro in prefilled.get_error()


def test_the_swedish_page_says_the_danish_changed_and_links_to_the_update(client, site_content, translator, django_capture_on_commit_callbacks):
    danish, swedish = site_content.page("giid-network", "da"), site_content.page("giid-network", "sv")
    publish_change(danish, django_capture_on_commit_callbacks, introduction=NEW_INTRO)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[swedish.pk]))
    source = TranslationSource.objects.get(object_id=danish.translation_key, locale=danish.locale)
    html = response.content.decode()
    assert "Den danske version er udgivet med ændringer" in html
    assert reverse("wagtail_localize:update_translations", args=[source.pk]) in html


def test_percentages_agree_with_states(site_content, django_capture_on_commit_callbacks):
    publish_change(site_content.page("giid-network", "da"), django_capture_on_commit_callbacks, introduction=NEW_INTRO)
    statuses = [status for status in translation_statuses() if status.target is not None]
    changed = next(status for status in statuses if status.source.pk == site_content.page("giid-network", "da").pk)
    assert changed.state == State.OUT_OF_DATE and changed.percent < 100
    for status in statuses:
        assert (status.state == State.UP_TO_DATE) == (status.translated == status.total), status.title
    assert changed in missing_or_outdated()


def test_report_downloads_as_csv_with_formulas_escaped(client, site_content, translator):
    district = District.objects.get(slug="distritotec", locale__language_code="da")
    District.objects.filter(pk=district.pk).update(name='=HYPERLINK("http://evil.example","Klik")')
    response = client.get(reverse("translation_status_csv"), {"type": "districts.district"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Titel"
    titles = [row[0] for row in rows[1:]]
    assert "'=HYPERLINK(\"http://evil.example\",\"Klik\")" in titles
    assert not any(title.startswith(("=", "+", "-", "@")) for title in titles)


def test_submit_form_offers_the_translators_own_language_ticked(client, site_content, translator):
    from partnerships.models import CollaborationPage

    page = site_content.page("home").add_child(instance=CollaborationPage(title="Ny side", slug="ny-side", partner_name="X"))
    page.save_revision().publish()
    html = BeautifulSoup(client.get(reverse("wagtail_localize:submit_page_translation", args=[page.pk])).content, "html.parser")
    boxes = html.select('input[name="locales"]')
    # Each Translators group translates into its own language only (tests/translations/test_own_language.py).
    assert len(boxes) == 1 and boxes[0].has_attr("checked")


def test_translators_are_not_offered_alias_conversion_or_deletion(client, site_content, translator):
    swedish = site_content.page("lund-collaboration", "sv")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[swedish.pk])).content.decode()
    assert "localize-convert-to-alias" not in html
    # The translation editor's props always carry the delete address; its permission decides the action.
    assert "&quot;canDelete&quot;: false" in html
    assert not swedish.permissions_for_user(translator).can_delete()
    client.post(reverse("wagtailadmin_pages:delete", args=[swedish.pk]))
    assert type(swedish).objects.filter(pk=swedish.pk).exists()
