"""The launch checklist's item from the pages: the article on the partner's site that a collaboration page promises."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Locale

from editorial.checklist import Item

from .models import CollaborationPage


def missing_partner_articles(user) -> list[Item]:
    """A collaboration page whose sentence about the partner's article has no address to link to."""
    pages = CollaborationPage.objects.filter(locale=Locale.get_default(), article_url="").exclude(article_text="")
    return [
        Item(
            _("The page “%(title)s” mentions an article on the partner's site, but its address is missing, "
              "so the sentence has no link.") % {"title": page.title},
            reverse("wagtailadmin_pages:edit", args=[page.pk]) + "#id_article_url",
            _("Add the article's address"),
        )
        for page in pages
        if page.permissions_for_user(user).can_edit()
    ]
