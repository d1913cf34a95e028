"""A page's optional main image: in the page header as a responsive picture, cropped around its focal point, described."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from PIL import Image

from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Images and renditions go to a folder of this test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def header(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("main .page-header")


def red_corner_image():
    """A white 1200 × 800 picture with a red square in its top right-hand corner, the focal point on the square."""
    picture = Image.new("RGB", (1200, 800), "white")
    picture.paste((255, 0, 0), (900, 0, 1200, 300))
    data = io.BytesIO()
    picture.save(data, "PNG")
    image = ImageFactory(file=ImageFile(data, name="hjoerne.png"))
    image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = 1050, 150, 300, 300
    image.save()
    return image


@pytest.mark.parametrize("key", ["giid-partnership", "accessibility-statement", "lund-collaboration"])
def test_a_page_without_a_main_image_has_a_plain_header(client, site_content, key):
    page_header = header(client, site_content.page(key).url)
    assert page_header.h1 and "page-header--with-image" not in page_header["class"]
    assert page_header.select("picture, img") == []


@pytest.mark.parametrize("key", ["giid-partnership", "accessibility-statement", "giid-network"])
def test_the_main_image_is_a_responsive_described_picture_beside_the_title(client, site_content, key):
    page = site_content.page(key)
    page.main_image, page.main_image_alt = ImageFactory(), "Deltagere ved et netværksmøde i Lyngby"
    page.save_revision().publish()

    page_header = header(client, page.url)
    assert "page-header--with-image" in page_header["class"]
    picture = page_header.select_one("picture")
    sources = {source["type"]: source for source in picture.select("source")}
    assert set(sources) == {"image/avif", "image/webp"}
    assert all(source["sizes"] and source["srcset"].count("w,") == 2 for source in sources.values())
    img = picture.img
    assert img["alt"] == "Deltagere ved et netværksmøde i Lyngby"
    assert (img["width"], img["height"]) and "srcset" in img.attrs
    # Above the fold: loaded at once, not lazily.
    assert "loading" not in img.attrs
    assert all(f"fill-{size}-c75" in img["srcset"] for size in ("480x320", "800x533", "1200x800"))


def test_the_crop_keeps_the_focal_point(client, site_content, settings):
    page = site_content.page("giid-partnership")
    page.main_image, page.main_image_alt = red_corner_image(), "Et rødt hjørne"
    page.save_revision().publish()
    img = header(client, page.url).select_one("picture img")
    smallest = img["srcset"].split(",")[0].split()[0]
    with Image.open(settings.MEDIA_ROOT / smallest.removeprefix(settings.MEDIA_URL)) as rendition:
        # Cropped closer around the square than the whole picture is: more of it red than the 9 % of the original.
        red = sum(1 for pixel in rendition.convert("RGB").get_flattened_data() if pixel[0] > 200 and pixel[1] < 80)
        assert red / (rendition.width * rendition.height) > 0.15


def test_a_main_image_needs_its_description(site_content):
    page = site_content.page("giid-partnership")
    page.main_image, page.main_image_alt = ImageFactory(), "  "
    with pytest.raises(ValidationError) as raised:
        page.full_clean()
    assert "main_image_alt" in raised.value.message_dict
    page.main_image_alt = "Et billede af et møde"
    page.full_clean()
