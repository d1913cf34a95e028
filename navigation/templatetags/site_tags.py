"""Template tags for every page's furniture: the cached chrome, menu states, breadcrumbs, SEO data."""

from dataclasses import dataclass

from django import template
from django.utils.translation import get_language, gettext
from wagtail.images import get_image_model

from navigation.chrome import Link, get_chromes, request_chromes
from navigation.share_image import HEIGHT, WIDTH, share_image_url
from sciencecity import seo

register = template.Library()


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """The menu, breadcrumbs' titles, footer and organisation facts for this site and language (cached)."""
    request = context.get("request")
    if request is None:
        return get_chromes(None)[get_language()]
    return request_chromes(request)[get_language()]


@register.simple_tag(takes_context=True)
def menu_state(context, link):
    """"page" for the page shown, "section" for its ancestors, "" otherwise (and on pages that are no page)."""
    path = getattr(context.get("page"), "path", "")
    if not path:
        return ""
    if link.path == path:
        return "page"
    return "section" if path.startswith(link.path) else ""


@register.simple_tag(takes_context=True)
def breadcrumbs(context, chrome):
    """The trail from the home page to what is shown: the page, then any route below it (``extra_breadcrumbs``)."""
    page = context.get("page")
    if page is None or chrome.home is None or not getattr(page, "path", ""):
        return []
    crumbs = chrome.breadcrumbs(page)
    if not crumbs or crumbs[-1].path != page.path:
        crumbs.append(Link(getattr(page, "short_title", page.title), page.url or "", page.path))
    return crumbs + list(context.get("extra_breadcrumbs", []))


@register.simple_tag(takes_context=True)
def breadcrumb_json_ld(context, crumbs):
    """schema.org BreadcrumbList for the trail, with absolute URLs."""
    request = context.get("request")
    return seo.json_ld_script(
        seo.breadcrumb_list([(crumb.title, request.build_absolute_uri(crumb.url)) for crumb in crumbs])
    )


@register.simple_tag(takes_context=True)
def organisation_json_ld(context, chrome):
    """schema.org Organization, for the home page."""
    request = context.get("request")
    return seo.json_ld_script(
        seo.organisation(chrome.organisation, request.build_absolute_uri(chrome.home.url), chrome.language)
    )


@register.simple_tag
def json_ld(data):
    """Any JSON-LD a page or route adds."""
    return seo.json_ld_script(data)


@register.filter
def og_locale(language_code):
    """The Open Graph locale (da_DK) for a language code (da)."""
    return seo.og_locale(language_code)


@dataclass(frozen=True)
class ShareImage:
    """The picture social media show for what is shown: an absolute address, its size and type."""

    url: str
    width: int
    height: int
    type: str
    alt: str = ""  # what it shows, where the site knows


@register.simple_tag(takes_context=True)
def social_image(context, chrome, meta):
    """The picture to show when the page is shared: the page's own share image, its main image (not on a
    route, which shows something else), the organisation's, else the one the site makes from the title."""
    request = context.get("request")
    page = context.get("page")
    image = getattr(page, "social_image", None)
    alt = ""
    if image is None and not context.get("og_title") and getattr(page, "main_image", None) is not None:
        image, alt = page.main_image, page.main_image_alt
    if image is None and chrome.organisation.get("default_social_image_id"):
        image = get_image_model().objects.filter(pk=chrome.organisation["default_social_image_id"]).first()
    if image is not None:
        rendition = image.get_rendition("fill-1200x630|format-jpeg")
        return ShareImage(absolute(request, rendition.url), rendition.width, rendition.height, "image/jpeg", alt)
    site_name = gettext("Science City Lyngby")
    url = share_image_url(meta["title"], site_name)
    shows = " – ".join(dict.fromkeys(filter(None, [meta["title"], site_name])))
    return ShareImage(absolute(request, url), WIDTH, HEIGHT, "image/png", shows)


def absolute(request, url: str) -> str:
    """``url`` with this site's scheme and host, unless it has its own (a bucket's or CDN's address)."""
    return request.build_absolute_uri(url) if request is not None else url


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The absolute URL of what is shown: a route's own path (``canonical_path``) or the page's."""
    request = context.get("request")
    page = context.get("page")
    # An alias shows another page's text: that page is the one to index.
    original = context.get("original")
    path = context.get("canonical_path") or ((original or page).url if page is not None else "")
    return request.build_absolute_uri(path) if request and path else ""


@register.simple_tag(takes_context=True)
def page_meta(context):
    """Title, description, social text and Open Graph type of what is shown.

    Pages give their SEO fields (falling back to the introduction); a route or
    view that is no page of its own sets ``og_title`` and ``meta_description``.
    """
    page = context.get("page")
    title = context.get("og_title") or (page and (page.seo_title or page.title)) or ""
    description = context.get("meta_description") or (
        page and (getattr(page, "search_description", "") or getattr(page, "introduction", ""))
    )
    social = context.get("meta_description") or (page and getattr(page, "social_text", "")) or description
    is_home = page is not None and page.depth == 2 and not context.get("canonical_path")
    return {
        "title": title,
        "description": description or "",
        "social_description": social or "",
        "og_type": "website" if is_home else "article",
    }
