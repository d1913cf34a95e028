"""The organisation's page, loaded by load_site_content: its facts in their blocks, in Danish and Swedish."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page, PageLogEntry, Revision

from tests.conftest import load_site_content

pytestmark = pytest.mark.django_db

BROOKINGS_TITLE = "The Rise of Innovation Districts: A New Geography of Innovation in America"
GIID = "Global Institute for Innovation Districts"


def blocks_of(page, block_type):
    return [block for block in page.body if block.block_type == block_type]


def text_of(block) -> str:
    return BeautifulSoup(str(block.value), "html.parser").get_text(" ", strip=True)


def block_with(page, block_type, needle):
    """The single block of ``block_type`` whose text contains ``needle``."""
    matches = [block for block in blocks_of(page, block_type) if needle in text_of(block)]
    assert len(matches) == 1, f"expected one {block_type} block with {needle!r}, found {len(matches)}"
    return matches[0]


@pytest.mark.parametrize(
    "language,since_2019,about_giid",
    [
        ("da", "indgik derfor i 2019 et partnerskab", f"Om {GIID}"),
        ("sv", "ingick därför 2019 ett partnerskap", f"Om {GIID}"),
    ],
)
def test_seed_facts_are_in_their_own_blocks(site_content, language, since_2019, about_giid):
    page = site_content.page("giid-partnership", language)

    block_with(page, "text", since_2019)
    giid_block = block_with(page, "text", about_giid)
    assert f"{GIID} ( GIID )" in text_of(giid_block) or f"{GIID} (GIID)" in text_of(giid_block)

    (quotation,) = blocks_of(page, "quotation")
    assert quotation.value["source_title"] == BROOKINGS_TITLE
    assert quotation.value["publisher"] == "Brookings"
    assert quotation.value["year"] == 2014


SECTIONS = [
    # page, block type, Danish text, Swedish text
    ("giid-partnership", "text", "indgik derfor i 2019 et partnerskab", "ingick därför 2019 ett partnerskap"),
    ("giid-partnership", "text", "Innovationsdistrikter over hele verden", "Innovationsdistrikt världen över"),
    ("giid-partnership", "text", "Erfaringsudveksling og -udvikling", "Erfarenhetsutbyte och utveckling"),
    ("giid-partnership", "text", "Gennem månedlige online workshops", "Genom månatliga onlineworkshoppar"),
    ("giid-partnership", "workshop_topics", "Vi har vendt emner som:", "Vi har tagit upp ämnen som:"),
    ("giid-partnership", "workshop_topics", "Og mange flere fælles udfordringer", "Och många fler gemensamma utmaningar"),
    ("giid-partnership", "text", "Samarbejdet fortsætter", "Samarbetet fortsätter"),
    ("giid-partnership", "call_to_action", "samarbejdet med Lund / Future by Lund", "samarbetet med Lund / Future by Lund"),
    ("giid-partnership", "text", "Om innovationsdistrikter", "Om innovationsdistrikt"),
    ("giid-partnership", "quotation", "afgrænsede geografiske byområder", "avgränsade geografiska stadsområden"),
    ("giid-partnership", "text", f"Om {GIID}", f"Om {GIID}"),
    ("giid-partnership", "text", "not-for-profit globalt netværk", "icke vinstdrivande globalt nätverk"),
    ("giid-partnership", "call_to_action", "Læs mere om GIID", "Läs mer om GIID"),
    ("giid-partnership", "graphic_recordings", "Grafiske opsamlinger", "Grafiska sammanfattningar"),
    ("giid-partnership", "network_members", "Deltagere i GIID-netværket", "Deltagare i GIID-nätverket"),
    ("lund-collaboration", "text", "Lund har lignende ambitioner som Lyngby", "Lund har liknande ambitioner som Lyngby"),
]


def block_text(block) -> str:
    value = block.value
    if isinstance(value, dict) or hasattr(value, "items"):
        return " ".join(str(item) for item in value.values() if item)
    return text_of(block)


@pytest.mark.parametrize("key,block_type,danish,swedish", SECTIONS)
def test_every_seed_section_is_in_its_block_in_both_languages(site_content, key, block_type, danish, swedish):
    for language, needle in (("da", danish), ("sv", swedish)):
        page = site_content.page(key, language)
        found = [block for block in page.body if block.block_type == block_type and needle in block_text(block)]
        assert len(found) == 1, (language, block_type, needle)


@pytest.mark.parametrize(
    "language,facts",
    [
        ("da", {"introduction": "siden sommeren 2019", "partner_organisation": "Lunds kommune", "since": "sommeren 2019"}),
        ("sv", {"introduction": "sedan sommaren 2019", "partner_organisation": "Lunds kommun", "since": "sommaren 2019"}),
    ],
)
def test_lund_collaboration_facts_are_fields_of_its_page(site_content, language, facts):
    page = site_content.page("lund-collaboration", language)
    for field, text in facts.items():
        assert text in getattr(page, field)
    assert page.partner_name == "Future by Lund"
    assert page.article_language == "sv"
    assert GIID in page.article_text


def test_swedish_blocks_are_translations_of_the_danish_ones(site_content):
    danish = site_content.page("giid-partnership", "da")
    swedish = site_content.page("giid-partnership", "sv")
    assert [block.id for block in danish.body] == [block.id for block in swedish.body]
    for da_block, sv_block in zip(danish.body, swedish.body, strict=True):
        assert da_block.block_type == sv_block.block_type
    assert "Innovationsdistrikt är avgränsade geografiska stadsområden" in blocks_of(swedish, "quotation")[0].value[
        "quotation"
    ]


def test_english_names_keep_their_language_in_swedish(client, site_content):
    html = BeautifulSoup(client.get(site_content.page("giid-partnership", "sv").url).content, "html.parser")
    english = [span.get_text() for span in html.select('main span[lang="en"]')]
    assert GIID in english
    assert "GIID" in english


@pytest.mark.parametrize("key", ["home", "giid-partnership", "giid-network", "lund-collaboration"])
def test_swedish_text_has_no_danish_letters(client, site_content, key):
    response = client.get(site_content.page(key, "sv").url)
    text = BeautifulSoup(response.content, "html.parser").main.get_text()
    assert not set(text) & set("æøÆØ"), text


def test_second_run_creates_nothing_and_no_revisions(site_content):
    counts = (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count())
    output = load_site_content()
    assert "created" not in output and "updated" not in output
    assert (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count()) == counts


def test_an_editors_change_survives_a_second_run(client, site_content):
    page = site_content.page("giid-partnership", "da")
    page.title = "Vores partnerskab med GIID"
    page.save_revision().publish()

    load_site_content()

    page.refresh_from_db()
    assert page.title == "Vores partnerskab med GIID"
    assert "Vores partnerskab med GIID" in client.get(page.url).content.decode()
