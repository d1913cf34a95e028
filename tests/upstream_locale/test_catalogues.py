"""Every admin string of Wagtail and wagtail-localize has a Danish and a Swedish translation (locale_upstream/)."""

import json
import re

import polib
import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils import translation
from django.views.i18n import JavaScriptCatalog

from locale_upstream.gaps import DOMAINS, catalogue, key, missing, source_entries

LANGUAGES = ["da", "sv"]
OURS = settings.BASE_DIR / "locale_upstream"
# %(name)s, %s, %d, {name}, {} and HTML tags must come through a translation unchanged.
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|</?[a-z]+[^>]*>")


def our_entries():
    """(language, domain, entry) for every entry of our catalogues."""
    for language in LANGUAGES:
        for domain in DOMAINS:
            for entry in polib.pofile(str(OURS / language / "LC_MESSAGES" / f"{domain}.po")):
                yield language, domain, entry


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_upstream_string_has_a_translation(language, domain):
    """Fails after an upgrade that brings new strings: `python -m locale_upstream.gaps` lists them."""
    untranslated = [f"{app.name}: {entry.msgid!r}" for app, entry in missing(language, domain)]
    assert untranslated == []


def test_translations_keep_placeholders_tags_and_trailing_spaces():
    problems = []
    for language, domain, entry in our_entries():
        if entry.msgid_plural:
            # A singular may spell "1" out instead of using the count, so plurals may use fewer.
            allowed = set(PLACEHOLDER.findall(entry.msgid + entry.msgid_plural))
            pairs = [(entry.msgid_plural, text) for text in entry.msgstr_plural.values()]
            wrong = [text for _, text in pairs if not set(PLACEHOLDER.findall(text)) <= allowed]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
            wrong = [] if sorted(PLACEHOLDER.findall(entry.msgid)) == sorted(PLACEHOLDER.findall(entry.msgstr)) else [
                entry.msgstr]
        wrong += [text for source, text in pairs if source.endswith(" ") != text.endswith(" ")]
        problems += [f"{language} {domain} {entry.msgid!r}: {text!r}" for text in wrong]
    assert problems == []


def test_no_entry_is_empty_or_fuzzy_and_swedish_has_no_danish_letters():
    problems = []
    for language, domain, entry in our_entries():
        texts = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        if "fuzzy" in entry.flags or not all(texts):
            problems.append(f"{language} {domain} {entry.msgid!r}: empty or fuzzy")
        if language == "sv" and any(set(text) & set("æøÆØ") for text in texts):
            problems.append(f"sv {domain} {entry.msgid!r}: Danish letters")
    assert problems == []


@pytest.mark.parametrize(
    ("language", "english", "expected"),
    [
        # Wagtail's own Danish says "blivet".
        ("da", "Page '%(page_title)s' has been submitted for moderation.", "Siden '%(page_title)s' er blevet indsendt til godkendelse."),
        ("da", "Images", "Billeder"),
        ("da", "Snippets", "Uddrag"),
        ("da", "Sync translated pages", "Synkroniser oversatte sider"),
        ("da", "The page title as you'd like it to be seen by the public", "Sidens titel, som den skal vises for besøgende"),
        # Wagtail's Swedish says "unlocked" here, and "sajt" and "moderering" where Swedish says webbplats, godkännande.
        ("sv", "No locked pages found.", "Inga låsta sidor hittades."),
        ("sv", "Site summary", "Översikt över webbplatsen"),
        ("sv", "Submit for moderation", "Skicka för godkännande"),
        ("sv", "Sync translated pages", "Synkronisera översatta sidor"),
        ("sv", "Show issue", "Visa problem"),
        # Swedish used to fall back to Danish (LANGUAGE_CODE) here, in the Reports menu.
        ("sv", "Translations", "Översättningar"),
    ],
)
def test_django_serves_our_translations_over_the_packages(language, english, expected):
    with translation.override(language):
        assert translation.gettext(english) == expected


@pytest.mark.parametrize(
    ("package", "language", "english", "expected"),
    [
        ("wagtail.admin", "da", "Collapse all", "Fold alle sammen"),
        ("wagtail_localize", "da", "Publish in ", "Udgiv på "),
        # wagtail-localize's Swedish drops the space: "Publicera påSvenska".
        ("wagtail_localize", "sv", "Publish in ", "Publicera på "),
        # Wagtail's Swedish has the two buttons the wrong way round.
        ("wagtail.admin", "sv", "Collapse all", "Fäll ihop alla"),
        ("wagtail.admin", "sv", "Expand all", "Fäll ut alla"),
    ],
)
def test_the_javascript_catalogues_serve_our_translations(package, language, english, expected):
    """The admin's jsi18n views (Wagtail's and wagtail-localize's) read locale_upstream/ too."""
    view = JavaScriptCatalog.as_view(packages=[package])
    with translation.override(language):
        catalogue = view(RequestFactory().get("/jsi18n/"))
    assert f"{json.dumps(english)}: {json.dumps(expected)}" in catalogue.content.decode()


def test_swedish_says_godkannande_and_webbplats_in_every_string_django_serves():
    """Review rows SA12 and SA20: Wagtail's Swedish says "moderering" and "sajt"; each is corrected in
    locale_upstream/sv, and a string that says them again after an upgrade fails here."""
    served = catalogue("sv", "django", None)
    said = []
    for _app, entry in source_entries("django"):
        first = key(entry)
        keys = [first, (first[0], 1)] if isinstance(first, tuple) else [first]
        said += [entry.msgid for k in keys if re.search(r"moderer|\bsajt", served.get(k, ""), re.IGNORECASE)]
    assert said == []
