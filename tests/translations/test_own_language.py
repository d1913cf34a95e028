"""Each Translators group works in its own language only, and is offered only what it may do.

Every target language of the settings has its group; each test runs for each of them.
"""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import Translation, TranslationSource

from editorial.roles import TRANSLATORS
from sciencecity import registry
from sciencecity.languages import target_languages
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LANGUAGES = target_languages()


@pytest.fixture(params=LANGUAGES)
def language(request):
    return request.param


@pytest.fixture
def translator(client, language):
    user = UserFactory(groups=[TRANSLATORS[language]])
    client.force_login(user)
    return user


def snippet_url(obj, view, *args) -> str:
    return reverse(f"wagtailsnippets_{obj._meta.app_label}_{obj._meta.model_name}:{view}", args=[obj.pk, *args])


@pytest.mark.parametrize("model", registry.editorial_models, ids=lambda model: model.__name__)
def test_translators_cannot_unpublish_lock_unlock_or_unschedule_danish_data(client, site_content, translator, model):
    danish = model.objects.filter(locale=Locale.get_default()).first()
    danish.go_live_at = timezone.now() + datetime.timedelta(days=7)
    scheduled = danish.save_revision(user=UserFactory(is_superuser=True))
    scheduled.publish()

    client.post(snippet_url(danish, "unpublish"))
    client.post(snippet_url(danish, "lock"))
    client.post(snippet_url(danish, "revisions_unschedule", scheduled.pk))
    danish.refresh_from_db()
    assert danish.live and not danish.locked
    assert Revision.objects.get(pk=scheduled.pk).approved_go_live_at is not None

    danish.locked, danish.locked_by = True, UserFactory()
    danish.save(update_fields=["locked", "locked_by"])
    client.post(snippet_url(danish, "unlock"))
    danish.refresh_from_db()
    assert danish.locked


def other_language(language):
    return next(code for code in LANGUAGES if code != language)


@pytest.mark.skipif(len(LANGUAGES) < 2, reason="needs two target languages")
def test_a_translators_update_publishes_their_own_language_only(
    client, site_content, translator, language, django_capture_on_commit_callbacks
):
    danish = site_content.page("lund-collaboration")
    own, other = site_content.page("lund-collaboration", language), site_content.page("lund-collaboration", other_language(language))
    danish.introduction = "Ny dansk indledning om Lund."
    danish.save_revision().publish()
    source = TranslationSource.objects.get(object_id=danish.translation_key, locale=danish.locale)

    page = client.get(reverse("wagtail_localize:update_translations", args=[source.pk])).content.decode()
    assert own.title in page and other.title not in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"})
    assert Page.objects.get(pk=own.pk).live_revision_id != own.live_revision_id
    assert Page.objects.get(pk=other.pk).live_revision_id == other.live_revision_id


def test_a_translator_may_submit_into_their_own_language_only(client, site_content, translator, language):
    from partnerships.models import CollaborationPage

    page = site_content.page("home").add_child(instance=CollaborationPage(title="Aalto", slug="aalto", partner_name="Aalto"))
    page.save_revision().publish()
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    html = BeautifulSoup(client.get(url).content, "html.parser")
    offered = {box["value"] for box in html.select('input[name="locales"]')}
    assert offered == {str(Locale.objects.get(language_code=language).pk)}
    for code in LANGUAGES:
        client.post(url, {"locales": [Locale.objects.get(language_code=code).pk]})
    translated = set(Page.objects.filter(translation_key=page.translation_key).values_list("locale__language_code", flat=True))
    assert translated == {"da", language}


def editor_props(client, page) -> tuple[dict, str]:
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    props = BeautifulSoup(html, "html.parser").select_one(".js-translation-editor")["data-props"]
    return json.loads(props), html


def test_the_translation_editor_offers_a_translator_only_what_their_group_may_do(client, site_content, translator, language):
    props, html = editor_props(client, site_content.page("lund-collaboration", language))
    assert props["perms"]["canPublish"] and props["perms"]["canLock"]
    assert not props["perms"]["canUnpublish"] and not props["perms"]["canDelete"]
    assert props["links"]["convertToAliasUrl"] is None
    # wagtail-localize always draws "Stop Synced translation"; it is hidden, and refused if posted.
    assert '[data-w-action-url-value$="/disable/"]' in html
    translation = Translation.objects.get(target_locale__language_code=language,
                                          source__object_id=site_content.page("lund-collaboration").translation_key)
    client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]))
    assert Translation.objects.get(pk=translation.pk).enabled


def test_an_administrator_is_offered_all_of_it(client, site_content, language):
    from accounts.testing import force_verified_login

    force_verified_login(client, UserFactory(is_superuser=True))
    props, html = editor_props(client, site_content.page("lund-collaboration", language))
    assert props["perms"]["canUnpublish"] and props["links"]["convertToAliasUrl"]
    assert '[data-w-action-url-value$="/disable/"]' not in html


def test_the_page_list_offers_a_translator_no_unpublishing_deleting_or_moving(client, site_content, translator, language):
    page = site_content.page("lund-collaboration", language)
    html = client.get(reverse("wagtailadmin_explore", args=[page.get_parent().pk])).content.decode()
    for view in ("unpublish", "delete", "move"):
        assert reverse(f"wagtailadmin_pages:{view}", args=[page.pk]) not in html, view
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html


def test_the_data_list_links_a_translator_to_their_own_languages_rows_only(client, site_content, translator, language):
    from districts.models import District

    html = client.get(reverse("wagtailsnippets_districts_district:list"), {"locale": ""}).content.decode()
    for district in District.objects.filter(slug="distritotec"):
        offered = snippet_url(district, "edit") in html
        assert offered is (district.locale.language_code == language), district.locale


def test_the_status_report_opens_on_the_translators_own_language_and_links_only_what_they_may_edit(
    client, site_content, translator, language
):
    """The English translator once landed on the Swedish report, whose "Open the translation" refused them."""
    html = BeautifulSoup(client.get(reverse("translation_status")).content, "html.parser")
    editors = [link["href"] for link in html.select("tbody tr a[href*='/edit/']")]
    assert editors
    for href in editors:
        assert client.get(href).status_code == 200, href
    pages = [int(href.split("/")[3]) for href in editors if href.startswith("/admin/pages/")]
    assert set(Page.objects.filter(pk__in=pages).values_list("locale__language_code", flat=True)) == {language}
