"""Innovation districts: the members and partners of the GIID network, kept as translatable data."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.admin.widgets.slug import SlugInput
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from sciencecity.blocks import content_language_choices
from sciencecity.drafts import EditorialMixin
from sciencecity.querysets import TranslatableQuerySet

from . import map as world_map
from .panels import CoordinatesMapPanel


class Continent(models.TextChoices):
    """The parts of the world the directory filters by."""

    AFRICA = "africa", _("Africa")
    ASIA = "asia", _("Asia")
    EUROPE = "europe", _("Europe")
    NORTH_AMERICA = "north-america", _("North America")
    SOUTH_AMERICA = "south-america", _("South America")
    OCEANIA = "oceania", _("Oceania")


class Role(models.TextChoices):
    """A district's place in the network: one of its participants, or a partner shown apart from them."""

    MEMBER = "member", _("Participant in the GIID network")
    # Science City Lyngby: in partnership with the network, not on its list of participants.
    NETWORK_PARTNER = "network-partner", _("Partner of the GIID network")
    # Future by Lund: Science City Lyngby's own partner.
    PARTNER = "partner", _("Partner of Science City Lyngby")


PARTNER_ROLES = (Role.NETWORK_PARTNER, Role.PARTNER)


def by_role(districts) -> list["District"]:
    """Districts in the roles' order (participants, the network's partner, its own partners), by name within each."""
    order = list(Role.values)
    return sorted(districts, key=lambda district: (order.index(district.role), district.name.casefold()))


class DistrictQuerySet(TranslatableQuerySet):
    """Look-ups of districts, in the visitor's language."""

    def in_language(self, language_code: str | None = None) -> list["District"]:
        """One version per district in the language (the Danish one standing in), sorted by name."""
        return sorted(super().in_language(language_code), key=lambda district: district.name.casefold())

    def members(self):
        """Members of the network, partners left out."""
        return self.filter(role=Role.MEMBER)

    def partners(self):
        """Partners such as Science City Lyngby itself: never counted among the network's participants."""
        return self.filter(role__in=PARTNER_ROLES)


class District(EditorialMixin, TranslatableMixin, index.Indexed, models.Model):
    """An innovation district: a member of the GIID network, or a partner such as Science City Lyngby."""

    name = models.CharField(
        _("name"), max_length=120, help_text=_("The district's own name, as it writes it, e.g. “Galway City Innovation District”.")
    )
    name_language = models.CharField(
        _("language of the name"),
        max_length=5,
        choices=content_language_choices,  # a callable: the migration names it, so the settings may change
        default=settings.NETWORK_LANGUAGE,
        help_text=_("The language the name is in, so screen readers pronounce it right. Most names are English."),
    )
    slug = models.SlugField(_("slug"), max_length=120, help_text=_("The last part of the district's address."))
    city = models.CharField(_("city"), max_length=100, help_text=_("The city the district is in, as visitors know it."))
    country = CountryField(_("country"), help_text=_("Visitors can filter the directory by country."))
    continent = models.CharField(
        _("continent"), max_length=20, choices=Continent.choices, help_text=_("Visitors can filter the directory by it.")
    )
    website = models.URLField(
        _("website"), blank=True, help_text=_("The district's own website, starting with https://. Optional.")
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("City-level position, for the map. North is positive."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("City-level position, for the map. East is positive."),
    )
    joined_year = models.PositiveSmallIntegerField(
        _("joined the network"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("The year the district joined the network, if known."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Shown small on the district's page; it needs no alternative text there."),
    )
    short_description = models.TextField(
        _("short description"),
        blank=True,
        help_text=_("One or two sentences about the district, shown on its page and in search results."),
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=Role.choices,
        default=Role.MEMBER,
        help_text=_(
            "Participants are listed on the partnership page and in the network's directory; partners, such as "
            "Science City Lyngby and Future by Lund, are shown apart from them."
        ),
    )

    objects = DistrictQuerySet.as_manager()

    translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("name_language"),
        SynchronizedField("slug", overridable=False),
        # Translatable: an English reader says "Milan" where Danish and Swedish say "Milano".
        TranslatableField("city"),
        SynchronizedField("country"),
        SynchronizedField("continent"),
        SynchronizedField("website"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("joined_year"),
        SynchronizedField("logo"),
        SynchronizedField("role"),
        TranslatableField("short_description"),
    ]
    panels = [
        TitleFieldPanel("name", placeholder=False),
        FieldPanel("name_language"),
        FieldPanel("slug", widget=SlugInput),
        FieldPanel("role"),
        MultiFieldPanel(
            [
                FieldPanel("city"),
                FieldRowPanel([FieldPanel("country"), FieldPanel("continent")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                CoordinatesMapPanel(),
            ],
            heading=_("Place"),
        ),
        FieldPanel("short_description"),
        FieldPanel("website"),
        FieldPanel("joined_year"),
        FieldPanel("logo"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("city"),
        index.SearchField("short_description"),
        index.FilterField("locale_id"),
        index.FilterField("role"),
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("innovation district")
        verbose_name_plural = _("innovation districts")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_district_slug_per_locale"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def language(self) -> str:
        """The code of the language this version is in (a column of the export)."""
        return self.locale.language_code

    @property
    def is_partner(self) -> bool:
        """Whether the district is a partner, shown apart from the network's participants."""
        return self.role in PARTNER_ROLES

    def nearest(self, districts, count: int = 3) -> list["District"]:
        """The ``count`` districts of ``districts`` closest to this one (great-circle distance), nearest first."""
        others = [district for district in districts if district.translation_key != self.translation_key]
        return sorted(others, key=lambda other: world_map.distance(self.coordinates, other.coordinates))[:count]

    @property
    def coordinates(self) -> tuple[float, float]:
        """Latitude and longitude in degrees."""
        return float(self.latitude), float(self.longitude)

    @property
    def position(self) -> tuple[float, float]:
        """The district's place on the server-drawn world map (SVG x, y)."""
        return world_map.project(float(self.latitude), float(self.longitude))
