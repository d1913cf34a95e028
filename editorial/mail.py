"""E-mail to staff: in each recipient's language, with links to where the site is served, never breaking a request.

Every mail the site sends staff goes through here: Wagtail's moderation
mails (its notifiers, replaced by ours under the same signal names, so
Wagtail's own stay unconnected) and the translators' mail
(``translations/notify.py``).

- The language: the one the person chose in their account; else the language
  of their Translators group; else the source language, in which editors and
  approvers work. Wagtail picks the account's language, falling back to the
  language active when the mail is sent (the sender's), so a notifier here
  sends each recipient's mail with that person's language active.
- Links: ``WAGTAILADMIN_BASE_URL`` (where the site is served; in development
  it follows ``make run``'s HOST and PORT) and a path, never a Site record's
  host name.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted
from wagtail.users.models import UserProfile

from sciencecity.languages import source_language

from .roles import TRANSLATORS

logger = logging.getLogger(__name__)


def recipient_language(user) -> str:
    """The language to write to ``user`` in: their choice, else their Translators group's language, else the source's."""
    chosen = UserProfile.get_for_user(user).preferred_language
    if chosen:
        return chosen
    groups = set(user.groups.values_list("name", flat=True))
    return next((code for code, group in TRANSLATORS.items() if group in groups), source_language())


def site_url(path: str) -> str:
    """An absolute address on the site as it is served, for an e-mail."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def one_line(text: str) -> str:
    """Text fit for a mail header: a title may hold a line break, which a header may not."""
    return " ".join(str(text).split())


def send_to(user, subject: str, body: str) -> bool:
    """Send one mail to ``user``; a failure is logged, never raised, since the change it tells of is already saved."""
    try:
        send_mail(one_line(subject), body, None, [user.email])
    except Exception:
        logger.exception("Could not e-mail %s: %s", user.email, one_line(subject))
        return False
    return True


class InRecipientsLanguage:
    """A Wagtail notifier that sends each recipient's mail with that person's language active."""

    def send_emails(self, template_set, context, recipients, **kwargs):
        """Wagtail's sending, one recipient at a time, each in ``recipient_language``."""
        sent = True
        for recipient in recipients:
            with translation.override(recipient_language(recipient)):
                sent = super().send_emails(template_set, context, [recipient], **kwargs) and sent
        return sent


class TaskSubmitted(InRecipientsLanguage, GroupApprovalTaskStateSubmissionEmailNotifier):
    """To the approvers: something awaits their review."""


class WorkflowSubmitted(InRecipientsLanguage, WorkflowStateSubmissionEmailNotifier):
    """To superusers where settings include them: something was submitted."""


class WorkflowRejected(InRecipientsLanguage, WorkflowStateRejectionEmailNotifier):
    """To the editor: changes were requested."""


class WorkflowApproved(InRecipientsLanguage, WorkflowStateApprovalEmailNotifier):
    """To the editor: it was approved; a page's link is on the site's address."""

    def get_context(self, workflow_state, **kwargs):
        """Wagtail's context, and ``page_url``: the approved page on the address the site is served at."""
        context = super().get_context(workflow_state, **kwargs)
        page = context.get("page")
        parts = page.get_url_parts() if page is not None else None
        context["page_url"] = site_url(parts[2]) if parts else ""
        return context


# Wagtail's signal, sender, the dispatch_uid it connects its notifier under, and ours.
NOTIFIERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification", TaskSubmitted()),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification", WorkflowSubmitted()),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification", WorkflowRejected()),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification", WorkflowApproved()),
]


def connect() -> None:
    """Put our notifiers in Wagtail's place, whichever app's ready() runs first.

    A signal keeps one receiver per dispatch_uid and sender: connected first,
    ours makes Wagtail's later connect a no-op; connected later, it replaces Wagtail's.
    """
    for signal, sender, dispatch_uid, notifier in NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(notifier, sender=sender, dispatch_uid=dispatch_uid)
