"""Only the project's groups and workflow exist, each group says what it may do, and nobody is dropped."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, TaskState, Workflow, WorkflowPage, WorkflowState

from accounts.testing import force_verified_login
from editorial import moderation, roles
from editorial.roles import ADMINISTRATORS, APPROVERS, EDITORS, ROLES
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

WAGTAIL_GROUPS = ["Moderators", "Editors"]


def test_after_loading_only_the_projects_groups_and_workflow_exist(site_content):
    assert set(Group.objects.values_list("name", flat=True)) == {role.name for role in ROLES}
    assert list(Workflow.objects.values_list("name", flat=True)) == [moderation.WORKFLOW_NAME]
    assert list(GroupApprovalTask.objects.values_list("name", flat=True)) == [moderation.TASK_NAME]


def test_members_of_wagtails_groups_are_moved_to_the_projects(site_content):
    moderator, editor = UserFactory(), UserFactory()
    Group.objects.create(name="Moderators").user_set.add(moderator)
    Group.objects.create(name="Editors").user_set.add(editor)
    roles.load()
    assert not Group.objects.filter(name__in=WAGTAIL_GROUPS).exists()
    assert list(moderator.groups.values_list("name", flat=True)) == [APPROVERS]
    assert list(editor.groups.values_list("name", flat=True)) == [EDITORS]


def test_pages_an_administrator_gave_wagtails_workflow_keep_a_workflow(site_content):
    swedish = site_content.page("giid-network", "sv")
    task = GroupApprovalTask.objects.create(name=moderation.WAGTAIL_DEFAULT_TASK)
    workflow = Workflow.objects.create(name=moderation.WAGTAIL_DEFAULT_WORKFLOW)
    workflow.workflow_tasks.create(task=task, sort_order=0)
    WorkflowPage.objects.create(page=swedish, workflow=workflow)
    moderation.load()
    assert not Workflow.objects.filter(name=moderation.WAGTAIL_DEFAULT_WORKFLOW).exists()
    assert not GroupApprovalTask.objects.filter(name=moderation.WAGTAIL_DEFAULT_TASK).exists()
    assert type(swedish).objects.get(pk=swedish.pk).get_workflow().name == moderation.WORKFLOW_NAME


def test_a_wagtail_workflow_with_history_is_disabled_not_deleted(site_content):
    page = site_content.page("giid-network")
    task = GroupApprovalTask.objects.create(name=moderation.WAGTAIL_DEFAULT_TASK)
    workflow = Workflow.objects.create(name=moderation.WAGTAIL_DEFAULT_WORKFLOW)
    workflow.workflow_tasks.create(task=task, sort_order=0)
    state = WorkflowState.objects.create(
        content_type=page.content_type,
        base_content_type=page.content_type,
        object_id=str(page.pk),
        workflow=workflow,
        status=WorkflowState.STATUS_APPROVED,
    )
    revision = page.save_revision()
    TaskState.objects.create(workflow_state=state, revision=revision, task=task, status=TaskState.STATUS_APPROVED)
    moderation.load()
    workflow.refresh_from_db()
    task.refresh_from_db()
    assert not workflow.active and not task.active
    assert WorkflowState.objects.filter(workflow=workflow).count() == 1


@pytest.mark.parametrize(
    "language,description",
    [
        ("da", "Kan redigere danske sider og sende dem til godkendelse"),
        ("sv", "Kan redigera danska sidor och skicka dem för godkännande"),
        ("en", "May edit Danish pages and submit them for approval"),
        ("da", "Kan oversætte til engelsk og redigere og udgive sider på engelsk direkte."),
        ("sv", "Kan översätta till engelska och redigera och publicera sidor på engelska direkt."),
        ("en", "May translate into Swedish, and edit and publish pages in Swedish directly."),
    ],
)
def test_the_groups_list_says_what_each_group_may_do(client, site_content, language, description):
    from wagtail.users.models import UserProfile

    admin = UserFactory(groups=[ADMINISTRATORS], is_superuser=True)
    UserProfile.objects.update_or_create(user=admin, defaults={"preferred_language": language})
    force_verified_login(client, admin)
    page = client.get("/admin/groups/").content.decode()
    assert description in page
    assert all(str(role.description) for role in ROLES)
