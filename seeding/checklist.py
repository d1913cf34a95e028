"""The launch checklist's item from the seed: the legal pages' review date, which only the organisation can give.

The seed writes the accessibility statement and the privacy policy but not
when the organisation last reviewed them: that date is the editors' to set
once it has, and the pages show none until then.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Locale

from editorial.checklist import Item
from sciencecity.models import InformationPage

from .site_content import LEGAL_PAGES
from .tools import seed_key


def legal_pages_not_reviewed(user) -> list[Item]:
    """A legal page in the source language with no review date, for those who may edit it."""
    pages = InformationPage.objects.filter(
        locale=Locale.get_default(),
        translation_key__in=[seed_key(key) for key, _fields in LEGAL_PAGES],
        last_reviewed__isnull=True,
    ).order_by("title")
    return [
        Item(
            _("The organisation has not yet reviewed the page “%(title)s”: check what it says of the organisation "
              "and the site, then set the date it was last reviewed.") % {"title": page.title},
            reverse("wagtailadmin_pages:edit", args=[page.pk]) + "#id_last_reviewed",
            _("Review the page"),
        )
        for page in pages
        if page.permissions_for_user(user).can_edit()
    ]
