"""Approvals reach a person: the first administrator approves, the dashboard warns when no approver has an e-mail."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command

from accounts.testing import force_verified_login
from editorial.moderation import ensure_an_approver, reachable_approvers
from editorial.roles import ADMINISTRATORS, APPROVERS, EDITORS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NO_APPROVER = {
    "da": "Ingen godkender har en e-mailadresse",
    "sv": "Ingen godkännare har en e-postadress",
}


@pytest.fixture
def no_approvers(site_content):
    """The approvers' group is empty, as on a fresh site."""
    Group.objects.get(name=APPROVERS).user_set.clear()


def test_the_loader_makes_the_first_administrator_an_approver_with_admin_email(no_approvers, monkeypatch):
    from django.contrib.auth import get_user_model

    monkeypatch.setenv("ADMIN_EMAIL", "kommunikation@sciencecity.invalid")
    get_user_model().objects.filter(is_superuser=True).update(is_superuser=False)
    first = UserFactory(is_superuser=True, email="")
    later = UserFactory(is_superuser=True, email="")
    call_command("load_site_content", stdout=open("/dev/null", "w"))
    first.refresh_from_db()
    assert first.groups.filter(name=APPROVERS).exists()
    assert first.email == "kommunikation@sciencecity.invalid"
    assert not later.groups.filter(name=APPROVERS).exists()
    assert list(reachable_approvers()) == [first]


def test_it_leaves_approvers_an_administrator_chose_alone(site_content):
    chosen = UserFactory(groups=[APPROVERS])
    UserFactory(is_superuser=True, email="")
    assert ensure_an_approver() == []
    assert list(Group.objects.get(name=APPROVERS).user_set.all()) == [chosen]


def test_it_keeps_an_address_the_administrator_has(no_approvers, monkeypatch):
    from django.contrib.auth import get_user_model

    monkeypatch.setenv("ADMIN_EMAIL", "ny@sciencecity.invalid")
    get_user_model().objects.filter(is_superuser=True).update(is_superuser=False)
    admin = UserFactory(is_superuser=True, email="egen@sciencecity.invalid")
    ensure_an_approver()
    admin.refresh_from_db()
    assert admin.email == "egen@sciencecity.invalid"


@pytest.mark.parametrize("language", ["da", "sv"])
def test_the_dashboard_says_so_when_no_approver_has_an_email(client, no_approvers, language):
    UserFactory(groups=[APPROVERS], email="")
    editor = UserFactory(groups=[EDITORS])
    client.force_login(editor)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE=language)
    assert NO_APPROVER[language] in response.content.decode()


def test_the_dashboard_is_quiet_when_an_approver_can_be_reached(client, no_approvers):
    UserFactory(groups=[APPROVERS])
    client.force_login(UserFactory(groups=[EDITORS]))
    assert NO_APPROVER["da"] not in client.get("/admin/").content.decode()


def test_an_approver_who_turned_off_notifications_does_not_count(no_approvers):
    from wagtail.users.models import UserProfile

    approver = UserFactory(groups=[APPROVERS])
    UserProfile.objects.update_or_create(user=approver, defaults={"submitted_notifications": False})
    assert not reachable_approvers().exists()


def test_a_submission_mails_the_approver_and_waits_on_their_dashboard(client, site_content):
    """The message and the panel; the browser journey submits through the editor's button."""
    approver = UserFactory(groups=[APPROVERS], username="godkender")
    editor = UserFactory(groups=[EDITORS])
    page = site_content.page("lund-collaboration")
    page.introduction = "Et nyt afsnit til godkendelse."
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)

    assert [message.to for message in mail.outbox] == [[approver.email]]
    assert page.title in mail.outbox[0].subject
    assert f"/admin/pages/{page.pk}/" in mail.outbox[0].body

    force_verified_login(client, approver)
    dashboard = client.get("/admin/").content.decode()
    assert "Afventer din gennemgang" in dashboard
    assert page.title in dashboard
