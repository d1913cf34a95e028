"""The admin speaks each person's language: a sweep of every role's daily screens, in each of its languages.

One test item per role and language (editors and approvers in Danish, each translator in their language,
administrators in all three): one browser context signs in and opens the role's screens, menus, panels and
choosers in turn, collecting per screen every text ``catalogue_detector`` says is not the language's (another
language's string, English left untranslated, Python's None/True), then fails with all of them at once.
Editors' content (page titles, the data's names, form values, the preview's frame) is not checked.
"""

import re

import pytest
from PIL import Image
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from editorial.roles import ADMINISTRATORS, APPROVERS, EDITORS, TRANSLATORS
from tests.factories import UserFactory

from .catalogue_detector import detectors
from .conftest import DESKTOP
from .test_two_factor import fresh_code, password_login

pytestmark = pytest.mark.usefixtures("live_site")

PASSWORD = "et-godt-langt-kodeord-42"
BROWSER_LOCALES = {"da": "da-DK", "sv": "sv-SE", "en": "en-GB"}
ROLES = [
    ("editor", "da"), ("approver", "da"), ("translator", "sv"), ("translator", "en"),
    ("administrator", "da"), ("administrator", "sv"), ("administrator", "en"),
]
CATALOGUES_LOADED = """() => performance.getEntriesByType('resource')
    .filter(entry => entry.name.includes('/jsi18n/')).every(entry => entry.responseStatus === 200)"""
VISIBLE_TEXT = """() => {
    const skip = el => el.closest('script, style, noscript, template, textarea, [contenteditable="true"]');
    const shown = el => el.checkVisibility({visibilityProperty: true});
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (el && node.nodeValue.trim() && !skip(el) && shown(el)) texts.push(node.nodeValue);
    }
    for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title]')) {
        if (skip(el) || !shown(el)) continue;
        for (const name of ['aria-label', 'placeholder', 'title']) {
            if (el.getAttribute(name)) texts.push(el.getAttribute(name));
        }
    }
    return texts;
}"""


def content_texts() -> set[str]:
    """What editors wrote (titles, names, translated segments): content in its own language, not the interface's."""
    from django.apps import apps
    from wagtail.models import Page, TranslatableMixin

    texts = set()
    for title, draft_title, seo_title in Page.objects.values_list("title", "draft_title", "seo_title"):
        texts |= {title, draft_title, seo_title}
    for model in apps.get_models():
        if issubclass(model, TranslatableMixin) and not issubclass(model, Page):
            for field in {"title", "name"} & {field.name for field in model._meta.get_fields()}:
                texts |= set(model.objects.values_list(field, flat=True))
    # The translation editor shows each segment's translation ("Deltagare i GIID-nätverket" as a heading).
    from wagtail_localize.models import String, StringTranslation

    texts |= set(String.objects.values_list("data", flat=True))
    texts |= set(StringTranslation.objects.values_list("data", flat=True))
    return {" ".join(text.split()) for text in texts if text}


@pytest.fixture(scope="module")
def language_detectors(live_site, django_db_blocker):
    """A detector per admin language, built from the catalogues once; editors' content is not the interface."""
    found = detectors()
    with django_db_blocker.unblock():
        content = content_texts()
    for detector in found.values():
        detector.allowed |= content
    return found


