"""Template tags for the page's language versions: hreflang links and the language switcher."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page, Site

from navigation.chrome import page_alternates, request_chromes

register = template.Library()


@dataclass(frozen=True)
class LanguageLink:
    """One entry of the language switcher."""

    language: str
    name: str
    url: str
    current: bool
    translated: bool


def _alternates(context):
    """The language versions of what is shown: a view's own list, the page's, or none (once per request)."""
    if "alternates" in context:
        return context["alternates"]
    page = context.get("page")
    request = context.get("request")
    if page is None or not hasattr(page, "get_alternates"):
        return []
    if request is None:
        return page.get_alternates(None)
    # The head's hreflang links and the switcher both need them: look them up once.
    memo = request.__dict__.setdefault("_language_alternates", {})
    if page.pk not in memo:
        memo[page.pk] = page_alternates(request, page)
    return memo[page.pk]


def _home_urls(request) -> dict[str, str]:
    """The home page of each language's site (an alias while untranslated), for languages the current page lacks."""
    if request is not None:
        homes = {code: chrome.home.url for code, chrome in request_chromes(request).items() if chrome.home}
        if homes:
            return homes
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {}
    homes = Page.objects.live().filter(translation_key=site.root_page.translation_key).select_related("locale")
    # Real home pages last, so they win over an alias in the same language.
    return {home.locale.language_code: home.get_url(request) for home in sorted(homes, key=lambda h: h.alias_of_id is None)}


@register.simple_tag(takes_context=True)
def hreflang_alternates(context):
    """The page's live translations plus x-default (the Danish version, or the first there is), as absolute URLs."""
    alternates = _alternates(context)
    if not alternates:
        return []
    request = context.get("request")
    absolute = {
        alternate.language: request.build_absolute_uri(alternate.url) if request else alternate.url
        for alternate in alternates
    }
    default = absolute.get(settings.LANGUAGE_CODE) or next(iter(absolute.values()))
    return [{"language": language, "url": url} for language, url in [*absolute.items(), ("x-default", default)]]


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per site language: to this page's translation where it exists, else to that language's home."""
    alternates = {alternate.language: alternate.url for alternate in _alternates(context)}
    missing = [code for code, _name in settings.LANGUAGES if code not in alternates]
    homes = _home_urls(context.get("request")) if missing else {}
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        url = alternates.get(code) or homes.get(code) or f"/{code}/"
        links.append(LanguageLink(code, name, url, code == current, code in alternates))
    return links


@register.simple_tag(takes_context=True)
def alias_original(context):
    """The original of an alias page that shows another language's text under this language's address."""
    page = context.get("page")
    if page is None or not getattr(page, "alias_of_id", None):
        return None
    original = page.alias_of
    return original if original.locale_id != page.locale_id else None


@register.simple_tag(takes_context=True)
def localized_url(context, page):
    """The URL of a page's version in the visitor's language (the page's own if there is none), "" if it is not live."""
    if page is None:
        return ""
    request = context.get("request")
    if request is not None:
        url = request_chromes(request)[get_language()].by_translation_key.get(str(page.translation_key))
        if url is not None:
            return url
    localized = page.localized
    # An unpublished page has an address but no content there: the link is then shown as plain text.
    return localized.url if localized.live else ""
