"""The admin's list of groups, with the one-line description of what each of the roles table's groups may do."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.users.views import groups

from .roles import DESCRIPTIONS


class GroupIndexView(groups.IndexView):
    """Wagtail's list of groups plus what each may do; a group an administrator made has no description."""

    columns = [
        *groups.IndexView.columns,
        Column("description", label=_("May"), accessor=lambda group: DESCRIPTIONS.get(group.name, "")),
    ]


class GroupViewSet(groups.GroupViewSet):
    """Wagtail's group admin with the described list."""

    index_view_class = GroupIndexView

