"""Every interface string of ours is in locale/da and locale/sv, translated, and none is left behind."""

import shutil
import subprocess
import sys

import polib
import pytest
from django.conf import settings

# Names (and the words "logo" and "Menu", and "USA") that are the same in Danish or Swedish as in English, so msgstr may equal msgid.
PROPER_NOUNS = {"Science City Lyngby", "GIID Network Peer Session", "logo", "Menu", "USA"}
# The configured languages with a catalogue of ours: all but English, in which the messages are written.
LANGUAGES = [code for code, _name in settings.LANGUAGES if (settings.BASE_DIR / "locale" / code).is_dir()]


def po_file(language):
    return polib.pofile(str(settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_not_fuzzy(language):
    problems = []
    for entry in po_file(language):
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
        elif not entry.translated():
            problems.append(f"untranslated: {entry.msgid!r}")
        elif entry.msgstr == entry.msgid and entry.msgid not in PROPER_NOUNS:
            problems.append(f"msgstr equals msgid: {entry.msgid!r}")
    assert problems == []


def test_swedish_messages_have_no_danish_letters():
    offending = [entry.msgid for entry in po_file("sv") for text in [entry.msgstr, *entry.msgstr_plural.values()]
                 if set(text) & set("æøÆØ")]
    assert offending == []


def test_the_po_files_hold_every_string_in_the_code(tmp_path):
    """makemessages run on a copy of the project finds nothing that locale/*.po lacks."""
    copy = tmp_path / "project"
    ignore = shutil.ignore_patterns(".venv", "node_modules", "media", "staticfiles", ".git", "*.sqlite3", "__pycache__")
    shutil.copytree(settings.BASE_DIR, copy, ignore=ignore)
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", *(f"-l{lang}" for lang in LANGUAGES),
         "--ignore=tests", "--ignore=bench", "--no-obsolete", "--no-location"],
        cwd=copy, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for language in LANGUAGES:
        extracted = polib.pofile(str(copy / "locale" / language / "LC_MESSAGES" / "django.po"))
        committed = {entry.msgid for entry in po_file(language) if not entry.obsolete}
        missing = sorted(entry.msgid for entry in extracted if entry.msgid not in committed)
        assert missing == [], f"run makemessages and translate these in locale/{language}: {missing}"
