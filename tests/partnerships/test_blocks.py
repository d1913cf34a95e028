"""Blocks: named for what editors mean, each with its own template, and accessible markup."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from partnerships.blocks import PartnershipStreamBlock
from partnerships.models import PartnershipPage
from sciencecity.blocks import (
    RICH_TEXT_FEATURES,
    CallToActionBlock,
    ImageBlock,
    LinkCardBlock,
    QuotationBlock,
    TextBlock,
)
from seeding.tools import Block, Translated, ensure_page, ensure_translation
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def render(block, value, context=None):
    """Render a block in Danish; plain dicts and strings go through the block's to_python first."""
    if isinstance(value, dict | str):
        value = block.to_python(value)
    with translation.override("da"):
        return BeautifulSoup(block.render(value, context), "html.parser")


@pytest.mark.parametrize("name,block", list(PartnershipStreamBlock().child_blocks.items()))
def test_every_block_has_an_icon_template_description_and_preview(name, block):
    assert block.meta.icon not in (None, "", "placeholder"), name
    assert block.meta.template.endswith(".html"), name
    assert str(block.get_description()), name
    assert block.is_previewable, name


@pytest.mark.parametrize("name,block", list(PartnershipStreamBlock().child_blocks.items()))
def test_every_block_renders_its_preview(site_content, name, block):
    from django.test import RequestFactory
    from wagtail.models import Site

    from sciencecity.models import OrganisationSettings

    image = ImageFactory()
    # The recordings block shows the sessions that have their drawing, and nothing while none has.
    from workshops.models import Workshop

    Workshop.objects.get(slug="investing-in-startups", locale__language_code="da").recordings.update(image=image, alt_text="Tegningen")
    # The contact block shows what the settings hold, and nothing while they are empty.
    details = OrganisationSettings.objects.get(site=Site.objects.get(is_default_site=True))
    details.email = "kontakt@example.org"
    details.save()
    request = RequestFactory().get("/da/")
    html = block.render(block.get_preview_value(), {"page": site_content.page("giid-partnership"), "request": request})
    assert html.strip(), name


def test_quotation_names_its_source_with_the_titles_language():
    html = render(QuotationBlock(), QuotationBlock().get_preview_value())
    figure = html.select_one("figure.quotation")
    assert figure.blockquote.get_text(strip=True).startswith("Innovationsdistrikter er afgrænsede")
    caption = figure.figcaption.get_text(" ", strip=True)
    assert caption.startswith("Kilde:")
    assert "White Paper , Brookings , 2014" in caption or "White Paper, Brookings, 2014" in caption
    assert figure.cite["lang"] == "en"
    assert figure.cite.get_text() == "The Rise of Innovation Districts: A New Geography of Innovation in America"


def test_image_block_requires_alt_text():
    image = ImageFactory()
    block = ImageBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": image.pk, "alt_text": "", "caption": ""}))
    block.clean(block.to_python({"image": image.pk, "alt_text": "Tegning af en workshop", "caption": ""}))


def test_image_block_renders_a_responsive_picture_with_alt_text_and_caption():
    image = ImageFactory()
    html = render(ImageBlock(), {"image": image.pk, "alt_text": "Tegning af en workshop", "caption": "Grafisk opsamling"})
    figure = html.select_one("figure.content-image")
    assert {source["type"] for source in figure.select("picture source")} == {"image/avif", "image/webp"}
    img = figure.select_one("picture img")
    assert img["alt"] == "Tegning af en workshop"
    assert img["width"] and img["height"] and "srcset" in img.attrs
    assert img["loading"] == "lazy"
    assert figure.figcaption.get_text() == "Grafisk opsamling"


def test_call_to_action_needs_exactly_one_destination(site_content):
    block = CallToActionBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"label": "Læs mere", "page": None, "url": "", "link_language": ""}))
    with pytest.raises(ValidationError):
        block.clean(
            block.to_python(
                {"label": "Læs mere", "page": site_content.page("home").pk, "url": "https://giid.org/", "link_language": ""}
            )
        )


