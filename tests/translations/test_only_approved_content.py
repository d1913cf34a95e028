"""Only approved, published Danish content reaches Swedish: tested from the attacker's side, with raw POSTs.

A never-published Danish page waiting for approval, or an unpublished one,
must not reach a Swedish page through wagtail-localize's submit, update
(sync), convert-to-alias views or Wagtail's copy view.
"""

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail_localize.models import TranslationSource
from wagtail_localize.synctree import create_aliases_for_new_page

from editorial.roles import EDITORS, TRANSLATORS
from partnerships.models import CollaborationPage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Hemmeligt udkast om Aalto"
DRAFT_INTRO = "Ikke godkendt: en tekst, som ingen godkender har set."


@pytest.fixture
def swedish():
    return Locale.objects.get(language_code="sv")


@pytest.fixture
def pending_page(site_content):
    """A Danish page an editor wrote and submitted for approval; it has never been published."""
    editor = UserFactory(groups=[EDITORS])
    home = site_content.page("home")
    page = home.add_child(
        instance=CollaborationPage(
            title=DRAFT_TITLE, slug="hemmeligt-udkast", partner_name="Aalto", introduction=DRAFT_INTRO, live=False
        )
    )
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    page.refresh_from_db()
    assert not page.live and page.workflow_in_progress
    return page


@pytest.fixture
def translator(client):
    user = UserFactory(groups=[TRANSLATORS["sv"]])
    client.force_login(user)
    return user


def submit(client, page, locale):
    return client.post(reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [locale.pk]})


def update(client, page, publish=True):
    """POST the update (sync) form of the page's translation source, if one exists."""
    source = TranslationSource.objects.filter(object_id=page.translation_key, locale=page.locale).first()
    if source is None:
        return None
    data = {"publish_translations": "on"} if publish else {}
    return client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), data)


def assert_nothing_reached_swedish(client, page, swedish):
    """No live Swedish version of ``page``, and its text on no Swedish address."""
    assert not Page.objects.filter(translation_key=page.translation_key, locale=swedish, live=True).exists()
    client.logout()
    assert client.get("/sv/hemmeligt-udkast/").status_code == 404
    home = client.get("/sv/").content.decode()
    assert DRAFT_TITLE not in home
    assert DRAFT_TITLE not in client.get("/sitemap.xml").content.decode()


def test_submit_then_update_with_publish_does_not_publish_an_unapproved_draft(
    client, pending_page, translator, swedish, django_capture_on_commit_callbacks
):
    """The sequence of the issue: submit, then update with publish_translations=on."""
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, pending_page, swedish)
    assert response.status_code in (200, 302, 403)
    with django_capture_on_commit_callbacks(execute=True):
        response = update(client, pending_page)
    assert response is None or response.status_code in (200, 302, 403)
    assert_nothing_reached_swedish(client, pending_page, swedish)


def test_submitting_an_unapproved_page_is_refused_with_a_message(client, pending_page, translator, swedish):
    response = submit(client, pending_page, swedish)
    assert response.status_code == 302
    assert not TranslationSource.objects.filter(object_id=pending_page.translation_key).exists()
    assert not Page.objects.filter(translation_key=pending_page.translation_key, locale=swedish).exists()
    messages = [str(message) for message in response.wsgi_request._messages]
    assert any("ikke udgivet" in message or "inte publicerad" in message for message in messages), messages


def test_submit_then_publish_from_the_swedish_editor_publishes_nothing(
    client, pending_page, translator, swedish, django_capture_on_commit_callbacks
):
    """Variant: submit, then press Publish in the Swedish translation editor."""
    submit(client, pending_page, swedish)
    target = Page.objects.filter(translation_key=pending_page.translation_key, locale=swedish).first()
    if target is not None:
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
    assert_nothing_reached_swedish(client, pending_page, swedish)


def test_sync_of_an_unpublished_danish_page_is_refused(client, site_content, translator, swedish, django_capture_on_commit_callbacks):
    """Variant: a translated Danish page is unpublished; a sync with publish must not bring it back in Swedish."""
    danish = site_content.page("lund-collaboration", "da")
    target = site_content.page("lund-collaboration", "sv")
    target.unpublish()
    danish.unpublish()
    with django_capture_on_commit_callbacks(execute=True):
        response = update(client, danish)
    assert response.status_code == 302
    target.refresh_from_db()
    assert not target.live


def test_sync_uses_the_published_version_not_a_draft_in_moderation(client, site_content, translator, swedish, django_capture_on_commit_callbacks):
    """Variant: a live Danish page has an editor's draft in moderation; a sync publishes the approved text only."""
    editor = UserFactory(groups=[EDITORS])
    danish = site_content.page("lund-collaboration", "da")
    danish.introduction = DRAFT_INTRO
    danish.save_revision(user=editor)
    danish.get_workflow().start(danish, editor)
    with django_capture_on_commit_callbacks(execute=True):
        update(client, danish)
    source = TranslationSource.objects.get(object_id=danish.translation_key, locale=danish.locale)
    assert DRAFT_INTRO not in source.content_json
    client.logout()
    assert DRAFT_INTRO not in client.get(site_content.page("lund-collaboration", "sv").url).content.decode()


