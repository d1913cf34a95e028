"""Wagtail's moderation mails reach each person in their language, with links to where the site is served."""

import pytest
from django.core import mail
from django.utils import translation
from wagtail.users.models import UserProfile

from districts.models import District
from editorial.roles import APPROVERS, EDITORS, TRANSLATORS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def submit(obj, editor, field="introduction", text="Et nyt afsnit til godkendelse."):
    """The editor's change to a Danish page or item, submitted for approval with the editor's admin in English."""
    setattr(obj, field, text)
    obj.save_revision(user=editor)
    with translation.override("en"):
        obj.get_workflow().start(obj, editor)


def test_each_approver_reads_the_submission_in_their_own_language_not_the_editors(site_content):
    danish_approver = UserFactory(groups=[APPROVERS])
    swedish_approver = UserFactory(groups=[APPROVERS])
    UserProfile.objects.update_or_create(user=swedish_approver, defaults={"preferred_language": "sv"})
    # Someone who approves and translates into English, with no language chosen: their group's language.
    translating_approver = UserFactory(groups=[APPROVERS, TRANSLATORS["en"]])
    mail.outbox.clear()
    district = District.objects.filter(locale__language_code="da").first()
    submit(district, UserFactory(groups=[EDITORS]), "short_description")

    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert "er sendt til godkendelse" in subjects[danish_approver.email]
    assert "har skickats in för godkännande" in subjects[swedish_approver.email]
    assert "has been submitted for approval" in subjects[translating_approver.email]


def test_the_editor_is_told_of_the_approval_with_a_link_on_the_sites_address(site_content, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://sciencecity.example"
    editor, approver = UserFactory(groups=[EDITORS]), UserFactory(groups=[APPROVERS])
    page = site_content.page("lund-collaboration")
    submit(page, editor)
    mail.outbox.clear()
    page.current_workflow_state.current_task_state.approve(user=approver)

    [message] = [message for message in mail.outbox if message.to == [editor.email]]
    assert "er godkendt" in message.body  # the editor's language: Danish, whatever the approver's was
    assert f"https://sciencecity.example{page.url}" in message.body
    assert "localhost" not in message.body
