"""The dashboard saves staff time: approvals are confirmed, reviews come first, the checklist leads to the field
and says what is others' to supply; the account `make run` creates can save its preferences."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.users.models import UserProfile

from accounts.testing import force_verified_login
from editorial.checklist import open_items
from editorial.roles import APPROVERS, EDITORS, TRANSLATORS
from tests.factories import UserFactory
from tests.forms import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(site_content):
    """A change to a Danish page, submitted for approval; the page and its task state."""
    page = site_content.page("lund-collaboration")
    editor = UserFactory(groups=[EDITORS])
    page.introduction = "Et nyt afsnit til godkendelse."
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    return page, page.current_workflow_state.current_task_state


def test_approving_from_the_dashboard_says_it_is_published(client, submitted):
    page, task_state = submitted
    force_verified_login(client, UserFactory(groups=[APPROVERS]))
    # What the dashboard's "Approve" button posts.
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(url, {"next": "/admin/"}, follow=True)
    assert response.redirect_chain[-1][0] == "/admin/"
    messages = [message.get_text(" ", strip=True) for message in BeautifulSoup(response.content, "html.parser").select(".messages li")]
    assert messages == [f"»{page.title}« er godkendt og udgivet."]


def test_asking_for_changes_from_the_dashboard_says_it_went_back(client, submitted):
    page, task_state = submitted
    force_verified_login(client, UserFactory(groups=[APPROVERS]))
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk])
    # The dashboard's "Request changes" asks for a comment in a dialog, posted by script.
    response = client.post(url, {"comment": "Tjek årstallet.", "next": "/admin/"}, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.json()["step"] == "success"
    assert f"»{page.title}« er sendt tilbage til redaktøren" in client.get("/admin/").content.decode()


def test_what_awaits_the_approvers_review_comes_before_the_checklist(client, submitted):
    force_verified_login(client, UserFactory(groups=[APPROVERS]))
    html = client.get("/admin/").content.decode()
    assert 'id="awaiting-review' in html and 'id="launch-checklist' in html
    assert html.index('id="awaiting-review') < html.index('id="launch-checklist')


def test_every_checklist_link_to_a_form_lands_at_its_field(client, site_content):
    administrator = UserFactory(is_superuser=True)
    force_verified_login(client, administrator)
    forms = [item for item in open_items(administrator) if "/edit/" in item.url or "/settings/" in item.url]
    assert len(forms) >= 3  # the contact details, the partner's article, the drawings
    for item in forms:
        address = urlsplit(item.url)
        assert address.fragment, item.url
        html = BeautifulSoup(client.get(address.path).content, "html.parser")
        assert html.find(id=address.fragment) is not None, item.url


def test_a_translator_is_told_the_missing_things_are_for_others(client, site_content):
    everything = len(open_items(UserFactory(is_superuser=True)))
    translator = UserFactory(groups=[TRANSLATORS["sv"]])
    UserProfile.objects.update_or_create(user=translator, defaults={"preferred_language": "sv"})
    mine = len(open_items(translator))
    assert everything > mine
    client.force_login(translator)
    panel = BeautifulSoup(client.get("/admin/").content, "html.parser").select_one("#launch-checklist-section")
    text = panel.get_text(" ", strip=True)
    assert "Ingenting saknas" not in text
    assert f"{everything - mine} " in text and "andra i organisationen" in text


def test_the_account_make_run_creates_can_save_its_language(client, site_content, monkeypatch):
    get_user_model().objects.filter(is_superuser=True).delete()
    monkeypatch.delenv("ADMIN_EMAIL", raising=False)
    monkeypatch.setenv("ADMIN_USERNAME", "admin")
    monkeypatch.setenv("ADMIN_PASSWORD", "et-godt-langt-kodeord-42")
    call_command("ensure_admin", stdout=open("/dev/null", "w"))
    admin = get_user_model().objects.get(username="admin")
    force_verified_login(client, admin)

    account = reverse("wagtailadmin_account")
    data = form_data(client.get(account).content)
    data["locale-preferred_language"] = ["sv"]
    response = client.post(account, data)
    assert response.status_code == 302, BeautifulSoup(response.content, "html.parser").select(".error-message")
    assert UserProfile.get_for_user(admin).preferred_language == "sv"


def test_ensure_admin_completes_an_earlier_account_and_keeps_admin_email(site_content, monkeypatch):
    get_user_model().objects.filter(is_superuser=True).delete()
    earlier = get_user_model().objects.create_superuser(username="admin", email="", password="et-godt-langt-kodeord-42")
    monkeypatch.setenv("ADMIN_EMAIL", "kommunikation@sciencecity.invalid")
    monkeypatch.delenv("ADMIN_USERNAME", raising=False)
    call_command("ensure_admin", stdout=open("/dev/null", "w"))
    earlier.refresh_from_db()
    assert earlier.email == "kommunikation@sciencecity.invalid"
    assert earlier.first_name and earlier.last_name
