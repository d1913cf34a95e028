"""The share picture: every public page names one in og:image; the site draws it once per title, never per request."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core import signing
from PIL import Image

from navigation import share_image
from sciencecity.models import OrganisationSettings
from tests.factories import ImageFactory
from tests.site_urls import collect_site_urls

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Pictures go to a folder of this test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def og(client, url) -> dict[str, str]:
    """The page's Open Graph image tags, by property."""
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return {tag["property"]: tag["content"] for tag in html.select('meta[property^="og:image"]')}


def path_of(url: str) -> str:
    return url.removeprefix("http://testserver")


def stored_pictures(media) -> list:
    folder = media / share_image.FOLDER
    return sorted(folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize("key", ["home", "giid-partnership", "giid-network", "accessibility-statement"])
@pytest.mark.parametrize("language", ["da", "sv"])
def test_a_page_without_a_chosen_picture_is_shared_with_one_the_site_draws_from_its_title(client, site_content, key,
                                                                                           language):
    page = site_content.page(key, language)
    tags = og(client, page.url)
    assert tags["og:image"].startswith("http://testserver/share/")
    assert (tags["og:image:type"], tags["og:image:width"], tags["og:image:height"]) == ("image/png", "1200", "630")
    assert page.title in tags["og:image:alt"]

    response = client.get(path_of(tags["og:image"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "immutable" in response["Cache-Control"] and "max-age=31536000" in response["Cache-Control"]
    assert Image.open(io.BytesIO(response.content)).size == (1200, 630)


def test_every_public_page_names_a_share_image_that_answers(client, site_content):
    pages = [url.path for url in collect_site_urls() if url.kind == "html" and url.status == 200]
    failing = {}
    for path in pages:
        tags = og(client, path)
        response = client.get(path_of(tags.get("og:image", "")))
        if response.status_code != 200 or response["Content-Type"] != "image/png":
            failing[path] = (tags, response.status_code)
        elif Image.open(io.BytesIO(response.content)).size != (1200, 630):
            failing[path] = "not 1200 × 630"
    assert len(pages) > 20 and failing == {}


def test_the_picture_is_drawn_on_the_first_request_and_read_from_storage_after_that(client, site_content, media):
    url = path_of(og(client, site_content.page("giid-partnership").url)["og:image"])
    assert stored_pictures(media) == []
    client.get(url)
    [stored] = stored_pictures(media)
    # Were it drawn again, the second answer would be the drawing, not what the storage now holds.
    marker = io.BytesIO()
    Image.new("RGB", (1200, 630), "red").save(marker, "PNG")
    stored.write_bytes(marker.getvalue())

    assert client.get(url).content == marker.getvalue()
    assert stored_pictures(media) == [stored]


def test_a_new_version_with_a_new_title_gets_a_new_picture_and_one_with_the_same_title_keeps_it(client, site_content,
                                                                                                  media):
    page = site_content.page("giid-partnership")
    first = og(client, page.url)["og:image"]
    client.get(path_of(first))

    page.introduction = "En ny indledning."
    page.save_revision().publish()
    assert og(client, page.url)["og:image"] == first

    page.title = "Partnerskabet med GIID"
    page.save_revision().publish()
    second = og(client, page.url)["og:image"]
    assert second != first
    drawn = client.get(path_of(second)).content
    assert drawn != client.get(path_of(first)).content
    assert len(stored_pictures(media)) == 2


def test_a_route_is_shared_with_a_picture_of_its_own_title(client, site_content):
    network = site_content.page("giid-network")
    tags = og(client, f"{network.url}cleveland-health-tech-corridor/")
    assert "Cleveland Health-Tech Corridor" in tags["og:image:alt"]
    assert tags["og:image"] != og(client, network.url)["og:image"]


def test_an_address_the_site_did_not_make_draws_nothing(client, site_content, media):
    url = path_of(og(client, site_content.page("home").url)["og:image"])
    token = url.removeprefix("/share/").removesuffix(".png")
    forged = signing.Signer(salt="et andet salt").sign_object({"t": "Noget andet", "s": "Science City Lyngby", "v": 1})
    for bad in (f"/share/{token[:-2]}xx.png", f"/share/{forged}.png", "/share/abc.png"):
        assert client.get(bad).status_code == 404, bad
    assert client.post(url).status_code == 405
    assert stored_pictures(media) == []


def test_the_organisations_share_image_and_the_pages_own_come_before_the_drawn_one(client, site_content):
    page = site_content.page("giid-partnership")
    settings = OrganisationSettings.objects.get()
    settings.default_social_image = ImageFactory()
    settings.save()
    tags = og(client, page.url)
    assert "/media/images/" in tags["og:image"] and tags["og:image:type"] == "image/jpeg"

    page.main_image, page.main_image_alt = ImageFactory(title="Hovedbillede"), "Et hovedbillede"
    page.save_revision().publish()
    tags = og(client, page.url)
    assert (tags["og:image:alt"], tags["og:image:width"], tags["og:image:height"]) == ("Et hovedbillede", "1200", "630")
