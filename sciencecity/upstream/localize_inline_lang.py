"""Keep ``<span lang="…">`` inside one wagtail-localize segment, with its attribute intact.

Upstream gap (wagtail-localize, ``wagtail_localize/strings.py``; see its issues
#261 and #262 on how rich text is split into segments): only ``a, abbr,
acronym, b, code, em, i, strong, br`` count as inline. Any other tag, including
the ``<span lang="en">`` our "lang-en" rich-text feature stores, is treated as
a block boundary, so a paragraph mentioning "Global Institute for Innovation
Districts" is cut into three fragments that translators must translate apart,
in Danish word order. And inline tags may carry no attributes except ``id`` on
``<a>``, so marking the language on ``<b>`` or ``<abbr>`` raises ``ValueError``.

This makes ``span`` inline and lets it carry the same ``id`` placeholder that
links do, so the paragraph stays one segment (``… med <span id="span1">Global
Institute for Innovation Districts</span> og …``) and the ``lang`` attribute is
restored on the translated page exactly as links' ``href`` are. Delete this
module (and its call in ``sciencecity.apps``) once upstream treats spans so.
"""

from bs4 import NavigableString, Tag
from wagtail_localize import strings

PLACEHOLDER_TAGS = {"a", "span"}


def validate_element(element):
    """wagtail-localize's check of a segment's HTML, allowing ``id`` on ``<span>`` as on ``<a>``."""
    if isinstance(element, NavigableString):
        return
    if isinstance(element, Tag) and element.name != "[document]":
        if element.name not in strings.INLINE_TAGS:
            raise ValueError(
                f"<{element.name}> tag is not allowed. Strings can only contain standard HTML inline tags "
                "(such as <b>, <a>)"
            )
        attributes = set(element.attrs) - ({"id"} if element.name in PLACEHOLDER_TAGS else set())
        if attributes:
            raise ValueError("Strings cannot have any HTML tags with attributes (except for 'id' in <a> and <span>)")
    for child in element.children:
        validate_element(child)


def apply() -> None:
    """Patch wagtail-localize once, at start-up."""
    if "span" not in strings.INLINE_TAGS:
        strings.INLINE_TAGS.append("span")
    strings.validate_element = validate_element
