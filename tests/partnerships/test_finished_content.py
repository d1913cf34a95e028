"""Nothing unfinished or unsourced is public: no stand-in drawings, no empty contact block, no dead links."""

import datetime
import json

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import timezone, translation
from django_countries import countries
from wagtail.images import get_image_model
from wagtail.models import Site

from sciencecity.models import OrganisationSettings
from workshops.models import Workshop

pytestmark = pytest.mark.django_db


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", ["da", "sv"])
def test_a_recording_without_its_drawing_shows_its_title_and_no_image(client, site_content, language):
    assert not get_image_model().objects.filter(title__icontains="pladsholder").exists()
    html = soup(client, site_content.page("giid-partnership", language).url)
    sessions = html.select(".recording-session")
    assert {s.h3.get_text(" ", strip=True).rsplit(" ", 2)[-2:][-1] for s in sessions} >= {"Innovation", "Startups"}
    assert all(session.select("img, picture, figure") == [] for session in sessions)
    page = soup(client, f"{site_content.page('giid-workshops', language).url}inclusive-innovation/")
    assert page.select(".graphic-recording img, picture") == []
    assert "PLADSHOLDER" not in str(page).upper()


def test_a_recording_without_its_drawing_shows_its_description(client, site_content):
    workshop = Workshop.objects.get(locale__language_code="da", slug="investing-in-startups")
    recording = workshop.recordings.first()
    recording.description = "Tegningen samler sessionens tre hovedpointer."
    recording.save()
    for url in (site_content.page("giid-partnership").url, f"{site_content.page('giid-workshops').url}investing-in-startups/"):
        text = soup(client, url).select_one(".graphic-recording--text")
        assert text.get_text(" ", strip=True).endswith("Tegningen samler sessionens tre hovedpointer.")


def test_a_recording_with_a_drawing_needs_its_alternative_text(site_content):
    from django.core.exceptions import ValidationError

    from tests.factories import ImageFactory

    recording = Workshop.objects.get(locale__language_code="da", slug="investing-in-startups").recordings.first()
    recording.image = ImageFactory()
    with pytest.raises(ValidationError) as error:
        recording.full_clean()
    assert "alt_text" in error.value.message_dict


def test_a_dated_workshops_event_names_no_invented_organiser(client, site_content):
    danish = site_content.page("giid-workshops").locale
    start = timezone.now() + datetime.timedelta(days=10)
    Workshop.objects.create(slug="dated", title="Dated", locale=danish, starts_at=start)
    html = soup(client, f"{site_content.page('giid-workshops').url}dated/")
    (event,) = [json.loads(s.string) for s in html.select('script[type="application/ld+json"]') if '"Event"' in s.string]
    assert "organizer" not in event


def organisation(**fields):
    details = OrganisationSettings.objects.get(site=Site.objects.get(is_default_site=True))
    for name, value in fields.items():
        setattr(details, name, value)
    details.save()


@pytest.mark.parametrize("language", ["da", "sv"])
def test_an_empty_contact_block_is_left_out(client, site_content, language):
    organisation(address="", email="", phone="")
    html = soup(client, site_content.page("accessibility-statement", language).url)
    assert html.select(".site-footer__contact, .organisation-contact") == []
    assert "nederst på siden" not in html.get_text() and "längst ned på sidan" not in html.get_text()


@pytest.mark.parametrize("language", ["da", "sv"])
def test_the_accessibility_statement_gives_the_contact_the_settings_hold(client, site_content, language):
    organisation(email="kontakt@example.org", phone="", address="")
    html = soup(client, site_content.page("accessibility-statement", language).url)
    contact = html.select_one(".page-body .organisation-contact")
    assert contact.select_one('a[href="mailto:kontakt@example.org"]')
    assert html.select_one(".site-footer__contact")


@pytest.mark.parametrize("language", ["da", "sv"])
def test_the_accessibility_statement_claims_only_what_is_true(client, site_content, language):
    body = soup(client, site_content.page("accessibility-statement", language).url).select_one(".page-body")
    text = " ".join(body.get_text(" ").split())
    assert "EN 301 549" in text
    assert {"da": "WCAG 2.1 på niveau AA", "sv": "WCAG 2.1 på nivå AA"}[language] in text
    assert {"da": "sigter efter WCAG 2.2", "sv": "siktar på WCAG 2.2"}[language] in text
    assert {"da": "alle sider", "sv": "alla sidor"}[language] not in text
    assert {"da": "redaktionen tilføjer eller ændrer, bliver ikke kontrolleret",
            "sv": "redaktionen lägger till eller ändrar kontrolleras inte"}[language] in text


@pytest.mark.parametrize("language,words", [("da", "her (på svensk)"), ("sv", "här")])
def test_the_lund_page_keeps_the_sources_link_text_as_plain_text_without_an_address(client, site_content, language, words):
    sentence = soup(client, site_content.page("lund-collaboration", language).url).select_one(".partner-article")
    assert sentence.a is None
    assert sentence.get_text().endswith(f"Districts {words}.")


def test_a_call_to_action_without_a_target_is_plain_text(client, site_content):
    site_content.page("lund-collaboration", "da").unpublish()
    html = soup(client, site_content.page("giid-partnership").url)
    texts = [p.get_text(" ", strip=True) for p in html.select("p.call-to-action")]
    assert "Læs om samarbejdet med Lund / Future by Lund" in texts
    assert all(a.get("href") for a in html.select("p.call-to-action a"))
    assert not [a for a in html.select("p.call-to-action a") if "Lund" in a.get_text()]


@pytest.mark.parametrize(
    "language,names",
    [
        ("sv", {"US": "USA", "CA": "Kanada", "AU": "Australien", "MX": "Mexiko", "IE": "Irland", "IT": "Italien"}),
        ("da", {"US": "USA", "CA": "Canada", "AU": "Australien", "MX": "Mexico", "NL": "Nederlandene"}),
    ],
)
def test_country_names_read_as_a_native_reader_writes_them(language, names):
    with translation.override(language):
        assert {code: countries.name(code) for code in names} == names


@pytest.mark.parametrize(
    "language,absent,present",
    [
        ("sv", ["sammanhang,", "specifika geografier", "tagit del i", "löpande inspiration", "stödja en strategisk",
                "rekreativa utbud", "sammanfattad i en grafisk sammanfattning"],
         ["sammanhållning", "specifika geografiska områden", "deltagit i ett erfarenhetsutbyte",
          "rymmer en blandning av näringsliv, bostäder och kultur- och fritidsutbud", "kontinuerlig inspiration",
          "stödja den strategiska utvecklingen"]),
        ("da", ["en by og erhvervsudvikling", "opsummeret i en grafisk opsamling"], ["by- og erhvervsudvikling"]),
    ],
)
def test_the_partnership_pages_read_as_native(client, site_content, language, absent, present):
    text = " ".join(
        soup(client, url).get_text(" ")
        for url in (site_content.page("giid-partnership", language).url, site_content.page("giid-workshops", language).url)
    )
    for words in absent:
        assert words not in text
    for words in present:
        assert words in text


@pytest.mark.parametrize("language", ["da", "sv"])
def test_the_po_headers_are_not_fuzzy(language):
    catalogue = polib.pofile(str(settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"))
    assert not catalogue.metadata_is_fuzzy
