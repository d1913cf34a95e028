"""wagtail.users with our group admin: its own module, since a second AppConfig in apps.py would hide ours."""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersConfig(WagtailUsersAppConfig):
    """wagtail.users, with the groups list of editorial/groups.py, as Wagtail documents for swapping it."""

    group_viewset = "editorial.groups.GroupViewSet"
