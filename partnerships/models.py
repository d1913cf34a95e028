"""Page types that tell Science City Lyngby's partnership story."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from sciencecity.blocks import ContentStreamBlock
from sciencecity.fields import StreamField
from sciencecity.models import BasePage


class HomePage(BasePage):
    """The front page of each language's site; it introduces and features the partnerships."""

    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    translatable_fields = [*BasePage.translatable_fields, TranslatableField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["partnerships.PartnershipPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        """Add the partnership pages that the home page features."""
        context = super().get_context(request, *args, **kwargs)
        context["partnerships"] = PartnershipPage.objects.child_of(self).live().public().order_by("path")
        return context


class PartnershipPage(BasePage):
    """The story of one partnership, such as the one with the Global Institute for Innovation Districts."""

    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    translatable_fields = [*BasePage.translatable_fields, TranslatableField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["partnerships.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("partnership page")
        verbose_name_plural = _("partnership pages")
