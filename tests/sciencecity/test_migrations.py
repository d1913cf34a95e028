"""Models and migrations agree, and StreamField block definitions stay out of migrations."""

import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    call_command("makemigrations", "--check", "--dry-run", stdout=io.StringIO())


def test_migrations_hold_no_block_definitions():
    from django.conf import settings

    for app in ("sciencecity", "partnerships", "districts", "workshops"):
        for migration in (settings.BASE_DIR / app / "migrations").glob("0*.py"):
            assert "wagtail.blocks" not in migration.read_text(), migration