def test_call_to_action_to_another_site_says_its_language():
    html = render(CallToActionBlock(), CallToActionBlock().get_preview_value())
    link = html.select_one("a.call-to-action__link")
    assert link["href"] == "https://www.giid.org/"
    assert link["hreflang"] == "en"
    assert link.get_text(" ", strip=True) == "Læs mere om GIID (på engelsk)"


def test_call_to_action_to_a_page_leads_to_its_version_in_the_visitors_language(site_content):
    block = CallToActionBlock()
    value = {"label": "Lund", "page": site_content.page("lund-collaboration", "da").pk, "url": "", "link_language": ""}
    with translation.override("sv"):
        html = BeautifulSoup(block.render(block.to_python(value)), "html.parser")
    assert html.a["href"] == site_content.page("lund-collaboration", "sv").url


def test_link_card_links_out_without_embedding_anything():
    html = render(LinkCardBlock(), LinkCardBlock().get_preview_value())
    card = html.select_one("article.link-card")
    assert card.h3.a["href"] == "https://www.giid.org/"
    assert card.h3.a["hreflang"] == "en"
    assert "på engelsk" in card.select_one(".link-card__source").get_text()
    assert not card.select("iframe, img, script, object, embed")


def test_lang_en_rich_text_feature_stores_a_span_with_lang():
    converter = ContentstateConverter(features=RICH_TEXT_FEATURES)
    html = '<p>Partnerskab med <span lang="en">Global Institute for Innovation Districts</span></p>'
    contentstate = converter.from_database_format(html)
    assert "LANG_EN" in contentstate
    assert re.sub(r' data-block-key="[^"]*"', "", converter.to_database_format(contentstate)) == html
    assert json.loads(contentstate)["blocks"][0]["inlineStyleRanges"][0]["style"] == "LANG_EN"


def test_text_block_keeps_lang_en_when_rendered():
    html = render(TextBlock(), TextBlock().to_python('<p>Om <span lang="en">GIID</span></p>'))
    assert html.select_one('span[lang="en"]').get_text() == "GIID"


def test_every_language_of_parts_feature_survives_the_swedish_round_trip(site_content, django_capture_on_commit_callbacks):
    """Rich text with English spans, bold, italic and links; a quotation's title language."""
    fields = {
        "title": Translated("Prøveside", "Provsida"),
        "slug": Translated("proeveside", "provsida"),
        "body": [
            Block(
                "text",
                Translated(
                    '<p><b>Vi</b> deltog i <span lang="en">Investing in Startups</span> med '
                    '<a href="https://www.giid.org/">GIID</a> og <i>andre</i>.</p>',
                    '<p><b>Vi</b> deltog i <span lang="en">Investing in Startups</span> med '
                    '<a href="https://www.giid.org/">GIID</a> och <i>andra</i>.</p>',
                ),
            ),
            Block(
                "quotation",
                {
                    "quotation": Translated("Et citat.", "Ett citat."),
                    "source_title": "The Rise of Innovation Districts",
                    "source_language": "en",
                    "publisher": "Brookings",
                    "publication_type": "",
                    "year": 2014,
                    "url": "",
                },
            ),
        ],
    }
    danish = site_content.page("home", "da")
    page, _created = ensure_page(danish, PartnershipPage, "language-round-trip", fields, danish.locale)
    with django_capture_on_commit_callbacks(execute=True):
        swedish, _created = ensure_translation(page, "language-round-trip", fields, site_content.page("home", "sv").locale)

    text = str(swedish.specific.body[0].value)
    assert '<span lang="en">Investing in Startups</span>' in text
    assert '<a href="https://www.giid.org/">GIID</a>' in text
    assert "<b>Vi</b>" in text and "<i>andra</i>" in text
    assert swedish.specific.body[1].value["source_language"] == "en"

