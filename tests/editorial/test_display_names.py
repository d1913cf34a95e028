"""Names kept as data (groups, the workflow and its task, permissions) show in the admin's language; code still finds them."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.template import Context, Template
from django.utils import translation
from wagtail.models import GroupApprovalTask, Workflow

from accounts.testing import force_verified_login
from editorial.moderation import TASK_NAME, WORKFLOW_NAME
from editorial.roles import ADMINISTRATORS, APPROVERS, TRANSLATORS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SHOWN = {
    "da": {TRANSLATORS["sv"]: "Oversættere (svensk)", APPROVERS: "Kommunikation – godkendere",
           WORKFLOW_NAME: "godkendelse af danske sider", TASK_NAME: "kommunikationsgodkenderne"},
    "sv": {TRANSLATORS["sv"]: "Översättare (svenska)", APPROVERS: "Kommunikation – godkännare",
           WORKFLOW_NAME: "godkännande av danska sidor", TASK_NAME: "kommunikationsgodkännarna"},
    "en": {TRANSLATORS["sv"]: "Translators (Swedish)", APPROVERS: "Communications approvers",
           WORKFLOW_NAME: "approval of Danish pages", TASK_NAME: "the communications approvers"},
}


@pytest.mark.parametrize("language", SHOWN)
def test_names_show_in_the_active_language_and_stay_stored_as_they_were(site_content, language):
    objects = {
        TRANSLATORS["sv"]: Group.objects.get(name=TRANSLATORS["sv"]),
        APPROVERS: Group.objects.get(name=APPROVERS),
        WORKFLOW_NAME: Workflow.objects.get(name=WORKFLOW_NAME),
        TASK_NAME: GroupApprovalTask.objects.get(name=TASK_NAME),
    }
    with translation.override(language):
        assert {stored: str(obj.name) for stored, obj in objects.items()} == SHOWN[language]
        assert {stored: Template("{{ obj }}").render(Context({"obj": obj})) for stored, obj in objects.items()} == SHOWN[language]
        assert "Send til %s" % objects[WORKFLOW_NAME].name == f"Send til {SHOWN[language][WORKFLOW_NAME]}"
    for stored, obj in objects.items():
        assert obj.name == stored
        obj.save()
    assert Group.objects.filter(name=TRANSLATORS["sv"]).exists() and Workflow.objects.filter(name=WORKFLOW_NAME).exists()


def test_a_form_saved_with_the_translated_name_keeps_the_stored_name(client, site_content):
    """The group editor shows the translated name in its field; saving it unchanged must not rename the group."""
    from wagtail.users.models import UserProfile

    administrator = UserFactory(groups=[ADMINISTRATORS], is_superuser=True)
    profile = UserProfile.get_for_user(administrator)
    profile.preferred_language = "sv"
    profile.save()
    force_verified_login(client, administrator)
    group = Group.objects.get(name=TRANSLATORS["sv"])
    page = client.get(f"/admin/groups/edit/{group.pk}/")
    assert 'value="Översättare (svenska)"' in page.content.decode()
    group.name = "Översättare (svenska)"
    group.save()
    assert Group.objects.get(pk=group.pk).name == TRANSLATORS["sv"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [("da", "Kan tilføje gruppe"), ("sv", "Kan lägga till grupp"), ("en", "Can add group")],
)
def test_djangos_permission_names_show_in_the_active_language(site_content, language, expected):
    permission = Permission.objects.get(codename="add_group")
    with translation.override(language):
        assert str(permission.name) == expected
    assert permission.name == "Can add group"


def test_a_footer_text_is_listed_in_the_admins_language_whatever_language_saved_it(site_content):
    """Wagtail lists data by the title stored with its latest revision: once "Sidefodstekst (sv)" to Swedish translators."""
    from wagtail.admin.utils import get_latest_str

    from sciencecity.models import FooterText

    footer = FooterText.objects.get(locale__language_code="sv")
    with translation.override("da"):
        footer.save_revision()
    footer = FooterText.objects.get(pk=footer.pk)
    with translation.override("sv"):
        assert str(get_latest_str(footer)) == "Sidfotstext (sv)"
    with translation.override("da"):
        assert str(get_latest_str(footer)) == "Sidefodstekst (sv)"
