"""What the edge sends besides the app's answers: no version, and the app's security headers on /media/."""

import pytest
from django.conf import settings

from .edge import raw_get, running_edge

# The headers the app puts on every static file (SecurityMiddleware, sciencecity.security, django-csp).
STATIC_SECURITY_HEADERS = ["content-security-policy", "permissions-policy", "cross-origin-resource-policy",
                           "x-content-type-options", "referrer-policy", "cross-origin-opener-policy"]


@pytest.fixture
def edge(tmp_path):
    with running_edge(tmp_path) as (base, media):
        (media / "original_images").mkdir()
        (media / "original_images" / "foto.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really")
        (media / "documents").mkdir()
        (media / "documents" / "referat.txt").write_text("privat")
        (media / "wagtail_uploads").mkdir()
        (media / "wagtail_uploads" / "ventende.png").write_bytes(b"\x89PNG\r\n\x1a\nawaiting its collection")
        yield base


def app_static_headers(client) -> dict[str, str]:
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    return {name.lower(): value for name, value in response.headers.items()}


def test_the_edge_does_not_name_its_version(edge):
    for path in ("/da/", "/media/original_images/foto.png", "/media/nothing-here.png"):
        _status, headers, _body = raw_get(edge, path)
        assert headers["server"] == ["nginx"], path


def test_media_gets_the_apps_static_headers_and_runs_nothing(edge, client):
    static = app_static_headers(client)
    assert set(STATIC_SECURITY_HEADERS) <= set(static)
    status, headers, body = raw_get(edge, "/media/original_images/foto.png")
    assert status == 200 and body.startswith(b"\x89PNG")
    for name in STATIC_SECURITY_HEADERS:
        assert len(headers.get(name, [])) == 1, f"{name}: {headers.get(name)}"
        if name != "content-security-policy":
            assert headers[name] == [static[name]], name
    # An uploaded file is never a page: it may load and run nothing at all.
    assert headers["content-security-policy"] == ["default-src 'none'"]
    assert "strict-transport-security" not in headers, "HSTS only over HTTPS, as the app does"


def test_media_over_https_gets_hsts_as_the_app_sends_it(edge):
    _status, headers, _body = raw_get(edge, "/media/original_images/foto.png", {"X-Forwarded-Proto": "https"})
    assert headers["strict-transport-security"] == ["max-age=31536000; includeSubDomains; preload"]


def test_documents_never_come_from_disk_and_their_refusal_carries_the_headers_too(edge):
    status, headers, body = raw_get(edge, "/media/documents/referat.txt")
    assert status == 404 and b"privat" not in body
    assert headers["content-security-policy"] == ["default-src 'none'"]
    assert headers["x-content-type-options"] == ["nosniff"]


def test_the_permissions_policy_at_the_edge_is_the_apps():
    template = (settings.BASE_DIR / "deploy" / "nginx" / "sciencecity.conf.template").read_text()
    assert f'"{settings.PERMISSIONS_POLICY}"' in template


def test_uploads_awaiting_their_details_are_never_served(edge):
    """Wagtail keeps an upload whose form is not yet filled in under wagtail_uploads/, before its collection
    (perhaps a private one) is known: the edge serves none of them (issue 36, finding 16)."""
    status, headers, body = raw_get(edge, "/media/wagtail_uploads/ventende.png")
    assert status == 404 and b"awaiting" not in body
    assert headers["content-security-policy"] == ["default-src 'none'"]
