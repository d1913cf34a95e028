"""The moderation workflow of the Danish tree: editors submit, communications approvers publish.

The same workflow moderates the data pages show (``registry.editorial_models``);
Wagtail assigns it to a whole model, and ``editorial.EditorialMixin`` applies
it to the Danish versions only.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowContentType, WorkflowPage, WorkflowTask

from . import registry
from .roles import APPROVERS

WORKFLOW_NAME = "Godkendelse af danske sider"
# Wagtail's first migrations assign this workflow to the root, which would
# also moderate the Swedish tree; translators publish there directly.
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"
TASK_NAME = "Godkendelse ved kommunikationsgodkendere"


def apply_workflow() -> list[str]:
    """Create the workflow and assign it to the Danish home page (so the Danish tree only), where missing."""
    from django.contrib.auth.models import Group

    created = []
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        task.groups.set([Group.objects.get(name=APPROVERS)])
        created.append(f"the task {TASK_NAME!r}")
    workflow, new = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if new:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        created.append(f"the workflow {WORKFLOW_NAME!r}")
    WorkflowPage.objects.filter(page__depth=1, workflow__name=WAGTAIL_DEFAULT_WORKFLOW).delete()
    danish_home = Page.objects.filter(depth=2, locale__language_code="da", alias_of__isnull=True).first()
    if danish_home and not WorkflowPage.objects.filter(page=danish_home).exists():
        WorkflowPage.objects.create(page=danish_home, workflow=workflow)
        created.append("the workflow's assignment to the Danish tree")
    return created


def apply_data_workflow() -> list[str]:
    """Assign the workflow to every model of data with drafts that has none yet."""
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    created = []
    for model in registry.editorial_models:
        content_type = ContentType.objects.get_for_model(model)
        if not WorkflowContentType.objects.filter(content_type=content_type).exists():
            WorkflowContentType.objects.create(content_type=content_type, workflow=workflow)
            created.append(f"the workflow's assignment to {model._meta.verbose_name_plural}")
    return created


def load() -> list[str]:
    """The content loader's entry point."""
    return [*apply_workflow(), *apply_data_workflow()]
