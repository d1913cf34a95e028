"""The GIID network's monthly online workshops and peer sessions, their topics and graphic recordings."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Min, Prefetch
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.admin.widgets.slug import SlugInput
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Locale, Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from sciencecity.blocks import network_language_choices
from sciencecity.drafts import EditorialMixin
from sciencecity.querysets import TranslatableQuerySet
from sciencecity.widgets import SearchableCheckboxSelectMultiple


def source_locale_choices():
    """Many-to-many choices point at source-language rows; pages show each in the visitor's language."""
    return {"locale": Locale.get_default()}


class Topic(EditorialMixin, TranslatableMixin, index.Indexed, models.Model):
    """A question the network's workshops discuss, such as how to attract and retain talent."""

    name = models.CharField(_("short name"), max_length=60, help_text=_("For filters, e.g. “Talent”."))
    question = models.CharField(
        _("question"),
        max_length=255,
        help_text=_("The question as the workshops put it, e.g. “How do we strengthen the work with startups?”"),
    )
    slug = models.SlugField(
        _("slug"), max_length=60, help_text=_("Used in the address of the filtered workshop list. Filled in from the short name.")
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Topics are listed from the lowest number up.")
    )

    objects = TranslatableQuerySet.as_manager()

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("question"),
        SynchronizedField("slug", overridable=False),
        SynchronizedField("sort_order"),
    ]
    search_fields = [
        index.SearchField("question"),
        index.SearchField("name", boost=2),
        index.SearchField("words_in_every_language"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
        index.FilterField("translation_key"),
    ]
    panels = [
        FieldPanel("question"),
        TitleFieldPanel("name", placeholder=False),
        FieldPanel("slug", widget=SlugInput),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("workshop topic")
        verbose_name_plural = _("workshop topics")
        ordering = ["sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug_per_locale")]

    def __str__(self) -> str:
        return self.question

    def words_in_every_language(self) -> str:
        """The name and question of every published version, so a search in any language finds the topic by any of them.

        "Inklusion" is the Danish and the Swedish word, the Swedish topic says
        "inkludering"; a Swedish visitor searching the one still finds the other.
        """
        return topic_words(Topic.objects.filter(translation_key=self.translation_key))


def topic_words(topics) -> str:
    """The names and questions of the published versions among ``topics``, for the search index."""
    return " ".join(f"{topic.name} {topic.question}" for topic in topics.filter(live=True).order_by("locale_id"))


class Kind(models.TextChoices):
    """What sort of meeting a workshop is."""

    WORKSHOP = "workshop", _("Monthly online workshop")
    PEER_SESSION = "peer-session", _("GIID Network Peer Session")


class WorkshopQuerySet(TranslatableQuerySet):
    """Workshops, in the visitor's language and in the order visitors read them."""

    def for_listing(self):
        """With what a listing shows, fetched in a fixed number of queries."""
        return self.prefetch_related("topics", "districts", recording_images())

    def with_topic(self, topic_translation_key):
        """Workshops that discussed a topic (given by any of its versions' translation key)."""
        return self.filter(topics__translation_key=topic_translation_key).distinct()

    def with_district(self, district_translation_key):
        """Workshops a district took part in."""
        return self.filter(districts__translation_key=district_translation_key).distinct()

    def with_finish(self):
        """Annotated with ``finish``: when each workshop is over (its end, or its start without one), as ``finishes_at``."""
        return self.annotate(finish=Coalesce("ends_at", "starts_at"))

    def upcoming(self):
        """Workshops that are not over yet."""
        return self.with_finish().filter(finish__gt=timezone.now())

    def past(self):
        """Dated workshops that are over."""
        return self.with_finish().filter(finish__lte=timezone.now())

    def next_turn(self) -> datetime | None:
        """When the next workshop is over: then it moves from upcoming to past."""
        return self.upcoming().aggregate(turn=Min("finish"))["turn"]


def recording_images() -> Prefetch:
    """The recordings' images with their renditions, so showing them costs no query per picture."""
    return Prefetch("recordings__image", queryset=get_image_model().objects.prefetch_renditions())


def reading_order(workshops, now: datetime | None = None) -> list["Workshop"]:
    """Upcoming first (soonest first), then past (newest first), then undated (by title)."""
    now = now or timezone.now()
    upcoming = sorted((w for w in workshops if w.starts_at and w.is_upcoming(now)), key=lambda w: w.starts_at)
    past = sorted((w for w in workshops if w.starts_at and not w.is_upcoming(now)), key=lambda w: w.starts_at, reverse=True)
    undated = sorted((w for w in workshops if not w.starts_at), key=lambda w: w.title.casefold())
    return [*upcoming, *past, *undated]


class Workshop(EditorialMixin, TranslatableMixin, index.Indexed, ClusterableModel):
    """A monthly online workshop or a peer session of the GIID network."""

    title = models.CharField(_("title"), max_length=255, help_text=_("The workshop's title, as the network uses it."))
    title_language = models.CharField(
        _("language of the title"),
        max_length=5,
        blank=True,
        choices=network_language_choices,
        help_text=_("Set it when the title is in English, e.g. “Investing in Startups”."),
    )
    slug = models.SlugField(
        _("slug"), max_length=120, help_text=_("The last part of the workshop's address. Filled in from the title.")
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.WORKSHOP,
        help_text=_("A monthly online workshop of the network, or a GIID Network Peer Session."),
    )
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True, help_text=_("Leave empty if not known."))
    ends_at = models.DateTimeField(
        _("ends"), null=True, blank=True, help_text=_("Copenhagen time. Leave empty if not known.")
    )
    meeting_url = models.URLField(
        _("online meeting link"), blank=True, help_text=_("Shown to visitors only until the workshop has ended.")
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences, shown in lists and to search engines.")
    )
    body = RichTextField(
        _("body"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "lang-en"],
        help_text=_("What the workshop was about. Mark English passages with EN."),
    )
    topics = ParentalManyToManyField(
        Topic,
        verbose_name=_("topics"),
        blank=True,
        related_name="workshops",
        limit_choices_to=source_locale_choices,
        help_text=_("The questions the workshop discussed. Type to find one."),
    )
    districts = ParentalManyToManyField(
        "districts.District",
        verbose_name=_("participating districts"),
        blank=True,
        related_name="workshops",
        limit_choices_to=source_locale_choices,
        help_text=_("The districts that took part. Type to find one."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = WorkshopQuerySet.as_manager()

    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("title_language"),
        SynchronizedField("slug", overridable=False),
        SynchronizedField("kind"),
        SynchronizedField("starts_at"),
        SynchronizedField("ends_at"),
        SynchronizedField("meeting_url"),
        TranslatableField("summary"),
        TranslatableField("body"),
        # Both point at the Danish rows; pages show each in the visitor's language.
        SynchronizedField("topics"),
        SynchronizedField("districts"),
        TranslatableField("recordings"),
        TranslatableField("links"),
    ]
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("words_of_its_topics"),
        index.FilterField("locale_id"),
        index.FilterField("kind"),
        index.FilterField("live"),
    ]
    panels = [
        MultiFieldPanel(
            [
                TitleFieldPanel("title", placeholder=False),
                FieldPanel("title_language"),
                FieldPanel("slug", widget=SlugInput),
                FieldPanel("kind"),
            ],
            heading=_("About the workshop"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]), FieldPanel("meeting_url")],
            heading=_("Time and place"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("topics", widget=SearchableCheckboxSelectMultiple),
        FieldPanel("districts", widget=SearchableCheckboxSelectMultiple),
        # The label names one item: Wagtail writes "Add {label}" on the button and "{label} 1" over each.
        InlinePanel("recordings", heading=_("Graphic recordings"), label=_("graphic recording")),
        InlinePanel("links", heading=_("Resources"), label=_("resource")),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("workshop or peer session")
        verbose_name_plural = _("workshops and peer sessions")
        ordering = ["-starts_at", "title"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_workshop_slug_per_locale")]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        """An end needs a start, after it."""
        super().clean()
        if self.ends_at and not self.starts_at:
            raise ValidationError({"starts_at": _("Give the start too, or leave both empty.")})
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})

    def words_of_its_topics(self) -> str:
        """Its topics' short names in every language ("Social inklusion", "Social inkludering"): a session is found
        by what it was about, in any of the site's languages."""
        keys = [topic.translation_key for topic in self.topics.all()]
        return " ".join(Topic.objects.filter(translation_key__in=keys, live=True).values_list("name", flat=True))

    @property
    def is_dated(self) -> bool:
        """Whether the workshop has a known time."""
        return self.starts_at is not None

    def finishes_at(self) -> datetime | None:
        """When the workshop is over: its end, or its start if no end is given."""
        return self.ends_at or self.starts_at

    def is_upcoming(self, now: datetime | None = None) -> bool:
        """Whether the workshop has not ended yet."""
        finish = self.finishes_at()
        return finish is not None and finish > (now or timezone.now())

    def show_meeting_link(self, now: datetime | None = None) -> bool:
        """The online meeting link is offered only before the workshop has ended."""
        return bool(self.meeting_url) and self.is_upcoming(now)


class GraphicRecording(TranslatableMixin, Orderable):
    """A drawing that sums up a session, with alt text and a longer description, both translatable."""

    workshop = ParentalKey(Workshop, related_name="recordings", on_delete=models.CASCADE)
    # Empty until editors have the drawing: visitors then see no recording at all, never a stand-in image.
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leave empty until you have the drawing: the site shows the recording only with it, and the launch checklist asks for it till then."),
    )
    alt_text = models.CharField(
        _("alternative text"), max_length=300, blank=True, help_text=_("What the drawing shows, in one or two sentences.")
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("The drawing's content in full, for everyone who cannot see it.")
    )

    translatable_fields = [SynchronizedField("image"), TranslatableField("alt_text"), TranslatableField("description")]
    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("graphic recording")
        verbose_name_plural = _("graphic recordings")

    def clean(self):
        """A drawing needs its alternative text and its text version."""
        super().clean()
        errors = {}
        if self.image_id and not self.alt_text.strip():
            errors["alt_text"] = _("Describe the drawing for those who cannot see it.")
        if self.image_id and not self.description.strip():
            errors["description"] = _("Write out what the drawing says, for those who cannot see it.")
        if errors:
            raise ValidationError(errors)


class ResourceLink(TranslatableMixin, Orderable):
    """A link to material from a workshop: slides, an article, a report."""

    workshop = ParentalKey(Workshop, related_name="links", on_delete=models.CASCADE)
    title = models.CharField(_("title"), max_length=255, help_text=_("What the link leads to, e.g. “Slides (PDF)”."))
    url = models.URLField(_("address"), help_text=_("The full address, starting with https://."))

    translatable_fields = [TranslatableField("title"), SynchronizedField("url")]
    panels = [FieldPanel("title"), FieldPanel("url")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
