"""Content blocks every page type can use, each named for what editors mean by it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images import get_image_model

# Headings start at h2: the page title is the page's only h1. "lang-en" marks
# English names inside Danish or Swedish text (WCAG 3.1.2).
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "lang-en"]


def content_language_choices() -> list[tuple[str, Promise]]:
    """The languages linked content and names may be in: the site's, then the others the settings name."""
    codes = [*settings.SITE_LANGUAGES, *settings.OTHER_CONTENT_LANGUAGES]
    # Django's names ("Danish"), translated through our catalogue, then Django's.
    return [(code, _(get_language_info(code)["name"])) for code in dict.fromkeys(codes)]


def link_language_choices() -> list[tuple[str, Promise]]:
    """The site's own languages: what linked pages and articles of partners may be in."""
    return [(code, name) for code, name in content_language_choices() if code in settings.SITE_LANGUAGES]


def network_language_choices() -> list[tuple[str, Promise]]:
    """The GIID network's working language only: titles the network gives are in it or in the site's language."""
    return [(code, name) for code, name in content_language_choices() if code == settings.NETWORK_LANGUAGE]


class LinkLanguageBlock(blocks.ChoiceBlock):
    """The language of the content a link leads to, for hreflang and lang attributes."""

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", link_language_choices)
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Language of the linked content"))
        kwargs.setdefault("help_text", _("Leave empty when it is the page's own language."))
        super().__init__(**kwargs)


class TextBlock(blocks.RichTextBlock):
    """Paragraphs, lists, links and sub-headings (h2, h3)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "doc-full"
        label = _("Text with headings")
        template = "sciencecity/blocks/text.html"
        description = _("Paragraphs with headings, lists and links. Mark English names with the EN button.")
        preview_value = (
            "<h2>Erfaringsudveksling</h2>"
            "<p>Gennem månedlige online workshops med deltagere fra hele verden deler vi erfaringer.</p>"
        )


class QuotationBlock(blocks.StructBlock):
    """A quotation with the publication it comes from."""

    quotation = blocks.TextBlock(label=_("Quotation"))
    source_title = blocks.CharBlock(label=_("Title of the source"), max_length=255)
    source_language = LinkLanguageBlock(label=_("Language of the title"))
    publisher = blocks.CharBlock(label=_("Author or publisher"), required=False, max_length=255)
    publication_type = blocks.CharBlock(
        label=_("Type of publication"), required=False, max_length=100, help_text=_("For example: White Paper")
    )
    year = blocks.IntegerBlock(label=_("Year"), required=False, min_value=1800, max_value=2100)
    url = blocks.URLBlock(label=_("Address of the source"), required=False)
    # Not translatable: it says what the text is in the source's own language, whichever page shows it.
    verbatim = blocks.BooleanBlock(
        label=_("The source's own words"),
        required=False,
        default=True,
        help_text=_(
            "Untick it when the text in the source's own language is a translation or a paraphrase, not its exact "
            "words: the page in that language then says so."
        ),
    )

    class Meta:
        icon = "openquote"
        label = _("Quotation with source")
        template = "sciencecity/blocks/quotation.html"
        description = _("A quotation or definition, with the title, publisher and year of its source.")
        preview_value = {
            "quotation": "Innovationsdistrikter er afgrænsede geografiske byområder.",
            "source_title": "The Rise of Innovation Districts: A New Geography of Innovation in America",
            "source_language": "en",
            "publisher": "Brookings",
            "publication_type": "White Paper",
            "year": 2014,
        }


class ImageBlock(blocks.StructBlock):
    """An image with required alternative text and an optional caption, both translatable."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=300,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "sciencecity/blocks/image.html"
        description = _("An image with alternative text for screen readers and an optional caption.")

    def get_preview_value(self):
        """Preview with the newest image in the library, if there is one."""

        image = get_image_model().objects.order_by("-created_at").first()
        return self.to_python({"image": image.pk if image else None, "alt_text": image.title if image else "", "caption": ""})


class CallToActionBlock(blocks.StructBlock):
    """A prominent link to a page of this site or to another site."""

    label = blocks.CharBlock(label=_("Link text"), max_length=100)
    page = blocks.PageChooserBlock(label=_("Page on this site"), required=False)
    url = blocks.URLBlock(label=_("Address on another site"), required=False)
    link_language = LinkLanguageBlock()

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "sciencecity/blocks/call_to_action.html"
        description = _("A prominent link, such as “Read more about GIID”.")
        preview_value = {"label": "Læs mere om GIID", "url": "https://www.giid.org/", "link_language": "en"}

    def clean(self, value):
        """Require exactly one destination: a page or an address."""
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose a page on this site or enter an address on another site, not both.")
            raise StructBlockValidationError(non_block_errors=[ValidationError(message)])
        return value


class LinkCardBlock(blocks.StructBlock):
    """A card that links to content on another site; nothing is embedded or loaded from there."""

    title = blocks.CharBlock(label=_("Title"), max_length=255)
    source = blocks.CharBlock(label=_("Site or publisher"), max_length=100)
    description = blocks.TextBlock(label=_("Description"), required=False)
    url = blocks.URLBlock(label=_("Address"))
    link_language = LinkLanguageBlock()

    class Meta:
        icon = "globe"
        label = _("Link to content elsewhere")
        template = "sciencecity/blocks/link_card.html"
        description = _("A card with a title, source and description that links to an article on another site.")
        preview_value = {
            "title": "Global Institute for Innovation Districts",
            "source": "giid.org",
            "description": "Netværket af innovationsdistrikter rundt om i verden.",
            "url": "https://www.giid.org/",
            "link_language": "en",
        }


class OrganisationContactBlock(blocks.StaticBlock):
    """The organisation's contact details as its settings hold them, so a page never repeats them by hand."""

    class Meta:
        icon = "mail"
        label = _("Contact details")
        template = "sciencecity/blocks/organisation_contact.html"
        admin_text = _("Shows the address, e-mail and phone from Settings → Organisation details; nothing while they are empty.")
        description = _("The organisation's contact details, kept in its settings.")
        preview_value = None


class ContactTextBlock(TextBlock):
    """Text that asks readers to get in touch: shown only while the organisation's contact details are filled in."""

    class Meta:
        icon = "mail"
        label = _("Text about contacting us")
        template = "sciencecity/blocks/contact_text.html"
        description = _(
            "Text such as “Let us know”: shown only when Settings → Organisation details hold a way to reach you, "
            "so it never points at nothing. Put the contact details block after it."
        )
        preview_value = "<h2>Giv os besked</h2><p>Oplever du problemer, så kontakt os.</p>"


class ContentStreamBlock(blocks.StreamBlock):
    """The blocks for the body of every page."""

    text = TextBlock()
    quotation = QuotationBlock()
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    link_card = LinkCardBlock()
    contact_text = ContactTextBlock()
    organisation_contact = OrganisationContactBlock()
