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


LANGUAGES = ["da", "sv", "en"]
RECORDINGS_HEADING = {"da": "Grafiske opsamlinger fra GIID's peer sessions",
                      "sv": "Grafiska sammanfattningar från GIID:s peer-sessioner",
                      "en": "Graphic recordings from GIID's peer sessions"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_drawing_no_recordings_section_and_no_promise_of_one(client, site_content, language):
    assert not get_image_model().objects.filter(title__icontains="pladsholder").exists()
    html = soup(client, site_content.page("giid-partnership", language).url)
    assert RECORDINGS_HEADING[language] not in html.get_text()
    assert html.select(".recording-session") == []
    for slug in ("inclusive-innovation", "investing-in-startups"):
        page = soup(client, f"{site_content.page('giid-workshops', language).url}{slug}/")
        assert page.select(".graphic-recording") == []
        text = page.select_one("main").get_text(" ")
        for promise in ("grafisk opsamling", "grafisk sammanfattning", "graphic recording"):
            assert promise not in text.lower()


def test_a_description_without_its_drawing_is_not_shown_as_a_recording(client, site_content):
    workshop = Workshop.objects.get(locale__language_code="da", slug="investing-in-startups")
    recording = workshop.recordings.first()
    recording.description = "Tegningen samler sessionens tre hovedpointer."
    recording.save()
    for url in (site_content.page("giid-partnership").url, f"{site_content.page('giid-workshops').url}investing-in-startups/"):
        assert "Tegningen samler" not in soup(client, url).get_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_session_with_its_drawing_shows_the_recordings_section(client, site_content, language):
    from tests.factories import ImageFactory

    image = ImageFactory()
    for workshop in Workshop.objects.filter(slug="investing-in-startups"):
        recording = workshop.recordings.first()
        recording.image, recording.alt_text = image, "Tegningen"
        recording.save()
    html = soup(client, site_content.page("giid-partnership", language).url)
    (session,) = html.select(".recording-session")
    assert session.select_one("img") and RECORDINGS_HEADING[language] in html.get_text()
    assert "Investing in Startups" in session.h3.get_text()


def test_a_recording_with_a_drawing_needs_its_alternative_text_and_its_text_version(site_content):
    from django.core.exceptions import ValidationError

    from tests.factories import ImageFactory

    recording = Workshop.objects.get(locale__language_code="da", slug="investing-in-startups").recordings.first()
    recording.image = ImageFactory()
    with pytest.raises(ValidationError) as error:
        recording.full_clean()
    assert {"alt_text", "description"} <= set(error.value.message_dict)
    recording.alt_text, recording.description = "Tegningen", "Tegningen samler sessionens tre hovedpointer."
    recording.full_clean()


def test_a_drawing_is_shown_large_zoomable_with_its_alt_and_its_text_version(client, site_content):
    from wagtail.images.tests.utils import get_test_image_file

    from tests.factories import ImageFactory

    workshop = Workshop.objects.get(locale__language_code="da", slug="investing-in-startups")
    recording = workshop.recordings.first()
    recording.image = ImageFactory(file=get_test_image_file(size=(2600, 1300)))
    recording.alt_text = "Tegning af sessionen"
    recording.description = "Øverst: investorernes spørgsmål.\n\nNederst: tre råd til startups."
    recording.save()
    for url in (site_content.page("giid-partnership").url, f"{site_content.page('giid-workshops').url}investing-in-startups/"):
        (figure,) = soup(client, url).select("figure.graphic-recording")
        img = figure.select_one("img")
        assert img["alt"] == "Tegning af sessionen" and "1440w" in figure.select_one("source")["srcset"]
        zoom = figure.select_one("a.graphic-recording__zoom")
        assert zoom.get_text() == "Åbn tegningen i fuld størrelse" and "max-2400x2400" in zoom["href"]
        assert "(2400 × 1200 px)" in figure.get_text()
        details = figure.select_one("details.graphic-recording__text")
        assert details.summary.get_text() == "Læs tegningen som tekst"
        assert [p.get_text() for p in details.select("p")] == ["Øverst: investorernes spørgsmål.", "Nederst: tre råd til startups."]


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


CONTACT_US = {"da": "Giv os besked", "sv": "Kontakta oss", "en": "Let us know"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_empty_contact_block_is_left_out_and_nothing_asks_to_contact_us(client, site_content, language):
    organisation(address="", email="", phone="")
    html = soup(client, site_content.page("accessibility-statement", language).url)
    assert html.select(".site-footer__contact, .organisation-contact") == []
    assert "nederst på siden" not in html.get_text() and "längst ned på sidan" not in html.get_text()
    text = html.select_one("main").get_text(" ")
    assert CONTACT_US[language] not in text
    for words in ("kontakt os", "giver os besked", "kontakta oss", "meddelar oss", "contact us", "let us know"):
        assert words not in text.lower()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_accessibility_statement_gives_the_contact_the_settings_hold(client, site_content, language):
    organisation(email="kontakt@example.org", phone="", address="")
    html = soup(client, site_content.page("accessibility-statement", language).url)
    contact = html.select_one(".page-body .organisation-contact")
    assert contact.select_one('a[href="mailto:kontakt@example.org"]')
    assert html.select_one(".site-footer__contact")
    assert CONTACT_US[language] in [h2.get_text() for h2 in html.select(".page-body h2")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_accessibility_statement_claims_only_what_is_true(client, site_content, language):
    body = soup(client, site_content.page("accessibility-statement", language).url).select_one(".page-body")
    text = " ".join(body.get_text(" ").split())
    assert "EN 301 549" in text
    assert {"da": "WCAG 2.1 på niveau AA", "sv": "WCAG 2.1 på nivå AA", "en": "WCAG 2.1 level AA"}[language] in text
    assert {"da": "sigter efter WCAG 2.2", "sv": "siktar på WCAG 2.2", "en": "aim for WCAG 2.2"}[language] in text
    assert {"da": "alle sider", "sv": "alla sidor", "en": "all pages"}[language] not in text
    assert {"da": "redaktionen tilføjer eller ændrer, bliver ikke kontrolleret",
            "sv": "redaktionen lägger till eller ändrar kontrolleras inte",
            "en": "the editorial team adds or changes is not checked"}[language] in text
    # Automatic checks cover only the part of WCAG that can be tested automatically, and the statement says so.
    assert {"da": "der kan testes automatisk", "sv": "som går att testa automatiskt",
            "en": "that can be tested automatically"}[language] in text
    assert {"da": "mod WCAG 2.0, 2.1 og 2.2 på niveau A og AA,", "sv": "mot WCAG 2.0, 2.1 och 2.2 på nivå A och AA,",
            "en": "against WCAG 2.0, 2.1 and 2.2 at levels A and AA,"}[language] not in text


@pytest.mark.parametrize("key", ["accessibility-statement", "privacy-policy"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_legal_pages_show_no_review_date_until_editors_set_one(client, site_content, key, language):
    page = site_content.page(key, language)
    assert page.last_reviewed is None
    html = soup(client, page.url)
    assert html.select(".page-meta") == []
    assert "2026" not in html.select_one("main").get_text()


@pytest.mark.parametrize("language,shown", [("da", "27. november 2026"), ("sv", "27 november 2026"),
                                            ("en", "27 November 2026")])
def test_a_review_date_is_written_as_each_language_writes_dates(client, site_content, language, shown):
    from tests.conftest import sync_translations

    danish = site_content.page("accessibility-statement", "da")
    danish.last_reviewed = datetime.date(2026, 11, 27)
    danish.save_revision().publish()
    sync_translations(danish)
    meta = soup(client, site_content.page("accessibility-statement", language).url).select_one(".page-meta")
    assert meta.time.get_text() == shown and meta.time["datetime"] == "2026-11-27"


@pytest.mark.parametrize(
    "language,without_link,link_text",
    [("da", "Districts i en artikel på svensk.", "her (på svensk)"), ("sv", "Districts i en artikel.", "här"),
     ("en", "Districts in an article in Swedish.", "here (in Swedish)")],
)
def test_the_lund_sentence_reads_naturally_without_its_link_and_links_its_words_once_set(
    client, site_content, language, without_link, link_text
):
    from tests.conftest import sync_translations

    url = site_content.page("lund-collaboration", language).url
    sentence = soup(client, url).select_one(".partner-article")
    assert sentence.a is None
    assert " ".join(sentence.get_text().split()).endswith(without_link)
    assert "her (på svensk)" not in sentence.get_text() and "här." not in sentence.get_text()

    danish = site_content.page("lund-collaboration", "da")
    danish.article_url = "https://futurebylund.se/artikel"
    danish.save_revision().publish()
    sync_translations(danish)
    sentence = soup(client, url).select_one(".partner-article")
    assert sentence.a["href"] == "https://futurebylund.se/artikel" and sentence.a["hreflang"] == "sv"
    assert sentence.a.get_text() == link_text
    assert " ".join(sentence.get_text().split()).endswith(f"Districts {link_text}.")


@pytest.mark.parametrize("language,label", [("da", "Kilde:"), ("sv", "Källa:"), ("en", "Our translation from:")])
def test_the_brookings_definition_is_labelled_a_translation_where_it_could_pass_for_their_words(
    client, site_content, language, label
):
    caption = soup(client, site_content.page("giid-partnership", language).url).select_one(".quotation figcaption")
    assert " ".join(caption.get_text().split()).startswith(f"{label} The Rise of Innovation Districts")
    assert "Brookings, 2014" in caption.get_text()


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
        ("en", {"US": "USA", "CA": "Canada", "AU": "Australia", "MX": "Mexico", "IE": "Ireland", "IT": "Italy"}),
    ],
)
def test_country_names_read_as_a_native_reader_writes_them(language, names):
    with translation.override(language):
        assert {code: countries.name(code) for code in names} == names


@pytest.mark.parametrize(
    "language,absent,present",
    [
        ("sv", ["sammanhang,", "specifika geografier", "tagit del i", "löpande inspiration", "stödja en strategisk",
                "rekreativa utbud", "sammanfattad i en grafisk sammanfattning", "sammanhållning", "kunskapsföretag",
                "för att säkra", "rymmer en blandning", "peer sessions", "upplever runt om"],
         ["sammankoppling, mobilitet och kunskapsutbyte", "specifika geografiska områden",
          "deltagit i ett erfarenhetsutbyte", "har ett stort och varierat utbud av näringsliv, bostäder samt kultur- "
          "och fritidsaktiviteter", "kontinuerlig inspiration", "stödja den strategiska utvecklingen",
          "kunskapsintensiva företag samt", "säkerställa en stads- och näringslivsutveckling",
          "Workshoppar och peer-sessioner", "runt om i världen står inför"]),
        ("da", ["en by og erhvervsudvikling", "opsummeret i en grafisk opsamling", "mødes hver måned"],
         ["by- og erhvervsudvikling", "har mødtes hver måned online"]),
        ("en", ["with Global Institute", "About Global Institute", "Exchanging and developing", "meet online every month",
                "upcoming meetings"],
         ["with the Global Institute for Innovation Districts", "About the Global Institute for Innovation Districts",
          "The Global Institute for Innovation Districts (GIID) is", "Sharing and developing experience",
          "have met online every month", "How can you strengthen your work with startups?"]),
    ],
)
def test_the_partnership_pages_read_as_native(client, site_content, language, absent, present):
    text = " ".join(
        soup(client, url).get_text(" ")
        for url in (site_content.page("giid-partnership", language).url, site_content.page("giid-workshops", language).url)
    )
    # Names marked as English are elements of their own: read the text as one line.
    text = " ".join(text.split()).replace("( ", "(").replace(" )", ")")
    for words in absent:
        assert words not in text
    for words in present:
        assert words in text


@pytest.mark.parametrize("language", ["da", "sv"])
def test_the_po_headers_are_not_fuzzy(language):
    catalogue = polib.pofile(str(settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"))
    assert not catalogue.metadata_is_fuzzy


UNDATED = {"da": ("Tidligere", "Hvornår", "Hvor"), "sv": ("Tidigare", "När", "Var"), "en": ("Earlier", "When", "Where")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_undated_session_is_shown_as_an_earlier_one_with_no_date_or_place_claimed(client, site_content, language):
    earlier, when, where = UNDATED[language]
    listing = soup(client, site_content.page("giid-workshops", language).url)
    (section,) = listing.select(".workshop-section")
    assert section.h2.get_text() == earlier
    assert [" ".join(meta.get_text().split()) for meta in section.select(".workshop-item__meta")] == [
        "GIID Network Peer Session", "GIID Network Peer Session"
    ]
    partnership = soup(client, site_content.page("giid-partnership", language).url)
    assert {" ".join(m.get_text().split()) for m in partnership.select(".workshop-item__meta")} == {"GIID Network Peer Session"}
    page = soup(client, f"{site_content.page('giid-workshops', language).url}inclusive-innovation/")
    terms = [dt.get_text() for dt in page.select(".facts dt")]
    assert when not in terms and where not in terms


def test_a_session_says_where_only_when_a_meeting_place_is_stored(client, site_content):
    danish = site_content.page("giid-workshops").locale
    start = timezone.now() + datetime.timedelta(days=10)
    Workshop.objects.create(slug="online", title="Online", locale=danish, starts_at=start, meeting_url="https://meet.example.org/x")
    Workshop.objects.create(slug="nowhere", title="Nowhere", locale=danish, starts_at=start)
    online = soup(client, f"{site_content.page('giid-workshops').url}online/")
    facts = {item.dt.get_text(): item.dd.get_text(" ", strip=True) for item in online.select(".facts__item")}
    assert facts["Hvor"] == "Onlinemøde" and "Hvornår" in facts
    nowhere = soup(client, f"{site_content.page('giid-workshops').url}nowhere/")
    assert "Hvor" not in [dt.get_text() for dt in nowhere.select(".facts dt")]


def checklist_texts(user_kind="admin"):
    from editorial.checklist import open_items
    from tests.factories import UserFactory

    user = UserFactory(is_superuser=True)
    return [item.text for item in open_items(user)]


def test_the_launch_checklist_names_what_the_seed_leaves_for_the_organisation(site_content):
    texts = checklist_texts()
    for title in ("Tilgængelighedserklæring", "Privatlivspolitik"):
        assert any(f"»{title}«" in text for text in texts), title
    for title in ("Inclusive Innovation", "Investing in Startups"):
        assert any(f"»{title}« har ingen dato" in text for text in texts), title
        assert any("»%s«" % title in text and "tegning" in text for text in texts), title
    assert any("Samarbejde med Lund" in text for text in texts)


def test_a_reviewed_page_and_a_dated_session_leave_the_checklist(site_content):
    page = site_content.page("privacy-policy", "da")
    page.last_reviewed = datetime.date(2026, 12, 1)
    page.save_revision().publish()
    Workshop.objects.filter(slug="inclusive-innovation").update(starts_at=timezone.now() - datetime.timedelta(days=400))
    texts = checklist_texts()
    assert not any("»Privatlivspolitik«" in text for text in texts)
    assert not any("»Inclusive Innovation« har ingen dato" in text for text in texts)
    assert any("»Tilgængelighedserklæring«" in text for text in texts)
