"""The site keeps to its terminology (locale/terminology.toml) in every language: on every public page and in our catalogues."""

import re
import tomllib

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from tests.partnerships.test_public_pages import rendered_site, visible_text

TERMINOLOGY = settings.BASE_DIR / "locale" / "terminology.toml"
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def terms() -> list[dict]:
    with TERMINOLOGY.open("rb") as file:
        return tomllib.load(file)["term"]


def avoided(language: str) -> list[tuple[str, re.Pattern]]:
    """(variant, pattern) for every variant the terminology avoids in ``language``."""
    found = []
    for term in terms():
        flags = 0 if term.get("match_case") else re.IGNORECASE
        found += [(variant, re.compile(re.escape(variant), flags)) for variant in term.get("avoid", {}).get(language, [])]
    return found


def catalogue_texts(language: str) -> list[str]:
    """What our catalogue says in ``language``: the translations, or for English (the source) the messages."""
    catalogue = polib.pofile(str(settings.BASE_DIR / "locale" / ("da" if language == "en" else language) / "LC_MESSAGES" / "django.po"))
    texts = []
    for entry in catalogue:
        if entry.obsolete:
            continue
        if language == "en":
            texts += [entry.msgid, entry.msgid_plural]
        else:
            texts += [entry.msgstr, *entry.msgstr_plural.values()]
    return [text for text in texts if text]


def test_every_term_is_given_in_every_language():
    for term in terms():
        assert term["concept"]
        assert all(term.get(language) for language in LANGUAGES), term["concept"]
        assert set(term.get("avoid", {})) <= set(LANGUAGES), term["concept"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogues_keep_to_the_terminology(language):
    problems = [f"{variant!r} in {text!r}" for text in catalogue_texts(language) for variant, pattern in avoided(language)
                if pattern.search(text)]
    assert problems == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_keeps_to_the_terminology(site_content, language):
    problems = []
    for path, (page_language, page) in rendered_site().items():
        if page_language != language:
            continue
        text = visible_text(BeautifulSoup(page, "html.parser"))
        problems += [f"{path}: {variant!r}" for variant, pattern in avoided(language) if pattern.search(text)]
    assert problems == []


def test_one_swedish_spelling_of_workshop_is_held():
    """The check itself: the variants the review found would fail it."""
    patterns = [pattern for _variant, pattern in avoided("sv")]
    for wrong in ("Frågan så som workshoparna ställer den", "Workshopens sida", "Workshoppar och peer sessions"):
        assert any(pattern.search(wrong) for pattern in patterns), wrong
    for right in ("Workshoppens sida", "Workshoppar och peer-sessioner", "GIID Network Peer Session"):
        assert not any(pattern.search(right) for pattern in patterns), right
