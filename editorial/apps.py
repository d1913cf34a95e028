from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """Who may do what: the roles table, the Danish tree's approval workflow, the groups' descriptions, and names shown in the admin's language."""

    name = "editorial"
    verbose_name = _("Editorial roles")

    def ready(self):
        from sciencecity import registry

        from . import checklist, display_names, mail, moderation, permissions, roles

        display_names.connect()
        # Once the pages exist: the workflow is assigned to the Danish home page.
        registry.register_content(roles.load, order=40)
        registry.register_content(moderation.load, order=50)
        registry.register_checklist(checklist.contact_details)
        registry.register_checklist(checklist.identity)
        registry.register_checklist(checklist.approvers_without_email)
        mail.connect()
        permissions.register()