class Sweep:
    """Opens screens in one browser tab and records, per screen, what the detector finds there."""

    def __init__(self, page, base_url, detector):
        self.page, self.base_url, self.detector = page, base_url, detector
        self.findings: dict[str, list[str]] = {}

    def open(self, name, path, ready=None):
        """Go to an admin path, check it answered, wait for ``ready`` (a selector) and check what it shows.

        The test server's threads share one SQLite connection, and every admin request saves the
        session, so a request made beside the page (its JavaScript catalogue) now and then fails
        there, never in production; a screen drawn without its catalogue is opened again.
        """
        for _attempt in range(3):
            response = self.page.goto(self.base_url + path)
            assert response.status == 200, f"{name}: {path} answered {response.status}"
            self.settle()
            if self.page.evaluate(CATALOGUES_LOADED):
                break
        if ready:
            self.page.locator(ready).first.wait_for()
        self.check(name)

    def settle(self):
        """Wait until the screen's own requests are done, or a few seconds (a preview may keep polling)."""
        try:
            self.page.wait_for_load_state("networkidle", timeout=8_000)
        except PlaywrightTimeout:
            pass

    def visible_texts(self) -> list[str]:
        """The texts the page shows, read again once a navigation the last action started has settled."""
        for _attempt in range(3):
            try:
                return self.page.evaluate(VISIBLE_TEXT)
            except PlaywrightError as error:
                if "Execution context was destroyed" not in str(error):
                    raise
                self.page.wait_for_load_state("networkidle")
        return self.page.evaluate(VISIBLE_TEXT)

    def check(self, name):
        """Record what the page shows now (after a click, a modal, …) that is not in the admin's language."""
        found = self.detector.findings(self.visible_texts())
        if found:
            self.findings.setdefault(name, []).extend(found)

    def click(self, name, locator):
        """Open a menu or panel and check it; a tab that stops responding (a script in a loop) is a finding."""
        try:
            locator.click(timeout=10_000)
        except PlaywrightTimeout as error:
            self.findings.setdefault(name, []).append(f"could not be opened: {str(error).splitlines()[0]}")
            return
        self.settle()
        self.check(name)
        self.page.keyboard.press("Escape")

    def count(self) -> int:
        """How many findings, counting a text once per screen."""
        return sum(len(set(texts)) for texts in self.findings.values())


def staff(username, group, language):
    """A member of a group whose admin language is set in their account, as the account page sets it."""
    from wagtail.users.models import UserProfile

    user = UserFactory(username=username, groups=[group], password=PASSWORD)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def sign_in(page, live_site, user, device=None):
    """The login form, and the code prompt for those who must use two-factor sign-in."""
    password_login(page, live_site, user)
    if device is not None:
        page.locator("#id_code").fill(fresh_code(device))
        page.locator("main form button[type=submit]").first.click()
    expect(page.locator("body#wagtail")).to_be_visible()


def sweep_sign_in(sweep, live_site, user):
    """The sign-in screen in the browser's language, then the password, and a code where the role is asked for one."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    sweep.open("sign-in", "/admin/login/")
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    password_login(sweep.page, live_site, user)
    if sweep.page.locator("#id_code").count():
        sweep.page.locator("#id_code").fill(fresh_code(device))
        sweep.page.locator("main form button[type=submit]").first.click()
    expect(sweep.page.locator("body#wagtail")).to_be_visible()


def snippet_path(model, action, *args):
    from django.urls import reverse

    return reverse(model.snippet_viewset.get_url_name(action), args=args)


@pytest.fixture
def page_in_moderation():
    """A Danish information page waiting for approval in the site's workflow."""
    from partnerships.models import HomePage
    from sciencecity.models import InformationPage

    home = HomePage.objects.get(locale__language_code="da")
    page = home.add_child(instance=InformationPage(title="Sprogtjek", slug="sprogtjek-admin", live=False))
    revision = page.save_revision()
    page.get_workflow().start(page, revision.user)
    yield page
    page.delete()


def upload(page, path):
    """Upload a file on a multiple-upload screen; again after a failure of the shared SQLite connection (see open)."""
    success = page.locator("#upload-list li.upload-success")
    for _attempt in range(3):
        page.locator("input[type=file]").first.set_input_files(path)
        page.locator("#upload-list li:is(.upload-success, .upload-failure, .upload-server-error)").first.wait_for(
            timeout=15_000)
        if success.count() == 1:
            return
        page.reload()
    expect(success).to_have_count(1)


def open_submenus(sweep):
    """Open each submenu of the main menu (Reports, Help, …) and check its items."""
    toggles = sweep.page.locator("#wagtail-sidebar button[aria-haspopup]")
    for index in range(toggles.count()):
        # By keyboard: with the data menus the sidebar can be taller than the window.
        toggles.nth(index).focus()
        sweep.page.keyboard.press("Enter")
        sweep.check("main menu, submenu")
        sweep.page.keyboard.press("Escape")


def open_modal(sweep, name, button):
    """Click a chooser button, check the modal it opens, and close it."""
    button.click()
    modal = sweep.page.locator(".modal.fade.in, .modal[open], .modal:visible").first
    expect(modal).to_be_visible()
    sweep.page.wait_for_load_state("networkidle")
    sweep.check(name)
    modal.locator("button.close").click()
    expect(modal).to_be_hidden()


