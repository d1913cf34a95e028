"""Media in an S3 bucket (moto in server mode): images public at stable unsigned addresses, documents only
through Wagtail's view, after its permission checks, at signed addresses that expire."""

import io
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

from sciencecity.settings.media import media_storage
from tests.s3 import new_bucket, s3_environment


def fetch(url: str) -> tuple[int, bytes]:
    """(status, body) of an anonymous GET, error statuses included."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - the test's own S3 server
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.fixture
def bucket(s3_endpoint, settings, monkeypatch):
    """The site's media in a fresh bucket, configured from the environment exactly as production would be."""
    name = new_bucket()
    for variable, value in s3_environment(s3_endpoint, name).items():
        monkeypatch.setenv(variable, value)
    storage, origin = media_storage()
    assert origin == s3_endpoint
    settings.STORAGES = {**settings.STORAGES, "default": storage}
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"
    call_command("prepare_media_bucket", stdout=io.StringIO())
    return f"{s3_endpoint}/{name}/"


def test_an_image_and_its_rendition_have_public_unsigned_addresses_on_the_bucket(db, bucket):
    image = get_image_model().objects.create(title="Tegning", file=get_test_image_file("tegning.png", size=(320, 200)))
    rendition = image.get_rendition("width-160")

    for url in (image.file.url, rendition.url):
        assert url.startswith(bucket), url
        assert "?" not in url, f"{url} is signed, so cached pages would break when it expires"
        status, body = fetch(url)
        assert status == 200 and body[:8] == b"\x89PNG\r\n\x1a\n", (url, status)
    assert rendition.url == image.get_rendition("width-160").url  # stable


def test_documents_are_not_readable_unsigned(db, bucket):
    document = get_document_model().objects.create(title="Referat", file=ContentFile("Referat af mødet.\n".encode(), name="referat.txt"))
    assert fetch(bucket + document.file.name)[0] == 403


def test_a_document_goes_through_wagtails_view_to_a_signed_address_that_expires(db, client, bucket):
    document = get_document_model().objects.create(title="Referat", file=ContentFile("Referat af mødet.\n".encode(), name="referat.txt"))
    assert document.url.startswith("/documents/")

    response = client.get(document.url)
    assert response.status_code == 302
    signed = response["Location"]
    assert signed.startswith(bucket + "documents/referat")
    query = parse_qs(urlsplit(signed).query)
    assert query["X-Amz-Expires"] == ["60"] and query["X-Amz-Signature"]
    assert fetch(signed) == (200, "Referat af mødet.\n".encode())
    assert "no-store" in response["Cache-Control"]


def test_a_document_of_a_private_collection_is_refused_to_anonymous_visitors(db, client, bucket):
    private = Collection.get_first_root_node().add_child(name="Interne dokumenter")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document = get_document_model().objects.create(
        title="Intern note", collection=private, file=ContentFile(b"Kun for medarbejdere.\n", name="intern.txt")
    )

    response = client.get(document.url)
    assert response.status_code == 302
    assert not response["Location"].startswith(bucket), "an anonymous visitor got the private document's address"
    assert "/login/" in response["Location"]
    assert fetch(bucket + document.file.name)[0] == 403


def test_a_bucket_needs_its_endpoint(monkeypatch):
    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", "sciencecity-media")
    monkeypatch.delenv("AWS_S3_ENDPOINT_URL", raising=False)
    with pytest.raises(ImproperlyConfigured, match="AWS_S3_ENDPOINT_URL"):
        media_storage()


def test_without_a_bucket_media_stay_on_the_local_disk(monkeypatch):
    monkeypatch.delenv("AWS_STORAGE_BUCKET_NAME", raising=False)
    assert media_storage() == ({"BACKEND": "django.core.files.storage.FileSystemStorage"}, None)


def test_images_from_a_cdn_keep_their_address_and_documents_stay_signed_on_the_endpoint(db, bucket, monkeypatch, settings):
    monkeypatch.setenv("AWS_S3_CUSTOM_DOMAIN", "media.sciencecity.invalid")
    storage, origin = media_storage()
    assert origin == "https://media.sciencecity.invalid"
    settings.STORAGES = {**settings.STORAGES, "default": storage}
    from django.core.files.storage import default_storage

    assert default_storage.url("images/tegning.width-160.png") == "https://media.sciencecity.invalid/images/tegning.width-160.png"
    assert default_storage.url("documents/referat.txt").startswith(bucket + "documents/referat.txt?")
