"""Site-wide models: the base every page type shares, legal pages, the footer text and the organisation's facts."""

import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .blocks import ContentStreamBlock
from .drafts import EditorialMixin
from .fields import StreamField
from .visibility import restrictions_for


@dataclass(frozen=True)
class Alternate:
    """One language version of the page being shown: for hreflang links and the language switcher.

    ``url`` is as Wagtail gives it for the request: a path on the current site.
    """

    language: str
    url: str


class BasePage(Page):
    """What every page shares: an introduction, an optional main image, SEO and social fields, explicit translatable fields."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown under the title, in listings and to search engines."),
    )
    main_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Shown beside the title, cropped around the image's focal point. At least 1200 pixels wide."),
    )
    main_image_alt = models.CharField(
        _("description of the main image"),
        max_length=255,
        blank=True,
        help_text=_("What the picture shows, for visitors who cannot see it. Required when the page has a main image."),
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
        TranslatableField("main_image_alt"),
        TranslatableField("menu_title"),
        TranslatableField("social_text"),
        SynchronizedField("social_image"),
        SynchronizedField("main_image"),
        SynchronizedField("show_in_menus"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel([FieldPanel("main_image"), FieldPanel("main_image_alt")], heading=_("Main image")),
    ]
    promote_panels = [
        *Page.promote_panels,
        FieldPanel("menu_title"),
        MultiFieldPanel([FieldPanel("social_image"), FieldPanel("social_text")], heading=_("Sharing on social media")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    class Meta:
        abstract = True

    def clean(self):
        """A main image needs its description: a picture without one tells a screen-reader user nothing."""
        super().clean()
        if self.main_image_id and not self.main_image_alt.strip():
            raise ValidationError({"main_image_alt": _("Describe the picture for visitors who cannot see it.")})

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

    def get_view_restrictions(self):
        """The restrictions on this page or above it, in any of its languages (``visibility.restrictions_for``).

        Always read from the database, never from a cache: Wagtail checks them before it serves the page.
        """
        return restrictions_for(self)

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
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown at the top of every page instead of the name in letters. A PNG or WebP with a transparent "
            "background, at least 96 pixels high, shown on white."
        ),
    )
    default_social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("default social media image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when a page without its own image is shared. Without one, the site makes a picture from the "
            "page's title. At least 1200 × 630 pixels."
        ),
    )

    panels = [
        FieldPanel("organisation_name"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("default_social_image")], heading=_("Logo and share image")),
        MultiFieldPanel([FieldPanel("address"), FieldPanel("email"), FieldPanel("phone")], heading=_("Contact details")),
        MultiFieldPanel(
            [FieldPanel("linkedin_url"), FieldPanel("facebook_url"), FieldPanel("instagram_url"), FieldPanel("youtube_url")],
            heading=_("Social media"),
        ),
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


class ContentVersion(models.Model):
    """The state of public content, as one token that every change replaces in the change's own transaction.

    The shared cache keeps what it holds under the token it was built from
    (``navigation/chrome.py``), so a change makes all of it unreachable the
    moment it commits, in every process: no forget has to reach the cache. A
    change made while the cache was unreachable, or one that raced a rebuild, is
    never hidden by an old entry, and a rolled-back change leaves no token behind.
    """

    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("content version")

    @classmethod
    def current(cls) -> str:
        """The token of the committed content this connection sees (one query)."""
        return cls.objects.filter(pk=1).values_list("token", flat=True).first() or ""

    @classmethod
    def change(cls) -> None:
        """Give the content a new token, in the current transaction."""
        token = uuid.uuid4().hex
        if not cls.objects.filter(pk=1).update(token=token):
            cls.objects.update_or_create(pk=1, defaults={"token": token})
