"""The same words find the same pages on SQLite and on PostgreSQL: each language's stems, data in blocks included.

The table's words are taken from the seeded content, in the singular and the
plural (or the definite form) where the page uses the other. CI runs this
file on SQLite and again on PostgreSQL, where the same table must hold.
Neither database splits compounds ("innovationsdistrikter" does not find
"distrikt"), so the table asks for none.
"""

import pytest

from tests.search.test_search import results

pytestmark = pytest.mark.django_db

# What each query finds: seeded pages by key, and routes below them as (key, route).
HOME, PARTNERSHIP, NETWORK, WORKSHOPS, LUND = "home", "giid-partnership", "giid-network", "giid-workshops", "lund-collaboration"
STARTUPS, INCLUSIVE = (WORKSHOPS, "investing-in-startups/"), (WORKSHOPS, "inclusive-innovation/")
# A topic some session discussed is a result of its own: the workshops about it.
STARTUPS_TOPIC, INCLUSION_TOPIC = (WORKSHOPS, "?topic=startups"), (WORKSHOPS, "?topic=social-inclusion")
LYNGBY, FUTURE_BY_LUND = (NETWORK, "science-city-lyngby/"), (NETWORK, "future-by-lund/")

DANISH = {
    # The topics' questions, which the partnership page lists from the workshops' data; a topic a session
    # discussed, with that session.
    "kritisk": {PARTNERSHIP},
    "inklusion": {PARTNERSHIP, INCLUSION_TOPIC, INCLUSIVE},
    "masse": {PARTNERSHIP},
    "talent": {PARTNERSHIP},
    "startup": {PARTNERSHIP, STARTUPS, STARTUPS_TOPIC},
    "startups": {PARTNERSHIP, STARTUPS, STARTUPS_TOPIC},
    "kommune": {LUND, PARTNERSHIP, FUTURE_BY_LUND, INCLUSION_TOPIC},
    # The pages' own text.
    "innovationsdistrikt": {HOME, PARTNERSHIP, NETWORK},
    "innovationsdistrikter": {HOME, PARTNERSHIP, NETWORK},
    "byområde": {PARTNERSHIP},
    "byområderne": {PARTNERSHIP},
    "virksomhed": {PARTNERSHIP},
    "virksomheder": {PARTNERSHIP},
    "udfordring": {PARTNERSHIP, NETWORK},
    "udfordringer": {PARTNERSHIP, NETWORK},
    "erfaring": {HOME, PARTNERSHIP, NETWORK, WORKSHOPS, LUND},
    "erfaringer": {HOME, PARTNERSHIP, NETWORK, WORKSHOPS, LUND},
    "workshop": {PARTNERSHIP, WORKSHOPS},
    "workshops": {PARTNERSHIP, WORKSHOPS},
    "region": {HOME, PARTNERSHIP, LYNGBY},
    "regioner": {HOME, PARTNERSHIP, LYNGBY},
    "samarbejde": {HOME, PARTNERSHIP, LUND, FUTURE_BY_LUND},
    "samarbejdet": {HOME, PARTNERSHIP, LUND, FUTURE_BY_LUND},
}

SWEDISH = {
    "kritisk": {PARTNERSHIP},
    "massa": {PARTNERSHIP},
    "inkludering": {PARTNERSHIP, INCLUSION_TOPIC, INCLUSIVE},
    "talang": {PARTNERSHIP},
    "startup": {PARTNERSHIP, STARTUPS, STARTUPS_TOPIC},
    "startups": {PARTNERSHIP, STARTUPS, STARTUPS_TOPIC},
    "kommun": {LUND, PARTNERSHIP, FUTURE_BY_LUND, INCLUSION_TOPIC},
    "kommunen": {LUND, PARTNERSHIP, FUTURE_BY_LUND, INCLUSION_TOPIC},
    "innovationsdistrikt": {HOME, PARTNERSHIP, NETWORK},
    "innovationsdistrikten": {HOME, PARTNERSHIP, NETWORK},
    "deltagare": {PARTNERSHIP, NETWORK},
    "deltagarna": {PARTNERSHIP, NETWORK},
    "utmaning": {PARTNERSHIP, NETWORK},
    "utmaningar": {PARTNERSHIP, NETWORK},
    "erfarenhet": {HOME, PARTNERSHIP, NETWORK, WORKSHOPS, LUND},
    "erfarenheter": {HOME, PARTNERSHIP, NETWORK, WORKSHOPS, LUND},
    "företag": {PARTNERSHIP},
    "stadsområde": {PARTNERSHIP},
    "stadsområden": {PARTNERSHIP},
    "region": {HOME, PARTNERSHIP, LYNGBY},
    "regioner": {HOME, PARTNERSHIP, LYNGBY},
    # Not "samarbetet": PostgreSQL 15's Swedish stemmer is an older Snowball than snowballstemmer's and
    # stems it apart from "samarbete"; the table holds what both databases agree on.
    "samarbete": {HOME, PARTNERSHIP, LUND, FUTURE_BY_LUND},
}

