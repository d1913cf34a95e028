"""Translators hear of publications only, in their own language, about their own language; sending never breaks a save."""

import socket

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.users.models import UserProfile

from accounts.testing import force_verified_login
from districts.models import District
from editorial.roles import APPROVERS, EDITORS, TRANSLATORS
from seeding.tools import seed_key
from tests.factories import UserFactory
from tests.sciencecity.test_data_drafts import district_form, edit_url

pytestmark = pytest.mark.django_db

CHANGED = "En ny tekst om distriktet, til godkendelse."


@pytest.fixture
def translators():
    """A Swedish and an English translator who chose no language in their accounts."""
    return UserFactory(groups=[TRANSLATORS["sv"]]), UserFactory(groups=[TRANSLATORS["en"]])


def danish_district() -> District:
    return District.objects.get(translation_key=seed_key("district:distritotec"), locale__language_code="da")


def to(user) -> list:
    return [message for message in mail.outbox if message.to == [user.email]]


def test_a_submission_or_a_draft_tells_no_translator_and_the_approval_tells_each_once(
    client, site_content, translators, django_capture_on_commit_callbacks
):
    district = danish_district()
    published = district.short_description
    editor, approver = UserFactory(groups=[EDITORS]), UserFactory(groups=[APPROVERS])
    mail.outbox.clear()

    # An approver's draft, then an editor's submission: nothing is published, so translators hear nothing.
    force_verified_login(client, approver)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(edit_url(district), district_form(district, short_description="Kun et udkast.")).status_code == 302
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(district), {**district_form(district, short_description=CHANGED), "action-submit": "1"})
    assert response.status_code == 302
    assert [message for translator in translators for message in to(translator)] == []

    # The approval publishes it: now each translator is told, once, of the change since the last publication.
    task_state = danish_district().current_workflow_state.current_task_state
    approve = reverse("wagtailsnippets_districts_district:workflow_action", args=[district.pk, "approve", task_state.pk])
    force_verified_login(client, approver)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(approve, {"comment": ""}).status_code == 302
    for translator in translators:
        [message] = to(translator)
        assert CHANGED in message.body and published in message.body
        assert "Kun et udkast." not in message.body


def test_each_translator_reads_about_their_own_language_in_it_with_links_to_the_site(
    site_content, translators, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILADMIN_BASE_URL = "https://sciencecity.example"
    swedish, english = translators
    danish_speaker = UserFactory(groups=[TRANSLATORS["sv"]])
    UserProfile.objects.update_or_create(user=danish_speaker, defaults={"preferred_language": "da"})
    district = danish_district()
    district.short_description = CHANGED
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        district.save_revision(user=UserFactory(groups=[APPROVERS])).publish()

    [to_swedish], [to_english], [to_danish] = to(swedish), to(english), to(danish_speaker)
    assert "publicerats på danska" in to_swedish.body and "på svenska" in to_swedish.body
    assert "engelsk" not in to_swedish.body.lower()
    assert "published in Danish" in to_english.body and "in English" in to_english.body
    assert "swedish" not in to_english.body.lower() and "svensk" not in to_english.body.lower()
    assert "udgivet på dansk" in to_danish.body and "på svensk" in to_danish.body
    report = reverse("translation_status")
    assert f"https://sciencecity.example{report}?language=sv" in to_swedish.body
    assert f"https://sciencecity.example{report}?language=en" in to_english.body


def test_a_title_with_a_line_break_is_sent_on_one_line(site_content, translators, django_capture_on_commit_callbacks):
    district = danish_district()
    district.name = "Distrito\nTec"
    district.short_description = CHANGED
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        district.save_revision().publish()
    subjects = [message.subject for translator in translators for message in to(translator)]
    assert len(subjects) == 2 and all("Distrito Tec" in subject and "\n" not in subject for subject in subjects)


def test_a_mail_server_that_cannot_be_reached_does_not_undo_or_break_the_publication(
    site_content, translators, settings, django_capture_on_commit_callbacks, caplog
):
    # A real SMTP connection to a port where nothing listens.
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2
    district = danish_district()
    district.short_description = CHANGED
    with django_capture_on_commit_callbacks(execute=True):
        district.save_revision().publish()
    assert danish_district().short_description == CHANGED
    assert "Could not e-mail" in caplog.text
