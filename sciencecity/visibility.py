"""Which pages visitors may read: one rule, for serving a page and for every list of pages.

A page is private when a view restriction (a password, sign-in or groups) sits
on it or on a page above it, in any language: privacy set on the Danish page
follows it into its Swedish and English versions (which share its
``translation_key``), their children, and aliases of any of them. Wagtail's
own rules look at one tree only (``Page.get_view_restrictions`` and
``PageQuerySet.public``), so a password on a Danish page left its
translations public.

A page whose ``expire_at`` has passed is no longer live for visitors, though
it stays live in the database until ``publish_scheduled`` next runs.

Serving asks ``restrictions_for`` (``BasePage.get_view_restrictions``) and
``has_expired`` (``sciencecity/wagtail_hooks.py``); every list of pages (the
chrome's menus and addresses, search, the home page's listing, the sitemap, the
edge's purge) reads ``visible`` or ``public_pages``.
"""

from django.db.models import Min, Q, QuerySet
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction


def restrictions_for(page) -> QuerySet:
    """Every view restriction that applies to ``page``: on it or a page above it, or on any language
    version of those or of the pages they are aliases of. One query, when read."""
    above = Page.objects.ancestor_of(page, inclusive=True)
    # Each must be passed; Wagtail asks for the first unpassed one, so the outermost comes first.
    return PageViewRestriction.objects.filter(
        Q(page__translation_key__in=above.values("translation_key"))
        | Q(page__translation_key__in=above.filter(alias_of__isnull=False).values("alias_of__translation_key"))
    ).order_by("page__depth", "pk")


def sections(translation_keys) -> Q:
    """Pages at or below a page that is, or is an alias of, a page with one of ``translation_keys`` (a list or a
    subquery). One query, for the sections' paths."""
    paths = Page.objects.filter(Q(translation_key__in=translation_keys) | Q(alias_of__translation_key__in=translation_keys))
    found = Q()
    for path in paths.values_list("path", flat=True):
        found |= Q(path__startswith=path)
    return found


def private_sections() -> Q:
    """Pages in a private section, by ``restrictions_for``'s rule: at or below a page that is, or is an
    alias of, a language version of a restricted page."""
    return sections(PageViewRestriction.objects.values("page__translation_key"))


def in_every_language(page):
    """The page and everything below it in every language: what a change of its privacy reaches."""
    return Page.objects.filter(sections([page.translation_key]))


def visible(pages):
    """The pages of ``pages`` (a page queryset) a visitor may read: live, not expired, and public in every language."""
    pages = pages.live().exclude(expire_at__lte=timezone.now())
    private = private_sections()
    return pages.exclude(private) if private else pages


def public_pages(site):
    """Every page of ``site`` a visitor may read, in every language, aliases included (they are served).

    The one list of public pages the sitemap, the edge's purge and the checks of
    the site's addresses start from (they leave out aliases, which are no
    translations, themselves).
    """
    roots = Q()
    for path in Page.objects.filter(translation_key=site.root_page.translation_key).values_list("path", flat=True):
        roots |= Q(path__startswith=path)
    return visible(Page.objects.filter(roots)) if roots else Page.objects.none()


def has_expired(page) -> bool:
    """Whether the page's expiry time has passed (``publish_scheduled`` may not have unpublished it yet)."""
    return page.expire_at is not None and page.expire_at <= timezone.now()


def next_expiry():
    """When the next live page expires, or None: content changes by itself then (``registry.next_change``)."""
    return Page.objects.live().filter(expire_at__gt=timezone.now()).aggregate(soonest=Min("expire_at"))["soonest"]
