"""Images in rich text take the text column's width, from renditions the browser picks between (srcset).

Wagtail's default formats give one rendition each (``fullwidth`` 800 px,
``left`` and ``right`` 500 px floats) and no srcset; found by Wagtail through
this module's name.
"""

from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail.images.formats import Format, register_image_format, unregister_image_format

WIDTHS = (400, 800, 1200)
# The text column is 38rem wide (--measure in static/css/site.css), less on narrow screens.
SIZES = "(min-width: 42rem) 38rem, 100vw"


class ColumnWidthFormat(Format):
    """An image as wide as the text column, with a srcset of renditions."""

    def image_to_html(self, image, alt_text, extra_attributes=None):
        """An <img> with src, srcset, sizes, width and height of the widest rendition, and the alt text."""
        attributes = dict(extra_attributes or {})
        renditions = image.get_renditions(*(f"width-{width}" for width in WIDTHS))
        chosen = list(renditions.values())
        widest = chosen[-1]
        attributes.update(
            {
                "alt": escape(alt_text),
                "class": escape(self.classname),
                "srcset": ", ".join(f"{rendition.url} {rendition.width}w" for rendition in chosen),
                "sizes": SIZES,
                "loading": "lazy",
            }
        )
        return widest.img_tag(attributes)


for name in ("fullwidth", "left", "right"):
    unregister_image_format(name)
register_image_format(ColumnWidthFormat("fullwidth", _("Full width"), "richtext-image full-width", "width-1200"))
