"""Lean pages: query budgets that do not grow with content, responsive images, and page weight."""

import datetime
import re
from collections import OrderedDict

import brotli
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from districts.models import District
from sciencecity.models import ContentVersion
from tests.conftest import add_dated_workshops
from tests.factories import ImageFactory
from tests.navigation.test_navigation import CHROME_BUILD_QUERIES, LANGUAGES
from tests.site_urls import collect_site_urls
from workshops.models import GraphicRecording, Topic, Workshop

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 10


def one_url_per_kind() -> dict[tuple[str, str], str]:
    """One address for every page type and route, in each language (the first of each)."""
    urls = OrderedDict()
    for url in collect_site_urls():
        if url.kind == "html" and url.status == 200:
            urls.setdefault((url.source, url.language), url.path)
    return urls


# The first render after a change (every change gives the content a new version, so the cached chrome
# under the old one is never read again: navigation/chrome.py) builds every
# language's menus, titles and footer again, at most CHROME_BUILD_QUERIES each (tests/navigation), and
# draws the page: the page's own budget on top. The shared cache's own reads and writes (and savepoints)
# are not counted here (a table in the SQLite tests, Redis in the PostgreSQL ones).
FIRST_RENDER_BUDGET = len(LANGUAGES) * CHROME_BUILD_QUERIES + QUERY_BUDGET


def queries_for(client, path) -> int:
    client.get(path)  # menus and settings cached, as on a running site; no page cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


def first_render_queries(client, path) -> int:
    """The queries of the first request for ``path`` after content changed, the cache's own left out."""
    client.get(path)
    ContentVersion.change()  # what every change of content does (sciencecity/signals.py)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    # The database cache writes in savepoints of its own.
    cache_queries = ("sciencecity_cache", "SAVEPOINT")
    return len([query for query in queries.captured_queries if not any(part in query["sql"] for part in cache_queries)])


def add_lots_of_content():
    """Ten times the seed: districts, topics, workshops with topics, districts and recordings, menu pages."""
    from partnerships.models import CollaborationPage
    from wagtail.models import Locale, Page

    danish = Locale.get_default()
    districts = District.objects.bulk_create(
        District(name=f"Distrikt {n}", slug=f"distrikt-{n}", city="By", country="DK", continent="europe",
                 latitude=55, longitude=12, locale=danish)
        for n in range(120)
    )
    topics = Topic.objects.bulk_create(
        Topic(name=f"Emne {n}", question=f"Spørgsmål {n}?", slug=f"emne-{n}", locale=danish, sort_order=10 + n)
        for n in range(20)
    )
    image = ImageFactory()
    start = timezone.now() - datetime.timedelta(days=400)
    for n in range(100):
        workshop = Workshop.objects.create(
            title=f"Workshop {n}", slug=f"workshop-{n}", locale=danish,
            starts_at=start + datetime.timedelta(days=7 * n), ends_at=start + datetime.timedelta(days=7 * n, hours=2),
        )
        workshop.topics.set(topics[n % 20: n % 20 + 3])
        workshop.districts.set(districts[n: n + 5])
        GraphicRecording.objects.create(workshop=workshop, image=image, alt_text=f"Tegning {n}", locale=danish)
    home = Page.objects.get(depth=2, locale=danish)
    for n in range(10):
        page = home.add_child(instance=CollaborationPage(title=f"Samarbejde {n}", slug=f"samarbejde-{n}",
                                                          partner_name=f"Partner {n}", show_in_menus=True))
        page.save_revision().publish()


