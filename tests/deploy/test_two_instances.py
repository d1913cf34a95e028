"""Two application instances on one PostgreSQL database and one Redis cache: a change through one is
read from the other at once. Needs both (tests/services.py); .ci/run provides them."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import ExitStack

import pytest
from django.conf import settings
from django.db import connection
from django.test.client import MULTIPART_CONTENT, encode_multipart

pytestmark = [pytest.mark.postgresql, pytest.mark.redis, pytest.mark.throwaway_site]

PASSWORD = "et-godt-langt-kodeord-42"
NEW_TEXT = "Science City Lyngby vill att alla kan använda webbplatsen, i dag och i morgon."


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    """The test database the suite runs on, for the instances to share."""
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def production_env(port: int, static_root) -> dict:
    """The environment of an instance under production settings, sharing the suite's database and Redis."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sciencecity.settings.production",
        "SECRET_KEY": "two-instances-test-secret-not-used-anywhere-else-1234567890abc",
        "ALLOWED_HOSTS": "127.0.0.1",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "SECURE_SSL_REDIRECT": "0",
        "WEB_CONCURRENCY": "2",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "STATIC_ROOT": str(static_root),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def start_instance(port: int, static_root, stack: ExitStack) -> str:
    """A gunicorn instance under production settings on 127.0.0.1:port; its base URL once it answers."""
    env = production_env(port, static_root)
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "sciencecity.wsgi"],
        cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    stack.callback(lambda: (process.terminate(), process.wait(timeout=20)))
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{base}/health/", timeout=5):  # noqa: S310 - our own instance
                return base
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def read(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our own instance
        return response.read().decode()


class AdminSession:
    """An editor's admin session against one instance, as behind the TLS-terminating proxy of production.

    The instances speak plain HTTP but are told the request came over HTTPS
    (``X-Forwarded-Proto``), so they set Secure cookies; this session keeps and
    returns them itself, as a browser talking HTTPS to the proxy would.
    """

    def __init__(self, base: str):
        self.base = base
        self.cookies: dict[str, str] = {}

    def csrf(self) -> str:
        return self.cookies["csrftoken"]

    def send(self, method: str, path: str, body: bytes = b"", content_type: str = "application/x-www-form-urlencoded"):
        request = urllib.request.Request(self.base + path, data=body or None, method=method)
        request.add_header("X-Forwarded-Proto", "https")
        request.add_header("Referer", self.base.replace("http://", "https://") + path)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{name}={value}" for name, value in self.cookies.items()))
        if body:
            request.add_header("Content-Type", content_type)
        if "csrftoken" in self.cookies:
            request.add_header("X-CSRFToken", self.csrf())
        opener = urllib.request.build_opener(NoRedirects)
        try:
            response = opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response.status, response.read().decode()

    def log_in(self, username: str, password: str):
        _status, html = self.send("GET", "/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        body = urllib.parse.urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token})
        status, _html = self.send("POST", "/admin/login/", body.encode())
        assert status == 302 and "sessionid" in self.cookies, status


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """Keep redirects as answers: the session decides where to go next."""

    def redirect_request(self, *args, **kwargs):
        return None


def test_a_change_through_one_instance_is_read_from_the_other_at_once(django_db_setup, django_db_blocker, tmp_path):
    from wagtail.models import Page
    from wagtail_localize.models import StringSegment, Translation

    from editorial.roles import TRANSLATORS
    from seeding.tools import seed_key
    from tests.factories import UserFactory

    with django_db_blocker.unblock():
        from django.contrib.auth.hashers import PBKDF2PasswordHasher

        translator = UserFactory(username="oversaetter-to-instanser", groups=[TRANSLATORS["sv"]])
        # Hashed as production checks it (the suite itself uses a fast test-only hasher).
        translator.password = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
        translator.save()
        swedish = Page.objects.get(translation_key=seed_key("accessibility-statement"), locale__language_code="sv")
        translation = Translation.objects.get(source__object_id=swedish.translation_key, target_locale=swedish.locale)
        segment = StringSegment.objects.get(source=translation.source, context__path="introduction")
        url = swedish.url

    # Production serves hashed static files from a manifest: build them once, as a deployment does.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=settings.BASE_DIR, env=production_env(0, tmp_path), check=True,
    )
    with ExitStack() as stack:
        first, second = (start_instance(free_port(), tmp_path, stack) for _ in range(2))
        before = read(second + url)
        assert NEW_TEXT not in before and read(second + url) == before  # the second has built its menu and footer

        session = AdminSession(first)
        session.log_in(translator.username, PASSWORD)
        status, _ = session.send(
            "PUT",
            f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
            encode_multipart("BoUnDaRy", {"value": NEW_TEXT}),
            MULTIPART_CONTENT,
        )
        assert status in (200, 201)
        status, _ = session.send(
            "POST",
            f"/admin/pages/{swedish.pk}/edit/",
            urllib.parse.urlencode({"action": "publish", "csrfmiddlewaretoken": session.csrf()}).encode(),
        )
        assert status in (200, 302)

        assert NEW_TEXT in read(second + url)

    with django_db_blocker.unblock():
        from wagtail_localize.models import StringTranslation

        StringTranslation.objects.filter(translation_of=segment.string, locale=swedish.locale).delete()
        translator.delete()
