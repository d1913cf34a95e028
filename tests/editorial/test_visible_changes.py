"""Editors change nothing visitors see without an approver: no deleting live data, by the view or in bulk.

Every model of data in the roles table; the media rules are walked in test_role_table.py.
"""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from accounts.testing import force_verified_login
from editorial.roles import APPROVERS, EDITORS
from sciencecity import registry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def delete_url(obj) -> str:
    return reverse(f"wagtailsnippets_{obj._meta.app_label}_{obj._meta.model_name}:delete", args=[obj.pk])


def bulk_delete_url(obj) -> str:
    return f"/admin/bulk/{obj._meta.app_label}/{obj._meta.model_name}/delete/?id={obj.pk}"


def never_published_copy(obj):
    """A Danish draft of the same kind that was never published (a copy of ``obj`` under a new key)."""
    import uuid

    draft = type(obj).objects.get(pk=obj.pk)
    draft.pk = draft.id = None
    draft.translation_key, draft.live, draft.live_revision = uuid.uuid4(), False, None
    if hasattr(draft, "slug"):
        draft.slug = f"{draft.slug}-kladde"
    draft.save()
    return draft


@pytest.mark.parametrize("model", registry.editorial_models, ids=lambda model: model.__name__)
def test_an_editor_deletes_a_draft_but_not_live_data_and_an_approver_may(client, site_content, model):
    live = model.objects.filter(locale=Locale.get_default(), live=True).first()
    editor = UserFactory(groups=[EDITORS])
    force_verified_login(client, editor)
    client.post(delete_url(live))
    client.post(bulk_delete_url(live))
    assert model.objects.filter(pk=live.pk).exists()

    draft = never_published_copy(live)
    client.post(delete_url(draft))
    # Editors delete drafts of what they may delete at all (the footer text is only ever changed).
    may_delete = editor.has_perm(f"{model._meta.app_label}.delete_{model._meta.model_name}")
    assert model.objects.filter(pk=draft.pk).exists() is not may_delete

    approver = UserFactory(groups=[APPROVERS])
    force_verified_login(client, approver)
    client.post(bulk_delete_url(live))
    may_delete = approver.has_perm(f"{model._meta.app_label}.delete_{model._meta.model_name}")
    assert model.objects.filter(pk=live.pk).exists() is not may_delete
