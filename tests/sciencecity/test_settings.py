"""Production settings: deploy checks pass with the required variables, and fail loudly without them."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "sciencecity.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-for-the-deploy-check-only-1234567890",
    "ALLOWED_HOSTS": "sciencecity.example",
    "WAGTAILADMIN_BASE_URL": "https://sciencecity.example",
    "DATABASE_URL": "sqlite:///:memory:",
}


def manage(*args, env_overrides=None, drop=()):
    env = {**os.environ, **PRODUCTION_ENV, **(env_overrides or {})}
    # The browser tests allow Django's blocking calls beside Playwright's event
    # loop; a production process must not inherit that.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    for name in drop:
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_under_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("variable", ["SECRET_KEY", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL"])
def test_a_missing_required_variable_stops_start_up_naming_it(variable):
    result = manage("check", drop=[variable])
    assert result.returncode != 0
    assert f"The environment variable {variable} is required in production" in result.stderr


def test_https_redirect_can_be_turned_off_behind_a_tls_proxy():
    result = manage(
        "shell", "-c", "from django.conf import settings; print(settings.SECURE_SSL_REDIRECT)",
        env_overrides={"SECURE_SSL_REDIRECT": "0"},
    )
    assert result.stdout.strip().endswith("False"), result.stderr
