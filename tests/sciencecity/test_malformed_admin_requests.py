"""Malformed admin requests get a 4xx and a message in the person's language, never a 500, and change nothing.

The cases an outside review found still answering 500: bulk actions and choosers given an id that
is not a number, a page copy without a parent, rich text that is not JSON, a formset that claims more
forms than it sends, a translation segment saved without its value, and a bulk "Publish" of an alias.
"""

import re

import pytest
from django.test.client import MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from accounts.testing import force_verified_login
from editorial.roles import ADMINISTRATORS
from tests.factories import UserFactory
from workshops.models import Workshop

pytestmark = pytest.mark.django_db

# "What was sent named something by an address or number that is not one, so nothing was done."
NOT_AN_ID = {"da": "ikke er et nummer", "sv": "inte är ett nummer"}
NOT_EDITOR_DATA = {"da": "Formularens tekstfelt var ikke i det format, redigeringen sender", "sv": "Formulärets textfält var inte i redigerarens format"}


@pytest.fixture
def admin_client(client, site_content):
    force_verified_login(client, UserFactory(groups=[ADMINISTRATORS], is_superuser=True))
    client.raise_request_exception = False
    return client


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


BULK = [
    "wagtailcore/page/publish", "wagtailcore/page/delete", "districts/district/delete",
    "wagtailimages/image/delete", "wagtaildocs/document/delete", "auth/user/delete",
]
CHOOSERS = [
    "/admin/images/chooser/chosen/abc/", "/admin/documents/chooser/chosen/abc/",
    "/admin/snippets/choose/districts/district/chosen/abc/", "/admin/images/chooser/chosen-multiple/?id=abc",
    "/admin/snippets/choose/districts/district/chosen-multiple/?id=abc", "/admin/choose-page/chosen-multiple/?id=abc",
]


@pytest.mark.parametrize("language", ["da", "sv"])
@pytest.mark.parametrize("action", BULK)
def test_a_bulk_action_on_an_id_that_is_no_number_is_a_bad_request(admin_client, action, language):
    for method in ("get", "post"):
        response = getattr(admin_client, method)(f"/admin/bulk/{action}/?id=abc&next=/admin/", HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 400, (method, response.status_code)
        assert NOT_AN_ID[language] in text(response)


@pytest.mark.parametrize("url", CHOOSERS)
def test_a_chooser_given_an_id_that_is_no_number_answers_4xx(admin_client, url):
    response = admin_client.get(url, HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code in (400, 404), response.status_code
    if response.status_code == 400:
        assert NOT_AN_ID["sv"] in text(response)


@pytest.mark.parametrize("parent", [None, "999999", "abc"])
def test_a_page_copy_without_a_real_parent_is_refused(admin_client, site_content, parent):
    page = site_content.page("lund-collaboration")
    data = {"new_title": "Kopi", "new_slug": "kopi"} | ({"new_parent_page": parent} if parent else {})
    before = Page.objects.count()
    response = admin_client.post(reverse("wagtailadmin_pages:copy", args=[page.pk]), data, HTTP_ACCEPT_LANGUAGE="sv")
    if parent == "abc":
        assert response.status_code == 400 and NOT_AN_ID["sv"] in text(response)
    else:  # the copy form, saying what is missing
        assert response.status_code == 200 and "error-message" in response.content.decode()
    assert Page.objects.count() == before


@pytest.mark.parametrize("language", ["da", "sv"])
def test_rich_text_that_is_not_json_is_a_bad_request(admin_client, site_content, language):
    page = site_content.page("lund-collaboration")
    data = {"title": page.title, "slug": page.slug, "body-count": "0", "partner_name": "X", "article_text": "ikke json"}
    revisions = page.revisions.count()
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400
    assert NOT_EDITOR_DATA[language] in text(response)
    assert page.revisions.count() == revisions

    workshop = Workshop.objects.filter(locale__language_code="da").first()
    url = reverse("wagtailsnippets_workshops_workshop:edit", args=[workshop.pk])
    assert admin_client.post(url, {"title": "x", "body": "{ikke json"}).status_code == 400


def test_a_formset_claiming_more_forms_than_it_sends_is_answered_with_the_form(admin_client, site_content):
    workshop = Workshop.objects.filter(locale__language_code="da").first()
    url = reverse("wagtailsnippets_workshops_workshop:edit", args=[workshop.pk])
    data = {"title": "", "links-TOTAL_FORMS": "5", "links-INITIAL_FORMS": "0",
            "recordings-TOTAL_FORMS": "3", "recordings-INITIAL_FORMS": "0"}
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "error-message" in response.content.decode()


def test_a_segment_saved_without_its_value_is_a_bad_request(admin_client, site_content):
    danish = site_content.page("lund-collaboration")
    source = TranslationSource.objects.get(object_id=danish.translation_key, locale=danish.locale)
    translation = Translation.objects.get(source=source, target_locale__language_code="sv")
    segment = StringSegment.objects.filter(source=source).first()
    before = list(StringTranslation.objects.values_list("pk", "data"))
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = admin_client.put(url, encode_multipart("BoUnDaRy", {"other": "x"}), content_type=MULTIPART_CONTENT)
    assert response.status_code == 400
    assert list(StringTranslation.objects.values_list("pk", "data")) == before


def test_a_bulk_publish_of_an_alias_publishes_nothing_and_says_so(admin_client, site_content, django_capture_on_commit_callbacks):
    swedish_home = site_content.page("home", "sv")
    alias = site_content.page("lund-collaboration").create_alias(
        parent=swedish_home, update_slug="alias-til-test", update_locale=swedish_home.locale
    )
    url = f"/admin/bulk/wagtailcore/page/publish/?id={alias.pk}&next=/admin/"
    confirmation = admin_client.get(url)
    assert confirmation.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"include_descendants": ""})
    assert response.status_code in (200, 302)
    assert not alias.revisions.exists()
