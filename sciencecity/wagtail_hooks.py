"""Wagtail extensions for the whole site: the rich-text feature that marks English passages, the footer
snippet, and no page served past its expiry time."""

import wagtail.admin.rich_text.editors.draftail.features as draftail_features
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.rich_text.converters.html_to_contentstate import InlineStyleElementHandler
from wagtail.snippets.models import register_snippet

from .data_admin import DataViewSet, language_column
from .models import FooterText
from .visibility import has_expired

LANG_EN_STYLE = "LANG_EN"


@hooks.register("register_rich_text_features")
def register_lang_en_feature(features):
    """Let editors mark English words in Danish or Swedish text, stored as <span lang="en">.

    Screen readers then pronounce names such as "Global Institute for Innovation
    Districts" in English (WCAG 3.1.2). A span survives wagtail-localize's segment
    extraction, which a lang attribute on <abbr>, <i>, <em> or <b> would not.
    """
    features.register_editor_plugin(
        "draftail",
        "lang-en",
        draftail_features.InlineStyleFeature(
            {
                "type": LANG_EN_STYLE,
                "label": "EN",
                "description": _("English (language of part)"),
                "style": {"textDecoration": "underline dotted"},
            }
        ),
    )
    features.register_converter_rule(
        "contentstate",
        "lang-en",
        {
            "from_database_format": {'span[lang="en"]': InlineStyleElementHandler(LANG_EN_STYLE)},
            "to_database_format": {"style_map": {LANG_EN_STYLE: {"element": "span", "props": {"lang": "en"}}}},
        },
    )


class FooterTextViewSet(DataViewSet):
    """The footer's words, one per language; translators translate the Danish one."""

    model = FooterText
    icon = "doc-full"
    menu_label = _("Footer text")
    list_display = ["__str__", language_column()]


register_snippet(FooterTextViewSet)


@hooks.register("before_serve_page")
def refuse_expired_pages(page, request, serve_args, serve_kwargs):
    """A page past its expiry time is not live for visitors, though ``publish_scheduled`` has not run yet.

    Its routes too (a network's districts, a workshop's calendar file); live pages below it stay,
    as below an unpublished page.
    """
    if has_expired(page):
        raise Http404