def add_blocks_and_open_their_choosers(sweep):
    """Add one block of every type to the page's body, then open the image, page and document choosers."""
    page = sweep.page
    options = page.locator("[role=option]")
    page.locator(".c-sf-add-button").last.click()
    expect(options.first).to_be_visible()
    sweep.check("block picker")
    kinds = options.count()
    page.keyboard.press("Escape")
    for index in range(kinds):
        page.locator(".c-sf-add-button").last.click()
        options.nth(index).click()
    sweep.check("page editor with a block of every type")
    open_modal(sweep, "image chooser", page.locator(".image-chooser button.chooser__choose-button:visible").last)
    open_modal(sweep, "page chooser", page.locator(".page-chooser button.chooser__choose-button:visible").last)
    # Rich text offers documents through its "/" command menu.
    page.locator(".public-DraftEditor-content").last.click()
    page.keyboard.type("/")
    expect(options.first).to_be_visible()
    sweep.check("rich text commands")
    open_modal(sweep, "document chooser", options.filter(has_text=re.compile("dokument|document", re.I)).first)


def page_editor(sweep, page_id):
    """The page editor with its side panels and its "more actions" menu."""
    sweep.open("page editor", f"/admin/pages/{page_id}/edit/")
    sweep.click("page editor, more actions", sweep.page.locator("footer .w-dropdown__toggle").first)
    for panel in ("status", "preview", "checks"):
        sweep.click(f"page editor, {panel} panel", sweep.page.locator(f"[data-side-panel-toggle='{panel}']").first)


def translation_editor(sweep, name, path):
    """wagtail-localize's editor, drawn by React, and its "more actions" menu."""
    try:
        sweep.open(name, path, ready=".js-translation-editor li")
    except PlaywrightTimeout:
        sweep.findings.setdefault(name, []).append("the screen stopped responding")
        sweep.page.close()
        sweep.page = sweep.page.context.new_page()
        return
    more_actions = sweep.page.locator("footer .w-dropdown__toggle").first
    if more_actions.is_visible():  # a translator of data has no other action to be offered
        sweep.click(f"{name}, more actions", more_actions)


def danish_screens(sweep, page_in_moderation, tmp_path, uploads):
    """What editors and approvers use: the Danish tree, moderation, data, media, the status report."""
    from districts.models import District
    from partnerships.models import PartnershipPage
    from sciencecity.models import FooterText
    from workshops.models import Workshop

    danish = PartnershipPage.objects.filter(locale__language_code="da").first()
    sweep.open("page explorer", f"/admin/pages/{danish.get_parent().id}/")
    sweep.open("page search", "/admin/pages/search/?q=lund")
    page_editor(sweep, danish.id)
    if uploads:
        add_blocks_and_open_their_choosers(sweep)
    sweep.open("page history", f"/admin/pages/{danish.id}/history/")
    sweep.open("new page type choice", f"/admin/pages/{danish.get_parent().id}/add_subpage/")
    sweep.open("page in moderation", f"/admin/pages/{page_in_moderation.id}/edit/")
    more_actions = sweep.page.locator("footer .w-dropdown__toggle").first
    if more_actions.is_visible():  # an editor sees the page locked for review, without actions
        sweep.click("page in moderation, more actions", more_actions)
    sweep.open("workflow history", f"/admin/pages/{page_in_moderation.id}/workflow_history/")
    sweep.open("snippets", "/admin/snippets/")
    for model in (District, Workshop, FooterText):
        sweep.open(f"{model.__name__} list", snippet_path(model, "list"))
        instance = model.objects.filter(locale__language_code="da").first()
        sweep.open(f"{model.__name__} editor", snippet_path(model, "edit", instance.pk))
    sweep.open("district form", snippet_path(District, "add"))
    sweep.open("images", "/admin/images/")
    sweep.open("documents", "/admin/documents/")
    if uploads:
        sweep.open("image upload", "/admin/images/multiple/add/")
        Image.new("RGB", (640, 480), (30, 90, 160)).save(tmp_path / "havn.png")
        upload(sweep.page, tmp_path / "havn.png")
        sweep.check("image upload, uploaded")
        sweep.open("document upload", "/admin/documents/multiple/add/")
        (tmp_path / "referat.txt").write_text("Referat af mødet.\n")
        upload(sweep.page, tmp_path / "referat.txt")
        sweep.check("document upload, uploaded")
    sweep.open("translation status report", "/admin/reports/translation-status/")


