"""The dashboard warns administrators while changes wait for the purge queue's worker."""

from wagtail import hooks
from wagtail.admin.ui.components import Component

from . import queue


class PurgesWaitingPanel(Component):
    """Says on the dashboard that changes have waited more than a minute to be purged from the edge."""

    name = "purges_waiting"
    template_name = "edge/admin/purges_waiting.html"
    order = 10  # above Wagtail's own panels

    def __init__(self, seconds: float):
        self.seconds = seconds

    def get_context_data(self, parent_context):
        """How long, in whole minutes."""
        return {"minutes": int(self.seconds // 60)}


@hooks.register("construct_homepage_panels")
def warn_when_purges_wait(request, panels):
    """First on the dashboard of those who run the site (they may change its sites), while a purge waits too long."""
    if not request.user.has_perm("wagtailcore.change_site"):
        return
    _count, seconds = queue.waiting()
    if seconds > queue.WAITING_TOO_LONG_SECONDS:
        panels.insert(0, PurgesWaitingPanel(seconds))
