"""The moderation workflow of the Danish tree: editors submit, communications approvers publish.

Approvals must reach a person: the loader makes the first administrator an
approver where the approvers' group is empty, with ADMIN_EMAIL as their
address if they have none, and the dashboard warns while no approver can be
e-mailed (``reachable_approvers``). Wagtail's own "Moderators approval"
workflow and task, made by its first migrations, give way to ours.
"""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    GroupApprovalTask,
    Page,
    TaskState,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from sciencecity import registry

from .roles import ADMINISTRATORS, APPROVERS

WORKFLOW_NAME = "Godkendelse af danske sider"
TASK_NAME = "Godkendelse ved kommunikationsgodkendere"
# How the admin shows them (sciencecity/display_names.py): Wagtail puts these names inside its sentences
# ("Submit to …", "Awaiting …"), so they are written to read there, in lower case.
WORKFLOW_DISPLAY_NAME = _("approval of Danish pages")
TASK_DISPLAY_NAME = _("the communications approvers")
# Wagtail's first migrations make these and assign the workflow to the root,
# which would also moderate the Swedish tree; translators publish there directly.
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"
WAGTAIL_DEFAULT_TASK = "Moderators approval"


def apply_workflow() -> list[str]:
    """Create the workflow and assign it to the Danish home page (so the Danish tree only), where missing."""
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
    danish_home = Page.objects.filter(depth=2, locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True).first()
    if danish_home and not WorkflowPage.objects.filter(page=danish_home).exists():
        WorkflowPage.objects.create(page=danish_home, workflow=workflow)
        created.append("the workflow's assignment to the Danish tree")
    return created


def replace_wagtail_default_workflow() -> list[str]:
    """Give pages (and snippet types) assigned Wagtail's workflow ours instead; delete its workflow and task.

    Where they have history (finished or running moderation), they are
    disabled instead, so the history stays; a running one is left to finish.
    """
    done = []
    ours = Workflow.objects.get(name=WORKFLOW_NAME)
    for workflow in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW):
        moved = WorkflowPage.objects.filter(workflow=workflow).update(workflow=ours)
        moved += WorkflowContentType.objects.filter(workflow=workflow).update(workflow=ours)
        states = WorkflowState.objects.filter(workflow=workflow)
        if states.filter(status=WorkflowState.STATUS_IN_PROGRESS).exists():
            continue
        if states.exists():
            workflow.deactivate()
            done.append(f"the disabling of Wagtail's workflow {workflow.name!r} ({moved} assignments moved to ours)")
        else:
            workflow.delete()
            done.append(f"the removal of Wagtail's workflow {workflow.name!r} ({moved} assignments moved to ours)")
    for task in GroupApprovalTask.objects.filter(name=WAGTAIL_DEFAULT_TASK).exclude(workflow_tasks__workflow__active=True):
        states = TaskState.objects.filter(task=task)
        if states.filter(status=TaskState.STATUS_IN_PROGRESS).exists():
            continue
        if states.exists():
            task.deactivate()
            done.append(f"the disabling of Wagtail's task {task.name!r}")
        else:
            task.delete()
            done.append(f"the removal of Wagtail's task {task.name!r}")
    return done


def reachable_approvers():
    """Active users of the active approval tasks' groups whom Wagtail would e-mail a submission."""
    tasks = GroupApprovalTask.objects.filter(active=True, workflow_tasks__workflow__active=True)
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__in=Group.objects.filter(groupapprovaltask__in=tasks))
        .exclude(email="")
        .exclude(wagtail_userprofile__submitted_notifications=False)
        .distinct()
        .order_by("pk")
    )


def first_administrator():
    """The earliest active superuser, else the earliest active member of the administrators' group."""
    users = get_user_model().objects.filter(is_active=True).order_by("pk")
    return users.filter(is_superuser=True).first() or users.filter(groups__name=ADMINISTRATORS).first()


def ensure_an_approver() -> list[str]:
    """Make the first administrator an approver while the group is empty; give them ADMIN_EMAIL if they have no address."""
    approvers = Group.objects.get(name=APPROVERS)
    admin = first_administrator()
    if admin is None or approvers.user_set.filter(is_active=True).exclude(pk=admin.pk).exists():
        return []
    done = []
    if not admin.groups.filter(pk=approvers.pk).exists():
        admin.groups.add(approvers)
        done.append(f"the administrator {admin.get_username()!r} as an approver")
    address = (os.environ.get("ADMIN_EMAIL") or "").strip()
    if not admin.email and address:
        admin.email = address
        admin.save(update_fields=["email"])
        done.append(f"the approver's e-mail address {address!r}")
    return done


def apply_data_workflow() -> list[str]:
    """Assign the workflow to every model of data with drafts that has none yet (``registry.editorial_models``).

    Wagtail assigns a snippet workflow to a whole model; the models' mixin applies it to the Danish versions only.
    """
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
    return apply_workflow() + replace_wagtail_default_workflow() + apply_data_workflow() + ensure_an_approver()
