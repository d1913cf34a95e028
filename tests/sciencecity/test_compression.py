"""gunicorn alone compresses HTML (a supported deployment has no compressing front), with Django's BREACH padding."""

import gzip

import pytest

pytestmark = pytest.mark.django_db


def test_a_page_is_gzip_encoded_for_a_browser_that_accepts_it(client, site_content):
    url = site_content.page("giid-partnership").url
    plain = client.get(url)
    compressed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert compressed.status_code == 200
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    html = gzip.decompress(compressed.content)
    assert html.startswith(b"<!DOCTYPE html>") and html == plain.content
    # As small as gzip makes it, give or take the random padding Django adds against BREACH
    # (the map's outline, numbers mostly, keeps the ratio near 3 rather than above it).
    assert len(compressed.content) <= len(gzip.compress(plain.content, compresslevel=6, mtime=0)) + 128
    assert len(compressed.content) < len(plain.content) / 2
    assert "Content-Encoding" not in plain, "a client that does not accept gzip gets the page plain"
