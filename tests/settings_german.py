"""The test settings plus German, with no translations of anything: a fourth language by configuration alone.

tests/seeding/test_fourth_language.py runs a throwaway site with these settings.
"""

from sciencecity.settings.test import *  # noqa: F403
from sciencecity.settings.test import SITE_LANGUAGES

SITE_LANGUAGES = {**SITE_LANGUAGES, "de": {"name": "Deutsch", "stemmer": "german", "og_locale": "de_DE"}}
LANGUAGES = [(code, language["name"]) for code, language in SITE_LANGUAGES.items()]
LANGUAGE_CODE = LANGUAGES[0][0]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
