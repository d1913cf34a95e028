"""The dashboard: what awaits the approver's review first, the launch checklist, and a warning while no approver can be e-mailed."""

from wagtail import hooks
from wagtail.admin.ui.components import Component

from .checklist import LaunchChecklistPanel
from .moderation import reachable_approvers
from .roles import APPROVERS, DISPLAY_NAMES


class NoReachableApproverPanel(Component):
    """Says on the dashboard that submitted pages reach no one while no approver has an e-mail address."""

    name = "no_reachable_approver"
    template_name = "editorial/admin/no_reachable_approver.html"
    order = 10  # above Wagtail's own panels

    def get_context_data(self, parent_context):
        """Whether the signed-in user may fix it themselves (edit users), and the approvers' group as the admin names it."""
        user = parent_context["request"].user
        return {"can_edit_users": user.has_perm("auth.change_user"), "group": DISPLAY_NAMES[APPROVERS]}


@hooks.register("construct_homepage_panels")
def warn_when_no_approver_can_be_reached(request, panels):
    """Put the warning first on the dashboard while no approver can be e-mailed."""
    if not reachable_approvers().exists():
        panels.insert(0, NoReachableApproverPanel())


@hooks.register("construct_homepage_panels")
def add_launch_checklist(request, panels):
    """The launch checklist, first on the dashboard."""
    panels.append(LaunchChecklistPanel())


@hooks.register("construct_homepage_panels")
def review_first(request, panels):
    """What awaits the approver's review comes first: it is their work today, the checklist is the organisation's."""
    for panel in panels:
        if panel.name == "workflow_objects_to_moderate":
            panel.order = 0
