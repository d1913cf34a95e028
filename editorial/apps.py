from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """Who may do what: the roles table, the Danish tree's approval workflow, and the groups' descriptions."""

    name = "editorial"
    verbose_name = _("Editorial roles")

    def ready(self):
        from sciencecity import registry

        from . import checklist, moderation, roles

        # Once the pages exist: the workflow is assigned to the Danish home page.
        registry.register_content(roles.load, order=40)
        registry.register_content(moderation.load, order=50)
        registry.register_checklist(checklist.contact_details)
        registry.register_checklist(checklist.approvers_without_email)
