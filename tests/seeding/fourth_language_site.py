"""What a visitor and an administrator meet on a throwaway site with German added (tests/settings_german.py).

Run as ``python -m tests.seeding.fourth_language_site`` after migrate and load_site_content; prints JSON for
tests/seeding/test_fourth_language.py to check.
"""

import json

import django

django.setup()

from bs4 import BeautifulSoup  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402
from wagtail.models import Page  # noqa: E402

from seeding.tools import seed_key  # noqa: E402


def page_facts(client: Client, url: str) -> dict:
    """Status, languages, switcher, hreflang and notice of one address."""
    response = client.get(url)
    html = BeautifulSoup(response.content, "html.parser")
    content = html.select_one(".main__content")
    return {
        "status": response.status_code,
        "lang": html.html.get("lang") if html.html else None,
        "content_lang": content.get("lang") if content else None,
        "switcher": [(link["lang"], link.get_text()) for link in html.select("nav.language-switcher a")],
        "hreflang": sorted(link["hreflang"] for link in html.select('link[rel="alternate"][hreflang]')),
        "notice": bool(html.select_one(".notice--language")),
    }


def main() -> dict:
    """Fetch the German site's pages and a few others."""
    client = Client()
    german = Page.objects.get(translation_key=seed_key("giid-partnership"), locale__language_code="de")
    with translation.override("de"):
        search = reverse("search")
    return {
        "redirect": client.get("/", headers={"accept-language": "de-DE,de;q=0.9"})["Location"],
        "german_home": page_facts(client, "/de/"),
        "german_page_is_alias": german.alias_of_id is not None,
        "german_page": page_facts(client, german.url),
        "danish_page": page_facts(client, Page.objects.get(pk=german.alias_of_id).url),
        "search": client.get(f"{search}?q=innovation").status_code,
        "not_found": page_facts(client, "/de/gibt-es-nicht/"),
        "sitemap_mentions_german": "/de/" in client.get("/sitemap.xml").content.decode(),
        "admin_login": client.get("/admin/login/", headers={"accept-language": "de"}).status_code,
        "groups": sorted(Group.objects.values_list("name", flat=True)),
    }


if __name__ == "__main__":
    print(json.dumps(main()))
