"""Wagtail's moderation sentences, with the workflow's and the task's names inside them, read as Danish and Swedish."""

import pytest
from wagtail.users.models import UserProfile

from accounts.testing import force_verified_login
from editorial.roles import EDITORS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def editor_in(client, language):
    """A communications editor whose admin is in ``language``, signed in."""
    editor = UserFactory(groups=[EDITORS])
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    force_verified_login(client, editor)
    return editor


@pytest.mark.parametrize(
    ("language", "submit", "banner"),
    [
        ("da", "Send til godkendelse af danske sider", "afventer godkendelse. "),
        ("sv", "Skicka till godkännande av danska sidor", "väntar på godkännande. "),
    ],
)
def test_the_submit_button_and_the_lock_banner_read_as_the_language(client, site_content, language, submit, banner):
    editor = editor_in(client, language)
    page = site_content.page("giid-network")
    assert submit in client.get(f"/admin/pages/{page.id}/edit/").content.decode()

    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    html = client.get(f"/admin/pages/{page.id}/edit/").content.decode()
    assert banner in html
    # Not "Dette side afventer godkendelse. Kun opgavens godkendere kan redigere side." nor a capital mid-sentence.
    assert "Dette side" not in html and "redigere side." not in html and "Godkendelse af danske sider" not in html
