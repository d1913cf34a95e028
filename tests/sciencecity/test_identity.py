"""The organisation's identity: its name as a wordmark until it gives a logo, both named on the launch checklist;
and a 404 page that helps on, in the visitor's language."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.testing import force_verified_login
from sciencecity.models import OrganisationSettings
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_the_header_shows_the_name_as_a_wordmark_until_there_is_a_logo(client, site_content):
    wordmark = soup(client.get("/da/")).select_one(".site-header a.wordmark")
    assert wordmark.get_text(" ", strip=True) == "Science City Lyngby" and wordmark["href"] == "/da/"
    assert wordmark.select("img") == []

    settings = OrganisationSettings.objects.get()
    settings.logo = ImageFactory(title="Logo")
    settings.save()
    for language in ("da", "sv"):
        wordmark = soup(client.get(f"/{language}/")).select_one(".site-header a.wordmark")
        img = wordmark.select_one("picture img")
        assert img["alt"] == "Science City Lyngby" and img["height"] == "48" and img["width"]
        assert "1x" in img["srcset"] and "2x" in img["srcset"]
        assert wordmark.select_one('picture source[type="image/webp"]')["srcset"].count(".webp") == 2
        assert wordmark.select(".wordmark__name") == []


def test_the_launch_checklist_names_the_logo_and_the_share_image_until_they_are_given(client, site_content):
    admin = get_user_model().objects.create_superuser("chef", "chef@example.org", "x")
    force_verified_login(client, admin)
    home = reverse("wagtailadmin_home")

    def items():
        panel = soup(client.get(home)).select_one("#launch-checklist-section")
        return {item.select_one("a").get_text(strip=True): item.select_one("a")["href"] for item in panel.select("li")}

    found = items()  # in Danish, the admin's language unless a user chooses another
    edit = reverse("wagtailsettings:edit", args=["sciencecity", "organisationsettings", OrganisationSettings.objects.get().site_id])
    # at the field: the fragment is the chooser's element (tests/editorial/test_staff_dashboard.py opens it)
    assert found["Tilføj logoet"] == f"{edit}#id_logo-chooser"
    assert found["Tilføj billedet"] == f"{edit}#id_default_social_image-chooser"

    settings = OrganisationSettings.objects.get()
    settings.logo, settings.default_social_image = ImageFactory(), ImageFactory()
    settings.save()
    assert not {"Tilføj logoet", "Tilføj billedet"} & set(items())


@pytest.mark.parametrize(
    "language, search, home_link",
    [("da", "/da/soeg/", "Gå til forsiden"), ("sv", "/sv/sok/", "Gå till startsidan"), ("en", "/en/search/", "Go to the home page")],
)
def test_the_404_page_offers_search_and_the_main_sections_in_the_visitors_language(client, site_content, language,
                                                                                    search, home_link):
    response = client.get(f"/{language}/denne-side-findes-ikke/")
    assert response.status_code == 404
    html = soup(response)
    form = html.select_one("main form[role=search]")
    assert form["action"] == search and form.select_one("input[type=search][name=q]")
    assert html.select_one(f"label[for={form.select_one('input')['id']}]")
    sections = html.select(".section-links a")
    menu = [link["href"] for link in html.select(".site-header__menu .main-menu a")]
    assert [link["href"] for link in sections] == menu and len(menu) == 4
    assert all(link["href"].startswith(f"/{language}/") for link in sections)
    assert html.find("a", string=home_link)["href"] == f"/{language}/"
