"""A page's body, rendered once per content generation and kept in the shared cache.

Rendering the blocks is most of a page's work and most of its queries (the
network's members, the workshops, the recordings). The HTML is kept under the
chrome's generation (``chrome.py``): any change forgets the chrome, its next
build has a new generation, and no body rendered before the change is read
again, in any process. It also expires when content next changes in time.
Previews are always rendered afresh.
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from navigation.chrome import cached_with_content

register = template.Library()


@register.simple_tag(takes_context=True)
def page_body(context, page):
    """Render ``page.body`` as ``{% include_block %}`` would, from the cache when this content generation has it."""
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False) or not page.pk:
        return render_body(context, page)
    return cached_with_content(request, f"body:{page.pk}:{request.scheme}", lambda: render_body(context, page))


def render_body(context, page) -> str:
    """The body's blocks, each rendered in the page's context as ``{% include_block %}`` renders it."""
    parent_context = context.flatten()
    return mark_safe("".join(conditional_escape(child.render_as_block(context=parent_context)) for child in page.body))  # noqa: S308
