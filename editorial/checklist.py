"""The launch checklist on the admin dashboard: what the site still lacks that only the organisation can supply.

Each app adds the checks it knows about (``registry.register_checklist``);
this module adds the site-wide ones: the organisation's contact details and
approvers who cannot be told of a submission because they have no e-mail
address. Every item links to the screen where it is put right.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
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


def contact_details(user) -> list[Item]:
    """The organisation's e-mail and postal address, shown in every page's footer."""
    if not user.has_perm("sciencecity.change_organisationsettings"):
        return []
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return []
    settings = OrganisationSettings.objects.filter(site=site).first() or OrganisationSettings(site=site)
    url = reverse("wagtailsettings:edit", args=["sciencecity", "organisationsettings", site.pk])
    items = []
    if not settings.email:
        items.append(Item(_("The organisation's contact e-mail address is missing from every page's footer."), url,
                          _("Add the e-mail address")))
    if not settings.address:
        items.append(Item(_("The organisation's postal address is missing from every page's footer."), url,
                          _("Add the address")))
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
            reverse("wagtailusers_users:edit", args=[approver.pk]),
            _("Add their e-mail address"),
        )
        for approver in approvers
    ]


def open_items(user) -> list[Item]:
    """Every open item the user may act on, from every app's checks."""
    return [item for check in registry.checklist for item in check(user)]


class LaunchChecklistPanel(Component):
    """The dashboard panel that lists the open items, or says that nothing is missing."""

    name = "launch_checklist"
    template_name = "editorial/admin/launch_checklist.html"
    order = 50

    def get_context_data(self, parent_context=None):
        """The open items for the signed-in user."""
        context = super().get_context_data(parent_context)
        context["items"] = open_items(parent_context["request"].user)
        return context
