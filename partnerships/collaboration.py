"""The page for a collaboration with a partner, such as Lund municipality's Future by Lund."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from sciencecity.blocks import ContentStreamBlock, link_language_choices
from sciencecity.fields import StreamField
from sciencecity.models import BasePage


class CollaborationPage(BasePage):
    """A collaboration with a partner city or organisation, such as Lund municipality's Future by Lund."""

    partner_name = models.CharField(_("partner's name"), max_length=120, help_text=_("For example: Future by Lund"))
    partner_name_language = models.CharField(
        _("language of the partner's name"), max_length=5, choices=link_language_choices, blank=True,
        help_text=_("Set it when the name is in another language than the page."),
    )
    partner_organisation = models.CharField(
        _("part of"), max_length=120, blank=True, help_text=_("For example: Lund municipality")
    )
    partner_website = models.URLField(_("partner's website"), blank=True)
    partner_website_language = models.CharField(
        _("language of the partner's website"), max_length=5, choices=link_language_choices, blank=True
    )
    since = models.CharField(_("collaborating since"), max_length=60, blank=True, help_text=_("For example: summer 2019"))
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))
    article_text = RichTextField(
        _("text about the partner's article"),
        features=["bold", "italic", "lang-en"],
        blank=True,
        help_text=_("The sentence that leads to an article on the partner's site."),
    )
    article_link_text = models.CharField(
        _("link text"), max_length=100, blank=True, help_text=_("For example: here (in Swedish)")
    )
    article_url = models.URLField(
        _("address of the article"), blank=True, help_text=_("Until it is filled in, the sentence shows without a link.")
    )
    article_language = models.CharField(
        _("language of the article"), max_length=5, choices=link_language_choices, blank=True
    )

    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("partner_name"),
        SynchronizedField("partner_name_language"),
        TranslatableField("partner_organisation"),
        SynchronizedField("partner_website"),
        SynchronizedField("partner_website_language"),
        TranslatableField("since"),
        TranslatableField("body"),
        TranslatableField("article_text"),
        TranslatableField("article_link_text"),
        SynchronizedField("article_url"),
        SynchronizedField("article_language"),
    ]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("partner_name"),
                FieldPanel("partner_name_language"),
                FieldPanel("partner_organisation"),
                FieldPanel("partner_website"),
                FieldPanel("partner_website_language"),
                FieldPanel("since"),
            ],
            heading=_("Partner"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("article_text"),
                FieldPanel("article_link_text"),
                FieldPanel("article_url"),
                FieldPanel("article_language"),
            ],
            heading=_("Article on the partner's site"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("partner_name"),
        index.SearchField("partner_organisation"),
        index.SearchField("body"),
        index.SearchField("article_text"),
    ]

    parent_page_types = ["partnerships.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("collaboration page")
        verbose_name_plural = _("collaboration pages")
