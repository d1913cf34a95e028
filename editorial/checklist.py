"""The launch checklist on the admin dashboard: what the site still lacks that only the organisation can supply.

Each app adds the checks it knows about (``registry.register_checklist``);
this module adds the site-wide ones: the organisation's contact details, its
logo and share image, and approvers who cannot be told of a submission because they have no e-mail
address. Every item links to the screen where it is put right, at the field
(its element's id as the fragment; Wagtail opens the tab that holds it). A
person sees the items they may act on, and how many more are for others.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component
from wagtail.models import Site

from sciencecity import registry
from sciencecity.models import OrganisationSettings

from .roles import APPROVERS


@dataclass(frozen=True)
class Item:
    """One thing still missing: what, why it matters, and the link to where it is fixed."""

    text: str
    url: str
    link_text: str


def organisation_settings(user) -> tuple[OrganisationSettings, str] | None:
    """The default site's organisation settings and the address of their form, for a user who may change them."""
    if not user.has_perm("sciencecity.change_organisationsettings"):
        return None
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    settings = OrganisationSettings.objects.filter(site=site).first() or OrganisationSettings(site=site)
    return settings, reverse("wagtailsettings:edit", args=["sciencecity", "organisationsettings", site.pk])


def contact_details(user) -> list[Item]:
    """The organisation's e-mail and postal address, shown in every page's footer."""
    if (found := organisation_settings(user)) is None:
        return []
    settings, url = found
    items = []
    if not settings.email:
        items.append(Item(_("The organisation's contact e-mail address is missing from every page's footer."),
                          f"{url}#id_email", _("Add the e-mail address")))
    if not settings.address:
        items.append(Item(_("The organisation's postal address is missing from every page's footer."),
                          f"{url}#id_address", _("Add the address")))
    return items


def identity(user) -> list[Item]:
    """The organisation's logo and share image: until they are given, the site sets its name in letters and
    makes each page's share image from its title."""
    if (found := organisation_settings(user)) is None:
        return []
    settings, url = found
    items = []
    if not settings.logo_id:
        items.append(Item(_("The organisation's logo is missing: every page's header shows its name in plain letters."),
                          f"{url}#id_logo-chooser", _("Add the logo")))
    if not settings.default_social_image_id:
        items.append(Item(_("The organisation's share image is missing: a page shared on social media shows a picture "
                            "the site makes from the page's title."), f"{url}#id_default_social_image-chooser",
                          _("Add the share image")))
    return items


def approvers_without_email(user) -> list[Item]:
    """Approvers are told of every submission by e-mail; one without an address never hears of it."""
    if not user.has_perm("auth.change_user"):
        return []
    approvers = get_user_model().objects.filter(groups__name=APPROVERS, is_active=True, email="").order_by("username")
    return [
        Item(
            _("The approver %(name)s has no e-mail address, so is never told when something awaits approval.")
            % {"name": approver.get_full_name() or approver.get_username()},
            reverse("wagtailusers_users:edit", args=[approver.pk]) + "#id_email",
            _("Add their e-mail address"),
        )
        for approver in approvers
    ]


def open_items(user) -> list[Item]:
    """Every open item the user may act on, from every app's checks."""
    return [item for check in registry.checklist for item in check(user)]


class Organisation(AnonymousUser):
    """Everyone at once, for counting every open item whoever may act on it; never signed in, never saved."""

    is_active = True
    is_superuser = True

    def has_perm(self, perm, obj=None):
        """Whoever may act on an item, someone in the organisation may."""
        return True


def items_for_others(user) -> int:
    """How many open items are for others in the organisation: those the user may not act on."""
    return len(open_items(Organisation())) - len(open_items(user))


class LaunchChecklistPanel(Component):
    """The dashboard panel that lists the open items, or says that nothing is missing."""

    name = "launch_checklist"
    template_name = "editorial/admin/launch_checklist.html"
    order = 50

    def get_context_data(self, parent_context=None):
        """The open items for the signed-in user, and how many others must see to."""
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["items"] = open_items(user)
        context["others"] = max(items_for_others(user), 0)
        return context