def translator_screens(sweep, language):
    """What a translator uses: their language's tree, the translation editor for pages and data, the reports."""
    from django.urls import reverse
    from wagtail.models import Locale
    from wagtail_localize.models import TranslationSource

    from districts.models import District
    from partnerships.models import PartnershipPage
    from sciencecity.models import FooterText

    danish = PartnershipPage.objects.filter(locale__language_code="da").first()
    translated = danish.get_translation(Locale.objects.get(language_code=language))
    source = TranslationSource.objects.get(object_id=danish.translation_key, locale=danish.locale)
    sweep.open("page explorer", f"/admin/pages/{translated.get_parent().id}/")
    sweep.open("page search", "/admin/pages/search/?q=lund")
    translation_editor(sweep, "translation editor", f"/admin/pages/{translated.id}/edit/")
    district = District.objects.filter(locale__language_code=language).first()
    translation_editor(sweep, "data translation editor", snippet_path(District, "edit", district.pk))
    sweep.open("district list", snippet_path(District, "list"))
    sweep.open("footer text list", snippet_path(FooterText, "list"))
    sweep.open("sync form", reverse("wagtail_localize:update_translations", args=[source.id]))
    sweep.open("translations report", reverse("wagtail_localize:translations_report"))
    sweep.open("translation status report", "/admin/reports/translation-status/")


def administrator_screens(sweep, language):
    """What an administrator uses beyond the editors' screens: users, groups, settings, workflows, reports."""
    from django.contrib.auth.models import Group
    from wagtail.models import Site, Task, Workflow

    from editorial.moderation import TASK_NAME, WORKFLOW_NAME

    screens = {
        "users": "/admin/users/",
        "new user": "/admin/users/new/",
        "groups": "/admin/groups/",
        "translators' group": f"/admin/groups/edit/{Group.objects.get(name=TRANSLATORS['sv']).pk}/",
        "new group": "/admin/groups/new/",
        "settings": f"/admin/settings/sciencecity/organisationsettings/{Site.objects.get(is_default_site=True).pk}/",
        "sites": "/admin/sites/",
        "locales": "/admin/locales/",
        "collections": "/admin/collections/",
        "redirects": "/admin/redirects/",
        "workflows": "/admin/workflows/list/",
        "workflow editor": f"/admin/workflows/edit/{Workflow.objects.get(name=WORKFLOW_NAME).pk}/",
        "workflow tasks": "/admin/workflows/tasks/index/",
        "task editor": f"/admin/workflows/tasks/edit/{Task.objects.get(name=TASK_NAME).pk}/",
        "locked pages": "/admin/reports/locked/",
        "site history": "/admin/reports/site-history/",
        "aging pages": "/admin/reports/aging-pages/",
        "workflow report": "/admin/reports/workflow/",
        "workflow task report": "/admin/reports/workflow_tasks/",
    }
    for name, path in screens.items():
        sweep.open(name, path)


@pytest.mark.parametrize(("role", "language"), ROLES, ids=[f"{role}-{language}" for role, language in ROLES])
def test_each_role_sees_only_its_language(chromium, live_site, language_detectors, page_in_moderation, tmp_path,
                                         role, language):
    group = {"editor": EDITORS, "approver": APPROVERS, "administrator": ADMINISTRATORS}.get(role) or TRANSLATORS[language]
    user = staff(f"{role}-{language}-sprog", group, language)
    context = chromium.new_context(viewport=DESKTOP, locale=BROWSER_LOCALES[language])
    sweep = Sweep(context.new_page(), live_site.url, language_detectors[language])
    try:
        sweep_sign_in(sweep, live_site, user)
        sweep.open("dashboard", "/admin/")
        open_submenus(sweep)
        if role in ("editor", "approver"):
            danish_screens(sweep, page_in_moderation, tmp_path, uploads=role == "editor")
        elif role == "translator":
            translator_screens(sweep, language)
        else:
            danish_screens(sweep, page_in_moderation, tmp_path, uploads=False)
            translator_screens(sweep, "sv" if language == "da" else language)
            administrator_screens(sweep, language)
        sweep.open("account", "/admin/account/")
    finally:
        context.close()

    report = "\n".join(f"  {screen}: {texts}" for screen, texts in sweep.findings.items())
    assert sweep.findings == {}, f"{sweep.count()} findings in the {language} admin of the {role}:\n{report}"
