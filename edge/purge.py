"""Purge the caches in front of the site once a change commits: through the task queue, once per change.

A change can show on any page (a menu, a listing, the footer), so after it
commits one task purges the site: a CDN with one call (everything), nginx one
exact address at a time. The addresses are every public address now, every
address purged last time (so a page that just became private, unpublished,
moved or deleted goes too), and the old addresses of the pages the change
took away. The task runs on its own backend (``TASKS["purge"]``): at once on
a developer's machine, in a worker process in production. A failed purge is
logged and queued again after ``RETRY_SECONDS``; it never fails the editor's save.

Privacy does not wait for the worker: the addresses of pages that left the
public site (made private, unpublished, moved or deleted), in every language
and under every alias, are also purged by the editor's process as soon as the
change commits, each cache given ``AT_ONCE_TIMEOUT`` seconds; the queued task
is the backstop when that fails.
"""

import datetime
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Q
from django.test import RequestFactory
from django.utils import timezone
from django_tasks import task
from wagtail.contrib.frontend_cache.backends import CloudfrontBackend
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Page, Site

from sciencecity.upstream.frontend_cache_purge import PurgeFailed, purge
from sciencecity.visibility import public_pages

logger = logging.getLogger(__name__)

PURGED_KEY = "frontend-cache:purged-addresses"
RETRY_SECONDS = 60
# Seconds each cache has to answer the purge of a page that left the public site, in the editor's request.
AT_ONCE_TIMEOUT = 2


def page_addresses(page, request=None) -> list[str]:
    """Every address of a page: its own and its routes' (the sitemap's entries) and its feeds."""
    page = page.specific
    base = page.get_full_url(request)
    if not base:
        return []
    return [
        *(entry["location"] for entry in page.get_sitemap_urls(request)),
        *(base + route for route in getattr(page, "feed_routes", list)()),
    ]


def public_addresses() -> list[str]:
    """Every address a visitor can read now: each public page (``visibility.public_pages``) and route in every language."""
    addresses = []
    for site in Site.objects.all():
        request = RequestFactory().get("/", HTTP_HOST=site.hostname, SERVER_PORT=site.port)
        # Aliases too: each is a public page at an address of its own, showing its original's text.
        for page in public_pages(site).specific():
            addresses.extend(page_addresses(page, request))
    return addresses


@task(backend="purge")
def purge_frontend_caches(removed: list[str]) -> None:
    """Purge every configured frontend cache of the public addresses, those purged before and ``removed``."""
    backends = get_backends()
    if not backends:
        return
    current = public_addresses()
    addresses = sorted({*current, *(cache.get(PURGED_KEY) or []), *removed})
    failed = []
    for name, backend in backends.items():
        try:
            purge(backend, addresses)
        except PurgeFailed as error:
            logger.error("Purging the frontend cache %r failed, to be tried again in %s s: %s", name, RETRY_SECONDS, error)
            failed.append(name)
    cache.set(PURGED_KEY, addresses if failed else current, None)
    if failed:
        retry(addresses)


def retry(addresses: list[str]) -> None:
    """Queue the purge again, later, where the queue can wait (a worker); log that it cannot otherwise."""
    later = purge_frontend_caches.using(run_after=timezone.now() + datetime.timedelta(seconds=RETRY_SECONDS))
    if later.get_backend().supports_defer:
        later.enqueue(addresses)
    else:
        logger.error("The purge queue runs tasks at once and cannot try again later; purge by hand with purge_frontend_caches.")


def purge_at_once(addresses: list[str]) -> None:
    """Purge ``addresses`` from every cache now, each given AT_ONCE_TIMEOUT seconds; a failure is left to the queue.

    CloudFront is left to the queue: its client's calls cannot be bounded here.
    """
    for name, backend in get_backends().items():
        if isinstance(backend, CloudfrontBackend):
            continue
        try:
            purge(backend, addresses, timeout=AT_ONCE_TIMEOUT)
        except PurgeFailed as error:
            logger.warning("Purging the frontend cache %r at once failed; the queued purge will: %s", name, error)


def with_versions_and_aliases(pages) -> list:
    """The pages, their versions in every language and every alias of any of them: all show the same text."""
    keys = {page.translation_key for page in pages}
    if not keys:
        return []
    related = Page.objects.filter(Q(translation_key__in=keys) | Q(alias_of__translation_key__in=keys))
    return [*pages, *related.exclude(pk__in=[page.pk for page in pages]).specific()]


class _PendingPurge:
    """The purge one transaction will queue when it commits, with the addresses its changes took away."""

    def __init__(self):
        self.removed: set[str] = set()
        self.queued = False

    def __call__(self):
        self.queued = True
        queue = purge_frontend_caches.get_backend()
        if self.removed and queue.supports_defer:  # a worker runs the queue: do not wait for it
            purge_at_once(sorted(self.removed))
        purge_frontend_caches.enqueue(sorted(self.removed))


def purge_after_commit(removed_pages=()) -> None:
    """Queue one purge for when the current transaction commits (at once outside one), the removed pages' old addresses included.

    The removed pages' addresses (in every language, aliases' too) are also purged at once after the commit.
    """
    if not settings.WAGTAILFRONTENDCACHE:
        return
    removed = [address for page in with_versions_and_aliases(removed_pages) for address in page_addresses(page)]
    pending = next((callback for _ids, callback, _robust in connection.run_on_commit
                    if isinstance(callback, _PendingPurge) and not callback.queued), None)
    if pending is None:
        pending = _PendingPurge()
        pending.removed.update(removed)
        # robust: a queue that cannot take the task must not undo or fail the editor's save.
        transaction.on_commit(pending, robust=True)
    else:
        pending.removed.update(removed)
