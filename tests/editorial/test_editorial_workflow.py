"""Roles and moderation: editors submit, approvers publish the Danish tree, translators the Swedish one."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.testing import force_verified_login
from editorial.roles import ADMINISTRATORS, APPROVERS, EDITORS, TRANSLATORS, apply_roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return UserFactory(groups=[EDITORS])


@pytest.fixture
def approver():
    return UserFactory(groups=[APPROVERS])


@pytest.fixture
def translator():
    return UserFactory(groups=[TRANSLATORS["sv"]])


def test_roles_table_is_applied_idempotently(site_content):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission

    before = (Group.objects.count(), GroupPagePermission.objects.count())
    assert apply_roles() == []
    assert (Group.objects.count(), GroupPagePermission.objects.count()) == before
    assert set(Group.objects.values_list("name", flat=True)) >= {EDITORS, APPROVERS, TRANSLATORS["sv"], ADMINISTRATORS}


def role_table():
    """(role, language, may edit, may publish) for every role and every configured language."""
    source = settings.LANGUAGE_CODE
    for language, _name in settings.LANGUAGES:
        yield EDITORS, language, language == source, False
        yield APPROVERS, language, language == source, language == source
        for translated, group in TRANSLATORS.items():
            yield group, language, language == translated, language == translated
        yield ADMINISTRATORS, language, True, True


def test_there_is_one_translators_group_per_target_language(site_content):
    from django.contrib.auth.models import Group

    targets = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    assert list(TRANSLATORS) == targets
    assert set(Group.objects.values_list("name", flat=True)) >= set(TRANSLATORS.values())


@pytest.mark.parametrize("role,language,can_edit,can_publish", list(role_table()))
def test_each_role_may_do_what_the_table_says(site_content, role, language, can_edit, can_publish):
    user = UserFactory(groups=[role])
    permissions = site_content.page("giid-partnership", language).permissions_for_user(user)
    assert permissions.can_edit() == can_edit
    assert permissions.can_publish() == can_publish


def test_the_workflow_moderates_the_danish_tree_only(site_content):
    assert site_content.page("giid-network", "da").get_workflow().name == "Godkendelse af danske sider"
    assert site_content.page("giid-network", "sv").get_workflow() is None


def test_editor_submits_approver_publishes_and_the_visitor_sees_it(client, site_content, editor, approver):
    page = site_content.page("lund-collaboration", "da")

    # The editor drafts a change and submits it; publishing is not theirs to do.
    page.introduction = "Et nyt afsnit om samarbejdet med Lund."
    page.save_revision(user=editor)
    assert not page.permissions_for_user(editor).can_publish()
    page.get_workflow().start(page, editor)
    assert "Et nyt afsnit" not in client.get(page.url).content.decode()

    # Approvers are told by e-mail.
    assert [message.to for message in mail.outbox] == [[approver.email]]
    assert page.title in mail.outbox[0].subject

    task_state = page.current_workflow_state.current_task_state

    # The editor cannot approve their own submission.
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    client.post(url, {"comment": ""})
    page.refresh_from_db()
    assert page.live_revision.content["introduction"] != "Et nyt afsnit om samarbejdet med Lund."

    # The approver approves, which publishes.
    force_verified_login(client, approver)
    response = client.post(url, {"comment": "Fint."})
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    page.refresh_from_db()
    assert page.live_revision.content["introduction"] == "Et nyt afsnit om samarbejdet med Lund."
    assert page.current_workflow_state is None
    client.logout()
    assert "Et nyt afsnit om samarbejdet med Lund." in client.get(page.url).content.decode()


def test_translator_publishes_swedish_pages_directly(site_content, translator):
    page = site_content.page("lund-collaboration", "sv")
    page.introduction = "Ny svensk inledning."
    revision = page.save_revision(user=translator)
    assert page.permissions_for_user(translator).can_publish()
    revision.publish(user=translator)
    page.refresh_from_db()
    assert page.introduction == "Ny svensk inledning."


def test_a_page_scheduled_in_the_past_is_published_by_publish_scheduled(client, site_content):
    page = site_content.page("privacy-policy", "da")
    page.introduction = "Planlagt ændring er nu offentliggjort."
    page.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    assert "Planlagt ændring" not in client.get(page.url).content.decode()

    call_command("publish_scheduled")

    assert "Planlagt ændring er nu offentliggjort." in client.get(page.url).content.decode()
