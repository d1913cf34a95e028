"""Site-wide models: the base every page type shares."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


@dataclass(frozen=True)
class Alternate:
    """One language version of the page being shown: for hreflang links and the language switcher.

    ``url`` is as Wagtail gives it for the request: a path on the current site.
    """

    language: str
    url: str


class BasePage(Page):
    """What every page shares: an introduction, SEO and social fields, explicit translatable fields."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown under the title, in listings and to search engines."),
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social media image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared. At least 1200 × 630 pixels."),
    )
    social_text = models.CharField(
        _("social media text"),
        max_length=255,
        blank=True,
        help_text=_("Shown when the page is shared. The introduction is used when empty."),
    )

    # Declared rather than derived, so a new field is translated (or not) on purpose.
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("introduction"),
        TranslatableField("social_text"),
        SynchronizedField("social_image"),
        SynchronizedField("show_in_menus"),
    ]

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("social_image"), FieldPanel("social_text")], heading=_("Sharing on social media")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    class Meta:
        abstract = True

    def get_alternates(self, request=None, route: str = "") -> list[Alternate]:
        """Every live, real (non-alias) language version of this page, itself included.

        ``route`` is appended to each version's URL, so a routable page's sub-pages
        can reuse this; they pass their own path below the page.
        """
        versions = (
            self.get_translations(inclusive=True)
            .live()
            .filter(alias_of__isnull=True)
            .select_related("locale")
            .order_by("locale__language_code")
        )
        alternates = []
        for version in versions:
            url = version.get_url(request)
            if url:
                alternates.append(Alternate(version.locale.language_code, url + route))
        return alternates
