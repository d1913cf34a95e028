"""The admin in each person's language at its roots: no Danish fallback, labels built per request, names and dates.

The browser sweep (tests/browser/test_admin_language.py) reads every daily screen; these pin each
systemic cause where it lives, in-process.
"""

import json
import re

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import trans_real
from django.views.i18n import JavaScriptCatalog

from accounts.testing import force_verified_login
from editorial.roles import ADMINISTRATORS, TRANSLATORS
from tests.factories import UserFactory


def javascript_catalogue(package: str, language: str) -> dict:
    """What the admin's jsi18n view for ``package`` sends a browser in ``language``."""
    view = JavaScriptCatalog.as_view(packages=[package])
    with translation.override(language):
        content = view(RequestFactory().get("/jsi18n/")).content.decode()
    return json.loads(re.search(r"const newcatalog = (\{.*?\});\n", content, re.S).group(1))


def test_a_message_swedish_lacks_shows_in_english_not_in_danish():
    danish, swedish = trans_real.translation("da")._catalog, trans_real.translation("sv")._catalog
    missing = [key for key in danish.keys() if isinstance(key, str) and key and key not in swedish]
    with translation.override("sv"):
        assert [key for key in missing if translation.gettext(key) != key] == []


def test_wagtail_localizes_javascript_catalogue_brings_no_danish_into_the_swedish_admin():
    """It is loaded after Wagtail's and replaces its entries: once it carried Danish for every one Swedish lacked."""
    swedish, danish = javascript_catalogue("wagtail_localize", "sv"), javascript_catalogue("wagtail_localize", "da")
    assert swedish.get("More actions", "More actions") != "Flere handlinger"
    # Some words are the same in both ("Lås"): Danish only where Swedish's own catalogues say otherwise.
    own = trans_real.DjangoTranslation("sv", domain="djangojs")._catalog
    assert {key: text for key, text in swedish.items() if text == danish.get(key) != own.get(key)} == {}


@pytest.fixture
def administrator(client, site_content):
    user = UserFactory(groups=[ADMINISTRATORS], is_superuser=True)
    force_verified_login(client, user)
    client.user = user
    return client


def in_admin_language(client, language, path):
    """The admin page at ``path`` for a user whose account sets the admin's language to ``language``."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(client.user)
    profile.preferred_language = language
    profile.save()
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected", "not_expected"),
    [
        ("en", ["Add/edit images you own", "Add collections", "Can add group", "Can lock"],
         ["Tilføje/redigere egne billeder", "Can lock innovation"]),
        ("sv", ["Lägg till/redigera bilder du äger", "Kan lägga till grupp", "Kan låsa", "Samling"],
         ["Tilføje/redigere egne billeder", "Can add group", "Can lock"]),
        ("da", ["Tilføje/redigere egne billeder", "Kan tilføje gruppe", "Kan låse", "Samling"], ["Can add group", "Can lock"]),
    ],
)
def test_the_group_editor_labels_permissions_in_the_admins_language(administrator, language, expected, not_expected):
    from django.contrib.auth.models import Group

    html = in_admin_language(administrator, language, f"/admin/groups/edit/{Group.objects.get(name=TRANSLATORS['sv']).pk}/")
    assert [text for text in expected if text not in html] == []
    assert [text for text in not_expected if text in html] == []


def editor_props(html: str) -> dict:
    """The props wagtail-localize's translation editor is drawn from."""
    import html as html_module

    return json.loads(html_module.unescape(re.search(r'data-props="([^"]*)"', html).group(1)))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "source", "target", "date"),
    [("da", "dansk", "svensk", "7. december 2026"), ("sv", "danska", "svenska", "7 december 2026"),
     ("en", "Danish", "Swedish", "7 December 2026")],
)
def test_the_translation_editor_names_languages_and_dates_as_the_admins_language_writes_them(
        administrator, language, source, target, date):
    import datetime

    from wagtail.models import Locale
    from wagtail_localize.models import StringTranslation

    from partnerships.models import PartnershipPage

    danish = PartnershipPage.objects.filter(locale__language_code="da").first()
    swedish = danish.get_translation(Locale.objects.get(language_code="sv"))
    StringTranslation.objects.filter(locale__language_code="sv").update(
        updated_at=datetime.datetime(2026, 12, 7, 12, tzinfo=datetime.UTC))

    props = editor_props(in_admin_language(administrator, language, f"/admin/pages/{swedish.id}/edit/"))
    assert (props["sourceLocale"]["displayName"], props["locale"]["displayName"]) == (source, target)
    comments = {translation["comment"] for translation in props["initialStringTranslations"]}
    assert comments and all(comment.endswith(date) for comment in comments), comments


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "pages"), [("da", "sider"), ("sv", "sidor"), ("en", "pages")])
def test_the_list_of_locales_counts_in_the_admins_language(administrator, language, pages):
    """wagtail-localize wrote "7 pages + 23 others" in English in every admin."""
    html = in_admin_language(administrator, language, "/admin/locales/")
    assert re.search(rf"\d+ {pages}\b", html)
    assert language == "en" or not re.search(r"\d+ pages\b", html)
