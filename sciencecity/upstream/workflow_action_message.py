"""Approving, or asking for changes, from the dashboard says what became of the page or item.

Upstream gap (Wagtail 8.0; wagtail/wagtail#7132, "Workflow approval UI on dashboard is confusing"): the
"Awaiting your review" panel's actions post to ``WorkflowAction``, which acts and redirects back with no
message, so the row just disappears and the approver cannot tell whether anything was published. Here the
view adds a message: published, scheduled, moved on to the workflow's next step, or sent back for changes.
The editor's own workflow buttons go through the edit view, which has its own message. Delete this module
(and its call in ``sciencecity.apps``) once upstream confirms the action.
"""

from django.contrib import messages
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.generic.workflow import WorkflowAction
from wagtail.models import TaskState, WorkflowState

_post = WorkflowAction.post


def outcome(task_state: TaskState, title: str) -> str | None:
    """What the action did, in a sentence, read back from the database; None while the task is still open."""
    task_state.refresh_from_db()
    if task_state.status == TaskState.STATUS_REJECTED:
        return _("“%(title)s” was sent back to its editor for changes.") % {"title": title}
    if task_state.status != TaskState.STATUS_APPROVED:
        return None
    workflow_state = WorkflowState.objects.get(pk=task_state.workflow_state_id)
    if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        return _("“%(title)s” is approved and has moved on to the next step: %(task)s.") % {
            "title": title, "task": workflow_state.current_task_state.task.name
        }
    revision = task_state.revision
    revision.refresh_from_db()
    if revision.approved_go_live_at and revision.approved_go_live_at > timezone.now():
        when = date_format(timezone.localtime(revision.approved_go_live_at), "DATETIME_FORMAT")
        return _("“%(title)s” is approved and will be published on %(when)s.") % {"title": title, "when": when}
    return _("“%(title)s” is approved and published.") % {"title": title}


def post(self, request, *args, **kwargs):
    """Upstream's action, then a message saying what it did."""
    response = _post(self, request, *args, **kwargs)
    message = outcome(self.task_state, get_latest_str(self.object))
    if message:
        messages.success(request, message)
    return response


def apply() -> None:
    """Patch the view once, at start-up (the pages' and the snippets' views inherit it)."""
    WorkflowAction.post = post
