"""Images in image blocks and in rich text are as wide as the text column, with a srcset to choose from."""

import re

import pytest
from django.conf import settings
from wagtail.images.formats import get_image_format, get_image_formats

from sciencecity.blocks import ImageBlock
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def test_the_stylesheet_makes_both_fill_the_column():
    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    rule = re.search(r"([^{}]*\.content-image img[^{}]*)\{([^}]*)\}", css)
    assert rule and ".richtext-image" in rule.group(1) and "width: 100%" in rule.group(2)


def test_an_image_block_has_a_srcset(site_content):
    image = ImageFactory()
    block = ImageBlock()
    html = block.render(block.to_python({"image": image.pk, "alt_text": "Et billede", "caption": ""}))
    assert 'class="content-image"' in html
    assert re.search(r'srcset="[^"]*800w', html) and "sizes=" in html


def test_rich_text_offers_one_format_as_wide_as_the_column_with_a_srcset(site_content):
    assert [image_format.name for image_format in get_image_formats()] == ["fullwidth"]
    html = get_image_format("fullwidth").image_to_html(ImageFactory(), "Et billede")
    assert 'class="richtext-image full-width"' in html
    srcset = re.search(r'srcset="([^"]*)"', html).group(1)
    assert [entry.split()[-1] for entry in srcset.split(", ")] == ["400w", "800w", "1200w"]
    assert 'sizes="(min-width: 42rem) 38rem, 100vw"' in html and 'alt="Et billede"' in html
