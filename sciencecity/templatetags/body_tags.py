"""Rendering a page's body, with its blocks' HTML kept in the cache until content changes.

Rendering the blocks is most of the work of showing a page (rich text, image
renditions, the network's and the workshops' lists), and the result only
changes when content does: the key carries the content version, the page, the
language and a digest of the stored blocks, and the HTML is kept no longer
than the shortest-lived data a block showed (a workshop passing from upcoming
to past). Previews are always rendered afresh.
"""

import hashlib
import json
import time

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from sciencecity.cache import DATA_TIMEOUT, get_fresh, set_fresh, tracking_expiry, versioned_key

register = template.Library()


@register.simple_tag(takes_context=True)
def include_body(context, page):
    """Render ``page.body`` as ``{% include_block %}`` would render each block, from the cache when it can."""
    request = context.get("request")
    if not page.pk or getattr(request, "is_preview", False):
        return _render(context, page.body)

    key = body_key(page)
    html = get_fresh(key)
    if html is None:
        with tracking_expiry() as noted:
            html = _render(context, page.body)
        seconds = DATA_TIMEOUT if noted["expires"] is None else min(DATA_TIMEOUT, int(noted["expires"] - time.time()))
        if seconds > 0:
            set_fresh(key, html, seconds)
    return html


def body_key(page) -> str:
    """The cache key of a page's rendered body: page, language, and what is stored in it, as of this content version."""
    stored = json.dumps(list(page.body.raw_data), sort_keys=True, default=str)
    digest = hashlib.blake2b(stored.encode(), digest_size=16).hexdigest()
    return versioned_key("body", page.pk, get_language(), digest)


def _render(context, stream) -> str:
    parent_context = context.flatten()
    # As include_block does: a block's own HTML is safe, anything else is escaped.
    return mark_safe("".join(conditional_escape(child.render_as_block(context=parent_context)) for child in stream))  # noqa: S308
