"""List the admin strings of Wagtail and wagtail-localize that have no translation in a language.

Run `.venv/bin/python -m locale_upstream.gaps da > todo.po` after an upgrade: it prints, as a PO
file, every msgid of the installed packages' source catalogues that neither the package nor
locale_upstream/ translates, with the package and the files that use it, ready to translate.
"""

import sys
from pathlib import Path

import polib

DOMAINS = ("django", "djangojs")


def upstream_apps():
    """The installed apps of Wagtail and wagtail-localize that ship a source (English) catalogue."""
    from django.apps import apps

    return [app for app in apps.get_app_configs()
            if app.name.split(".")[0] in {"wagtail", "wagtail_localize"}
            and (Path(app.path) / "locale" / "en").is_dir()]


def catalogue(language, domain, app):
    """The translations Django would serve for one app's strings: the app's, then LOCALE_PATHS over it."""
    from django.utils.translation import trans_real

    if domain == "django":
        return trans_real.translation(language)._catalog
    return trans_real.DjangoTranslation(language, domain=domain, localedirs=[str(Path(app.path) / "locale")])._catalog


def key(entry):
    """The key of an entry in Django's merged catalogue (context and plural included)."""
    msgid = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
    return (msgid, 0) if entry.msgid_plural else msgid


def source_entries(domain):
    """(app, entry) for every string of the upstream apps' English catalogues of one domain."""
    for app in upstream_apps():
        path = Path(app.path) / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        if path.exists():
            for entry in polib.pofile(str(path)):
                if not entry.obsolete:
                    yield app, entry


def missing(language, domain):
    """(app, entry) for every upstream string that has no translation in the language."""
    seen = set()
    for app, entry in source_entries(domain):
        if key(entry) not in seen and key(entry) not in catalogue(language, domain, app):
            seen.add(key(entry))
            yield app, entry


def main(language):
    """Print the missing strings of both domains as one PO file, the domain in each entry's comment."""
    out = polib.POFile()
    for domain in DOMAINS:
        for app, entry in missing(language, domain):
            entry.comment = f"{domain} {app.name}"
            entry.msgstr, entry.msgstr_plural = "", ({0: "", 1: ""} if entry.msgid_plural else {})
            out.append(entry)
    sys.stdout.write(str(out))


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sciencecity.settings.dev")
    django.setup()
    main(sys.argv[1])
