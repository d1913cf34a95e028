"""Page and document passwords cannot be guessed without limit: failures count per address and restriction."""

import re
import threading
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connections
from django.test import Client
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from partnerships.models import HomePage
from privacy.models import PasswordAttempts
from privacy.throttling import ATTEMPT_LIMIT, COOLOFF

pytestmark = pytest.mark.django_db

PASSWORD = "lyngby-hemmelighed"
GUESSER = "203.0.113.66"
VISITOR = "198.51.100.8"


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())).strip()


@pytest.fixture
def restricted_page(site_content):
    home = HomePage.objects.get(locale__language_code="da")
    page = home.get_children().live().first()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD)
    return page, f"/da/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"


def other_restricted_page(site_content):
    home = HomePage.objects.get(locale__language_code="da")
    page = home.get_children().live()[1]
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD)
    return f"/da/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"


@pytest.fixture
def restricted_document(site_content):
    collection = Collection.get_first_root_node().add_child(name="Bestyrelsen")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password=PASSWORD
    )
    document = get_document_model().objects.create(
        title="Referat", collection=collection, file=ContentFile(b"referat", name="referat.txt")
    )
    return document, f"/documents/authenticate_with_password/{restriction.pk}/"


def guess(client, url, password, address=GUESSER, language="da", return_url="/da/"):
    return client.post(url, {"password": password, "return_url": return_url}, REMOTE_ADDR=address,
                       HTTP_ACCEPT_LANGUAGE=language)


def test_guessing_a_page_password_is_stopped_for_that_address(client, restricted_page):
    page, url = restricted_page
    answers = [guess(client, url, f"gæt-{number}").status_code for number in range(25)]
    assert answers[:10] == [200] * 10
    assert set(answers[10:]) == {429}
    locked = guess(client, url, PASSWORD)
    assert locked.status_code == 429, "the right password does not help while the lock lasts"
    assert "For mange forkerte adgangskoder" in text(locked)
    assert "Du kan prøve igen om 15 minutter." in text(locked)
    # In the site's own layout and language.
    html = locked.content.decode()
    assert '<html lang="da">' in html and "Spring til hovedindhold" in html
    # Someone else at another address is not locked out of the page.
    assert guess(client, url, "forkert", address=VISITOR).status_code == 200
    assert guess(client, url, PASSWORD, address=VISITOR, return_url=page.url).status_code == 302


def test_each_restriction_is_counted_apart(client, restricted_page, site_content):
    _page, url = restricted_page
    for number in range(10):
        guess(client, url, f"gæt-{number}")
    assert guess(client, url, "gæt").status_code == 429
    assert guess(client, other_restricted_page(site_content), "gæt").status_code == 200


def test_a_right_password_before_the_limit_clears_the_count(client, restricted_page):
    page, url = restricted_page
    for number in range(9):
        assert guess(client, url, f"gæt-{number}").status_code == 200
    assert guess(client, url, PASSWORD, return_url=page.url).status_code == 302
    for number in range(9):
        assert guess(client, url, f"gæt-{number}").status_code == 200


def test_guessing_a_document_password_is_stopped_in_the_visitors_language(client, restricted_document):
    document, url = restricted_document
    for number in range(10):
        assert guess(client, url, f"gæt-{number}", language="sv", return_url=document.url).status_code == 200
    locked = guess(client, url, PASSWORD, language="sv", return_url=document.url)
    assert locked.status_code == 429
    assert "För många felaktiga lösenord" in text(locked)
    assert '<html lang="sv">' in locked.content.decode()
    assert guess(client, url, PASSWORD, address=VISITOR, return_url=document.url).status_code == 302


def test_showing_the_form_is_never_refused(client, restricted_page):
    page, url = restricted_page
    for number in range(12):
        guess(client, url, f"gæt-{number}")
    response = client.get(page.url, REMOTE_ADDR=GUESSER)
    assert response.status_code == 200
    assert Page.objects.filter(pk=page.pk).exists()
    # The counted view itself shows its form to a GET, however many guesses were made.
    assert client.get(url, REMOTE_ADDR=GUESSER).status_code == 200


def test_emptying_the_cache_never_resets_the_count(client, restricted_page):
    _page, url = restricted_page
    for number in range(9):
        assert guess(client, url, f"gæt-{number}").status_code == 200
    cache.clear()  # or a deploy, a Redis restart, or a cull of the database cache
    assert guess(client, url, "gæt-9").status_code == 200
    assert guess(client, url, "gæt-10").status_code == 429


