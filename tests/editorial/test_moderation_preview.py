"""An approver previews submitted data in moderation, from the dashboard or the e-mail's link, and sees the draft."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Locale

from accounts.testing import force_verified_login
from districts.models import District
from editorial.roles import APPROVERS, EDITORS
from sciencecity.models import FooterText
from tests.factories import UserFactory
from workshops.models import Topic, Workshop

pytestmark = pytest.mark.django_db

# A field of each kind of data the page that shows it draws, and a draft value for it.
DRAFTS = {
    District: ("short_description", "Et udkast til distriktets beskrivelse."),
    Workshop: ("summary", "Et udkast til workshoppens resumé."),
    Topic: ("name", "Udkastemne"),
    FooterText: ("text", "<p>Et udkast til sidefoden.</p>"),
}


def submit_draft(model, editor):
    """An editor's draft of a Danish item of ``model``, submitted for approval; the item and its task."""
    obj = model.objects.filter(locale=Locale.get_default(), live=True).order_by("pk").first()
    field, value = DRAFTS[model]
    setattr(obj, field, value)
    obj.save_revision(user=editor)
    obj.get_workflow().start(obj, editor)
    return obj, obj.current_workflow_state.current_task_state.task


def preview_url(obj, task) -> str:
    """Wagtail's moderation preview of a snippet's submitted revision."""
    name = f"wagtailsnippets_{obj._meta.app_label}_{obj._meta.model_name}:workflow_preview"
    return reverse(name, args=[obj.pk, task.pk])


@pytest.mark.parametrize("model", DRAFTS, ids=lambda model: model.__name__)
def test_the_approver_previews_the_submitted_draft_from_the_mail(client, site_content, settings, model):
    settings.WAGTAILADMIN_BASE_URL = "https://sciencecity.example"
    approver = UserFactory(groups=[APPROVERS])
    mail.outbox.clear()
    obj, task = submit_draft(model, UserFactory(groups=[EDITORS]))

    # The approver's mail links to the moderation preview on the site's own address.
    [message] = [message for message in mail.outbox if message.to == [approver.email]]
    link = f"https://sciencecity.example{preview_url(obj, task)}"
    assert link in message.body
    assert re.search(r"https://sciencecity\.example\s", message.body) is None  # no bare site address

    force_verified_login(client, approver)
    response = client.get(link.removeprefix("https://sciencecity.example"))
    assert response.status_code == 200
    shown = re.sub(r"<[^>]+>", "", DRAFTS[model][1])
    assert shown in response.content.decode()
