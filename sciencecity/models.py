"""Site-wide models: the base every page type shares, legal pages, the footer text and the organisation's facts."""

from dataclasses import dataclass

from django.utils.functional import cached_property
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .blocks import ContentStreamBlock
from .drafts import EditorialMixin
from .fields import StreamField


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
    menu_title = models.CharField(
        _("menu title"),
        max_length=60,
        blank=True,
        help_text=_("A short title for menus and breadcrumbs. The page title is used when empty."),
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
        TranslatableField("menu_title"),
        TranslatableField("social_text"),
        SynchronizedField("social_image"),
        SynchronizedField("show_in_menus"),
    ]

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    promote_panels = [
        *Page.promote_panels,
        FieldPanel("menu_title"),
        MultiFieldPanel([FieldPanel("social_image"), FieldPanel("social_text")], heading=_("Sharing on social media")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    class Meta:
        abstract = True

    def get_alternates(self, request=None, route: str = "") -> list[Alternate]:
        """Every live, real (non-alias) language version of this page, itself included, from the database.

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

    # Set when the page was found through the cached chrome, which lists live, public pages only.
    known_public = False

    def get_view_restrictions(self):
        """None for a page the chrome knows is public (no query); else Wagtail's look-up over the ancestors."""
        if self.known_public:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def sitemap_routes(self) -> list[str]:
        """Paths below this page's URL that the sitemap lists: "" for the page itself; routable pages add theirs."""
        return [""]

    def get_sitemap_urls(self, request=None):
        """One entry per route, each with the route it is for, so alternates can match routes across languages."""
        url = self.get_url(request)
        if not url:
            return []
        absolute = request.build_absolute_uri if request is not None else (lambda path: self.get_site().root_url + path)
        lastmod = self.last_published_at or self.latest_revision_created_at
        return [{"location": absolute(url + route), "lastmod": lastmod, "route": route} for route in self.sitemap_routes()]

    @cached_property
    def url(self) -> str:
        """This page's URL, looked up once per instance (Wagtail looks it up on every use; routes and
        listings build many addresses below it)."""
        return self.get_url()

    @property
    def short_title(self) -> str:
        """The title for menus and breadcrumbs."""
        return self.menu_title or self.title


class InformationPage(BasePage):
    """A page of plain information, such as the accessibility statement or the privacy policy."""

    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))
    last_reviewed = models.DateField(
        _("last reviewed"), null=True, blank=True, help_text=_("Shown on the page, e.g. for a statement that must be dated.")
    )

    translatable_fields = [*BasePage.translatable_fields, TranslatableField("body"), SynchronizedField("last_reviewed")]
    content_panels = [*BasePage.content_panels, FieldPanel("body"), FieldPanel("last_reviewed")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["partnerships.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")


class FooterText(EditorialMixin, TranslatableMixin, models.Model):
    """The footer's words, one per language, translated like pages (a site setting cannot be)."""

    text = RichTextField(
        _("footer text"),
        features=["bold", "italic", "link", "lang-en"],
        help_text=_("Shown at the bottom of every page in this language. Keep it to a sentence or two."),
    )

    translatable_fields = [TranslatableField("text")]
    panels = [FieldPanel("text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer texts")

    def __str__(self) -> str:
        return str(_("Footer text")) + f" ({self.locale.language_code})"


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    """Facts about the organisation that need no translation: address, contact details, social links."""

    organisation_name = models.CharField(_("organisation name"), max_length=120, default="Science City Lyngby")
    address = models.TextField(_("postal address"), blank=True, help_text=_("One line per line of the address."))
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("telephone number"), max_length=30, blank=True, help_text=_("For example: +45 12 34 56 78"))
    linkedin_url = models.URLField(_("LinkedIn profile"), blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    instagram_url = models.URLField(_("Instagram profile"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    default_social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("default social media image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when a page without its own image is shared."),
    )

    panels = [
        FieldPanel("organisation_name"),
        MultiFieldPanel([FieldPanel("address"), FieldPanel("email"), FieldPanel("phone")], heading=_("Contact")),
        MultiFieldPanel(
            [FieldPanel("linkedin_url"), FieldPanel("facebook_url"), FieldPanel("instagram_url"), FieldPanel("youtube_url")],
            heading=_("Social media"),
        ),
        FieldPanel("default_social_image"),
    ]

    class Meta:
        verbose_name = _("organisation details")

    @property
    def social_links(self) -> list[tuple[str, str]]:
        """(name, URL) for each social profile that is filled in."""
        profiles = [
            ("LinkedIn", self.linkedin_url),
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in profiles if url]