def test_made_up_restrictions_neither_count_nor_push_out_a_real_count(client, restricted_page, settings):
    # The database cache culls a third of its entries when it is full: the review filled it with made-up ids.
    settings.CACHES = {**settings.CACHES, "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "sciencecity_cache",
        "KEY_FUNCTION": "sciencecity.cache.make_key", "OPTIONS": {"MAX_ENTRIES": 20}}}
    call_command("createcachetable", verbosity=0)  # absent where the suite runs on Redis
    page, url = restricted_page
    for number in range(9):
        assert guess(client, url, f"gæt-{number}").status_code == 200
    for made_up in range(900_000, 900_040):
        assert guess(client, f"/da/_util/authenticate_with_password/{made_up}/{page.pk}/", "gæt").status_code == 404
        # No such restriction: Django's locale middleware tries the address with a language prefix.
        assert guess(client, f"/documents/authenticate_with_password/{made_up}/", "gæt").status_code in (302, 404)
    assert guess(client, url, "gæt-9").status_code == 200
    assert guess(client, url, "gæt-10").status_code == 429
    assert PasswordAttempts.objects.count() == 1


def test_each_document_restriction_is_counted_apart(client, restricted_document):
    document, url = restricted_document
    other = Collection.get_first_root_node().add_child(name="Direktionen")
    restriction = CollectionViewRestriction.objects.create(
        collection=other, restriction_type=CollectionViewRestriction.PASSWORD, password=PASSWORD
    )
    for number in range(10):
        assert guess(client, url, f"gæt-{number}", return_url=document.url).status_code == 200
    assert guess(client, url, "gæt", return_url=document.url).status_code == 429
    other_url = f"/documents/authenticate_with_password/{restriction.pk}/"
    assert guess(client, other_url, "gæt", return_url=document.url).status_code == 200


def test_the_count_restarts_after_a_quiet_cool_off(client, restricted_page):
    page, url = restricted_page
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for number in range(11):
            guess(client, url, f"gæt-{number}")
        assert guess(client, url, PASSWORD, return_url=page.url).status_code == 429
    with time_machine.travel(start + COOLOFF - timedelta(seconds=1), tick=False):
        assert guess(client, url, PASSWORD, return_url=page.url).status_code == 429, "an attempt starts the wait again"
    with time_machine.travel(start + 2 * COOLOFF, tick=False):
        assert guess(client, url, "gæt").status_code == 200
        assert guess(client, url, PASSWORD, return_url=page.url).status_code == 302


def on_its_own_connection(work):
    """Run ``work`` in a thread of its own, with its own database connection: what it writes is committed."""
    result = []
    thread = threading.Thread(target=lambda: (result.append(work()), connections.close_all()))
    thread.start()
    thread.join()
    return result[0]


@pytest.mark.postgresql
def test_parallel_guesses_never_get_past_the_limit(django_db_blocker, settings):
    """Guesses from many threads at once, each request with its own connection, as gunicorn's workers have."""
    # The database cache, whose increments are not atomic, in a table of its own: the suite's is locked by this
    # test's transaction, which the guessers' connections would wait for.
    settings.CACHES = {**settings.CACHES, "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                                                      "LOCATION": "parallel_guesses_cache"}}
    with django_db_blocker.unblock():
        on_its_own_connection(lambda: call_command("createcachetable", "parallel_guesses_cache", verbosity=0))
    def make_restriction():
        collection = Collection.get_first_root_node().add_child(name="Parallelle gæt")
        return CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password=PASSWORD).pk

    with django_db_blocker.unblock():
        restriction_id = on_its_own_connection(make_restriction)
    url = f"/documents/authenticate_with_password/{restriction_id}/"
    threads, start, answers = 16, threading.Barrier(16), []

    def guesser():
        client = Client()
        start.wait()
        try:
            for number in range(3):
                answers.append(guess(client, url, f"gæt-{number}").status_code)
        finally:
            connections.close_all()

    try:
        with django_db_blocker.unblock():
            workers = [threading.Thread(target=guesser) for _ in range(threads)]
            for worker in workers:
                worker.start()
            for worker in workers:
                worker.join()
        assert len(answers) == 48
        assert answers.count(200) == ATTEMPT_LIMIT, answers
        assert answers.count(429) == 48 - ATTEMPT_LIMIT
    finally:
        def clean_up():
            PasswordAttempts.objects.filter(restriction_id=restriction_id).delete()
            restriction = CollectionViewRestriction.objects.get(pk=restriction_id)
            restriction.delete()
            restriction.collection.delete()

            with connections["default"].cursor() as cursor:
                cursor.execute("DROP TABLE parallel_guesses_cache")

        with django_db_blocker.unblock():
            on_its_own_connection(clean_up)