def test_a_translator_cannot_convert_a_swedish_page_to_an_alias(client, site_content, translator):
    """Variant: alias. Converting replaces the translation by the Danish text (and deletes it): not a translator's call."""
    target = site_content.page("lund-collaboration", "sv")
    title = target.title
    response = client.post(reverse("wagtail_localize:convert_to_alias", args=[target.pk]))
    assert response.status_code in (302, 403)
    target.refresh_from_db()
    assert target.alias_of_id is None and target.title == title


@pytest.mark.parametrize("alias", [False, True])
def test_copying_an_unapproved_danish_page_into_the_swedish_tree_is_refused(
    client, site_content, pending_page, swedish, alias, django_capture_on_commit_callbacks
):
    """Variant: copy (and copy as alias) by someone who is both editor and translator."""
    client.force_login(UserFactory(groups=[EDITORS, TRANSLATORS["sv"]]))
    swedish_home = site_content.page("home", "sv")
    data = {"new_title": DRAFT_TITLE, "new_slug": "hemmeligt-udkast", "new_parent_page": swedish_home.pk, "publish_copies": "on"}
    if alias:
        data["alias"] = "on"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:copy", args=[pending_page.pk]), data)
    assert response.status_code in (200, 302, 403)
    assert not swedish_home.get_children().filter(title=DRAFT_TITLE).exists()
    assert_nothing_reached_swedish(client, pending_page, swedish)


def test_a_private_danish_page_has_a_private_translation(client, site_content, translator, swedish, django_capture_on_commit_callbacks):
    """wagtail-localize copies the page's view restriction; so the Swedish page asks for the same password."""
    home = site_content.page("home")
    page = home.add_child(instance=CollaborationPage(title="Kun for partnere", slug="kun-for-partnere", partner_name="X"))
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig-42")
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, page, swedish)
    target = Page.objects.get(translation_key=page.translation_key, locale=swedish)
    restriction = target.get_view_restrictions().get()
    assert restriction.restriction_type == PageViewRestriction.PASSWORD and restriction.password == "hemmelig-42"
    client.logout()
    # Wagtail answers a private page with its password form (200), as for the Danish original.
    for url in (page.url, target.url):
        assert 'name="password"' in client.get(url).content.decode(), url


TARGETS = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def unapproved_with_aliases(site_content, state):
    """A Danish page with its alias in each target tree, never published or published and then unpublished."""
    page = site_content.page("home").add_child(
        instance=CollaborationPage(title=DRAFT_TITLE, slug="hemmeligt-udkast", partner_name="Aalto",
                                   introduction=DRAFT_INTRO, live=False)
    )
    revision = page.save_revision()
    if state == "unpublished":
        revision.publish()
    create_aliases_for_new_page(page)
    if state == "unpublished":
        page.refresh_from_db()
        page.unpublish()
    return page


@pytest.mark.parametrize("state", ["never published", "unpublished"])
@pytest.mark.parametrize("language", TARGETS)
def test_a_translator_can_neither_copy_nor_convert_the_alias_of_an_unapproved_danish_page(
    client, site_content, state, language, django_capture_on_commit_callbacks
):
    """The review's attack: copy the alias within one's own tree and publish the copy (or convert it)."""
    page = unapproved_with_aliases(site_content, state)
    alias = Page.objects.get(translation_key=page.translation_key, locale__language_code=language)
    assert alias.alias_of_id == page.pk and DRAFT_INTRO in alias.specific.introduction
    client.force_login(UserFactory(groups=[TRANSLATORS[language]]))
    home = site_content.page("home", language)
    data = {"new_title": "Kopi", "new_slug": "kopi-af-udkastet", "new_parent_page": home.pk, "publish_copies": "on"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:copy", args=[alias.pk]), data, follow=True)
        client.post(reverse("wagtailadmin_pages:convert_alias", args=[alias.pk]))
    messages = " ".join(str(message) for message in response.context["messages"])
    assert "alias" in messages and DRAFT_TITLE in messages
    assert not Page.objects.filter(slug="kopi-af-udkastet").exists()
    assert Page.objects.get(pk=alias.pk).alias_of_id == page.pk
    client.logout()
    assert DRAFT_INTRO not in client.get(home.url).content.decode()


def test_copying_a_page_with_its_subpages_looks_at_every_alias_below_it(site_content):
    from translations.wagtail_hooks import unapproved_aliases

    page = unapproved_with_aliases(site_content, "never published")
    swedish_home = site_content.page("home", "sv")
    assert list(unapproved_aliases(swedish_home, with_descendants=True)) == [page.page_ptr]
    assert not unapproved_aliases(swedish_home, with_descendants=False).exists()
    page.save_revision().publish()
    assert not unapproved_aliases(swedish_home, with_descendants=True).exists()