ENGLISH = {
    "talent": {PARTNERSHIP},
    "startup": {PARTNERSHIP, STARTUPS, STARTUPS_TOPIC},
    "startups": {PARTNERSHIP, STARTUPS, STARTUPS_TOPIC},
    "municipality": {LUND, PARTNERSHIP, FUTURE_BY_LUND, INCLUSION_TOPIC},
    "municipalities": {LUND, PARTNERSHIP, FUTURE_BY_LUND, INCLUSION_TOPIC},
    "challenge": {PARTNERSHIP, NETWORK},
    "challenges": {PARTNERSHIP, NETWORK},
    # The accessibility statement asks "if you experience accessibility problems".
    "experience": {HOME, PARTNERSHIP, NETWORK, WORKSHOPS, LUND, "accessibility-statement"},
    "experiences": {HOME, PARTNERSHIP, NETWORK, WORKSHOPS, LUND, "accessibility-statement"},
    "company": {PARTNERSHIP},
    "companies": {PARTNERSHIP},
    "region": {HOME, PARTNERSHIP, LYNGBY},
    "regions": {HOME, PARTNERSHIP, LYNGBY},
    "collaboration": {HOME, PARTNERSHIP, LUND},
    "collaborations": {HOME, PARTNERSHIP, LUND},
}

TABLE = [
    (language, path, query, found)
    for language, path, words in (("da", "/da/soeg/", DANISH), ("sv", "/sv/sok/", SWEDISH), ("en", "/en/search/", ENGLISH))
    for query, found in words.items()
]


def address(site_content, target, language):
    key, route = target if isinstance(target, tuple) else (target, "")
    return site_content.page(key, language).url + route


@pytest.mark.parametrize("language,path,query,found", TABLE, ids=[f"{row[0]}-{row[2]}" for row in TABLE])
def test_a_word_from_the_content_finds_the_pages_that_show_it_in_any_form(client, site_content, language, path, query,
                                                                           found):
    urls, _html = results(client, path, query)
    assert set(urls) == {address(site_content, target, language) for target in found}


def test_stop_words_alone_find_nothing_as_on_postgresql(client, site_content):
    assert results(client, "/da/soeg/", "og i en")[0] == []
    assert results(client, "/sv/sok/", "och i en")[0] == []
    assert results(client, "/en/search/", "and in the")[0] == []


def test_a_topic_added_later_is_found_on_the_page_that_lists_it(client, site_content, django_capture_on_commit_callbacks):
    from wagtail.models import Locale

    from workshops.models import Topic

    with django_capture_on_commit_callbacks(execute=True):
        Topic.objects.create(name="Klyngeudvikling", question="Hvordan udvikler man klynger af virksomheder?",
                             slug="klynger", locale=Locale.objects.get(language_code="da"), sort_order=9)
    urls, _html = results(client, "/da/soeg/", "klynge")
    assert urls == [site_content.page(PARTNERSHIP, "da").url]


# Issue 38: each topic's words, in any of the site's languages, reach the topic and the sessions about it, in
# every language: the partnership page that lists the topic, the topic itself where a session discussed it
# (the workshops about it), and those sessions. "kritisk masse" and "talent" are Danish words a Swedish
# visitor may type too ("kritisk massa", "talang" on the Swedish site).
REACHES = {
    "inklusion": {PARTNERSHIP, INCLUSION_TOPIC, INCLUSIVE},
    "startup": {PARTNERSHIP, STARTUPS_TOPIC, STARTUPS},
    "kritisk masse": {PARTNERSHIP},
    "talent": {PARTNERSHIP},
}


@pytest.mark.parametrize("language,path", [("da", "/da/soeg/"), ("sv", "/sv/sok/"), ("en", "/en/search/")])
@pytest.mark.parametrize("query", REACHES)
def test_a_topics_words_in_any_language_reach_the_topic_and_its_sessions(client, site_content, language, path, query):
    urls, html = results(client, path, query)
    assert {address(site_content, target, language) for target in REACHES[query]} <= set(urls)
    if INCLUSION_TOPIC in REACHES[query] or STARTUPS_TOPIC in REACHES[query]:
        kinds = [kind.get_text() for kind in html.select(".search-result__kind")]
        assert {"da": "Workshopemne", "sv": "Workshopämne", "en": "Workshop topic"}[language] in kinds
