"""Nobody is left unaware that the purge queue's worker has stopped: the dashboard warns administrators."""

import datetime

import pytest
from django.utils import timezone
from wagtail.users.models import UserProfile

from accounts.testing import force_verified_login
from editorial.roles import ADMINISTRATORS, EDITORS
from edge.purge import purge_frontend_caches
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

WARNING = {
    "da": "Ændringer har ventet i mere end 4 minutter på at nå de besøgende",
    "sv": "Ändringar har väntat i mer än 4 minuter på att nå besökarna",
    "en": "Changes have waited more than 4 minutes to reach visitors",
}


@pytest.fixture
def stuck_purge(settings):
    """A purge queued four minutes ago that no worker has taken."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {**settings.TASKS, "purge": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    purge_frontend_caches.enqueue([])
    DBTaskResult.objects.filter(backend_name="purge").update(enqueued_at=timezone.now() - datetime.timedelta(minutes=4, seconds=5))


def dashboard(client, groups, language: str, superuser: bool = False) -> str:
    user = UserFactory(groups=groups, is_superuser=superuser)
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    force_verified_login(client, user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


@pytest.mark.parametrize("language", ["da", "sv", "en"])
def test_administrators_are_warned_in_their_language(client, site_content, stuck_purge, language):
    assert WARNING[language] in dashboard(client, [ADMINISTRATORS], language, superuser=True)


def test_editors_are_not_troubled_with_it(client, site_content, stuck_purge):
    assert WARNING["da"] not in dashboard(client, [EDITORS], "da")


def test_no_warning_while_purges_run(client, site_content, settings):
    settings.TASKS = {**settings.TASKS, "purge": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    purge_frontend_caches.enqueue([])  # queued a moment ago: the worker has not had its turn yet
    assert "Changes have waited" not in dashboard(client, [ADMINISTRATORS], "en", superuser=True)