def test_every_page_type_and_route_stays_within_its_query_budget_however_much_content(client, site_content):
    add_dated_workshops()
    add_drawing("investing-in-startups")  # images, as the large site has, so both draw the same kinds of things
    urls = one_url_per_kind()
    small = {kind: queries_for(client, path) for kind, path in urls.items()}
    # The first render rebuilds every language's chrome whichever page it is: one language's pages suffice.
    first = {kind: path for kind, path in urls.items() if kind[1] == LANGUAGES[0]}
    small_first = {kind: first_render_queries(client, path) for kind, path in first.items()}

    add_lots_of_content()
    large = {kind: queries_for(client, path) for kind, path in urls.items()}
    large_first = {kind: first_render_queries(client, path) for kind, path in first.items()}

    over_budget = {urls[kind]: count for kind, count in large.items() if count > QUERY_BUDGET}
    assert over_budget == {}
    grew = {urls[kind]: (small[kind], large[kind]) for kind in urls if large[kind] > small[kind]}
    assert grew == {}
    # The first render after a change, too: within its budget, and not a query more for more content.
    over_budget = {urls[kind]: count for kind, count in large_first.items() if count > FIRST_RENDER_BUDGET}
    assert over_budget == {}
    grew = {urls[kind]: (small_first[kind], large_first[kind]) for kind in first if large_first[kind] > small_first[kind]}
    assert grew == {}
    assert {source for source, _language in urls} >= {
        "page:partnerships.HomePage", "page:partnerships.PartnershipPage", "page:partnerships.NetworkPage",
        "route:partnerships.NetworkPage:district", "page:partnerships.WorkshopsPage",
        "route:partnerships.WorkshopsPage:workshop", "page:partnerships.CollaborationPage",
        "page:sciencecity.InformationPage", "url:search",
    }


def add_drawing(slug: str) -> None:
    """Give a seeded session's recording a drawing (the seed has none), as an editor would."""
    recording = GraphicRecording.objects.get(workshop__slug=slug, workshop__locale__language_code="da")
    recording.image, recording.alt_text = ImageFactory(), "Tegningen viser netværkets spørgsmål"
    recording.save()


def test_recordings_are_responsive_pictures_with_modern_formats_and_dimensions(client, site_content):
    add_drawing("investing-in-startups")
    html = BeautifulSoup(client.get(f"{site_content.page('giid-workshops').url}investing-in-startups/").content,
                         "html.parser")
    picture = html.select_one("figure.graphic-recording picture")
    assert {source["type"] for source in picture.select("source")} == {"image/avif", "image/webp"}
    assert all("srcset" in source.attrs and "sizes" in source.attrs for source in picture.select("source"))
    img = picture.img
    assert img["width"] and img["height"] and img["loading"] == "lazy"
    assert "srcset" in img.attrs and img["alt"]


def test_renditions_are_made_once(client, site_content):
    from wagtail.images.models import Rendition

    add_drawing("inclusive-innovation")
    url = f"{site_content.page('giid-workshops').url}inclusive-innovation/"
    client.get(url)
    count = Rendition.objects.count()
    assert count > 0
    client.get(url)
    assert Rendition.objects.count() == count


@pytest.fixture
def built_static(tmp_path, settings):
    """The static files as production builds them: hashed names, gzip and Brotli copies."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
    call_command("collectstatic", "--no-input", verbosity=0)
    return settings.STATIC_ROOT


def page_weight(client, url, built_static) -> int:
    """Bytes of the page's HTML (Brotli-compressed) plus its CSS and JavaScript as served (the .br copies)."""
    html = client.get(url).content
    soup = BeautifulSoup(html, "html.parser")
    assets = [tag["href"] for tag in soup.select('link[rel="stylesheet"]')] + [tag["src"] for tag in soup.select("script[src]")]
    assert all(".css" in asset or ".js" in asset for asset in assets)
    weight = len(brotli.compress(html))
    for asset in assets:
        name = asset.removeprefix("/static/")
        compressed = built_static / f"{name}.br"
        assert compressed.exists(), f"{name} is served without a Brotli copy"
        assert re.search(r"\.[0-9a-f]{12}\.(css|js)$", name), f"{name} carries no content hash"
        weight += compressed.stat().st_size
        # A gzip copy too, for clients without Brotli.
        assert (built_static / f"{name}.gz").exists()
    return weight


def test_every_page_and_route_weighs_at_most_30_kb_compressed(client, site_content, built_static):
    """Every live page in every language, a district's and a session's page, and search: HTML, CSS and JS."""
    from wagtail.models import Page

    urls = [page.url for page in Page.objects.live().filter(depth__gt=1)]
    network, workshops = site_content.page("giid-network"), site_content.page("giid-workshops")
    urls += [f"{network.url}cleveland-health-tech-corridor/", f"{workshops.url}investing-in-startups/", "/da/soeg/?q=innovation"]
    weights = {url: page_weight(client, url, built_static) for url in urls}
    assert len(weights) > 20
    assert max(weights.values()) <= 30 * 1024, sorted(weights.items(), key=lambda item: -item[1])[:3]
