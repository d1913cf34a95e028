"""Images stay out of private collections: Wagtail's collection privacy protects documents only."""

import io
import json
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, UploadedFile

from accounts.testing import force_verified_login
from editorial.roles import ADMINISTRATORS
from tests.factories import ImageFactory, UserFactory

pytestmark = pytest.mark.django_db

IMAGE_MESSAGES = {
    "da": "Billeder kan ikke ligge i en privat samling",
    "sv": "Bilder kan inte ligga i en privat samling",
}
HOLDS_IMAGES = {
    "da": "Samlingen indeholder billeder",
    "sv": "Samlingen innehåller bilder",
}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def admin_client(client, site_content):
    force_verified_login(client, UserFactory(groups=[ADMINISTRATORS], is_superuser=True))
    return client


@pytest.fixture
def private():
    collection = Collection.get_first_root_node().add_child(name="Bestyrelsen")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    return collection


@pytest.fixture
def public():
    return Collection.get_first_root_node().add_child(name="Presse")


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return SimpleUploadedFile("foto.png", buffer.getvalue(), content_type="image/png")


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.mark.parametrize("language", ["da", "sv"])
def test_an_image_cannot_be_uploaded_into_a_private_collection(admin_client, private, language):
    before = get_image_model().objects.count()
    response = admin_client.post("/admin/images/add/", {"title": "Foto", "file": png(), "collection": private.pk},
                                 HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert IMAGE_MESSAGES[language] in " ".join(response.context["form"].errors["collection"])
    assert get_image_model().objects.count() == before


def test_an_image_cannot_be_uploaded_into_a_collection_inside_a_private_one(admin_client, private):
    inner = private.add_child(name="Møder")
    response = admin_client.post("/admin/images/add/", {"title": "Foto", "file": png(), "collection": inner.pk})
    assert response.status_code == 200
    assert not get_image_model().objects.filter(collection=inner).exists()


def test_the_multiple_upload_and_the_chooser_refuse_a_private_collection(admin_client, private, public):
    for collection in (private, public):
        admin_client.post("/admin/images/multiple/add/", {"files[]": png(), "collection": collection.pk},
                          HTTP_X_REQUESTED_WITH="XMLHttpRequest")
        admin_client.post("/admin/images/chooser/create/", {"image-chooser-upload-title": "Foto",
                          "image-chooser-upload-file": png(), "image-chooser-upload-collection": collection.pk})
    assert not get_image_model().objects.filter(collection=private).exists()
    # The same requests do upload into a public collection.
    assert get_image_model().objects.filter(collection=public).count() == 2


def test_an_image_cannot_be_moved_into_a_private_collection(admin_client, private, public):
    image = ImageFactory(collection=public)
    response = admin_client.post(f"/admin/images/{image.pk}/", {"title": image.title, "collection": private.pk})
    assert response.status_code == 200
    assert IMAGE_MESSAGES["da"] in text(response)
    image.refresh_from_db()
    assert image.collection == public


def test_images_cannot_be_added_to_a_private_collection_in_bulk(admin_client, private, public):
    images = [ImageFactory(collection=public) for _ in range(2)]
    url = "/admin/bulk/wagtailimages/image/add_to_collection/?" + "&".join(f"id={image.pk}" for image in images)
    response = admin_client.post(url, {"collection": private.pk})
    assert response.status_code == 200
    assert IMAGE_MESSAGES["da"] in text(response)
    assert {image.collection for image in get_image_model().objects.filter(pk__in=[i.pk for i in images])} == {public}


@pytest.mark.parametrize("language", ["da", "sv"])
def test_a_collection_holding_images_cannot_be_made_private(admin_client, public, language):
    ImageFactory(collection=public.add_child(name="Pressefotos"))
    for restriction in ("login", "password"):
        response = admin_client.post(f"/admin/collections/{public.pk}/privacy/",
                                     {"restriction_type": restriction, "password": "hemmelig-kode"},
                                     HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200
        data = json.loads(response.content)
        assert data["step"] == "set_privacy"
        assert HOLDS_IMAGES[language] in data["html"]
    assert not CollectionViewRestriction.objects.filter(collection=public).exists()


def test_a_collection_without_images_can_still_be_made_private(admin_client, public):
    response = admin_client.post(f"/admin/collections/{public.pk}/privacy/", {"restriction_type": "login"})
    assert json.loads(response.content)["step"] == "set_privacy_done"
    assert CollectionViewRestriction.objects.filter(collection=public).exists()


def test_a_collection_holding_images_cannot_be_moved_into_a_private_one(admin_client, private, public):
    ImageFactory(collection=public)
    response = admin_client.post(f"/admin/collections/{public.pk}/", {"name": public.name, "parent": private.pk})
    assert response.status_code == 200
    assert HOLDS_IMAGES["da"] in text(response)
    public.refresh_from_db()
    assert public.get_parent().pk == Collection.get_first_root_node().pk


@pytest.mark.parametrize("language", ["da", "sv"])
def test_a_refused_upload_leaves_no_file_behind_to_be_read(admin_client, private, settings, language):
    """Wagtail's multiple upload keeps a file whose form fails on another field than the file, to be completed
    later, under /media/wagtail_uploads/, where anyone could read it: a refused image must leave nothing."""
    response = admin_client.post("/admin/images/multiple/add/", {"files[]": png(), "collection": private.pk},
                                 HTTP_X_REQUESTED_WITH="XMLHttpRequest", HTTP_ACCEPT_LANGUAGE=language)
    data = json.loads(response.content)
    assert data["success"] is False
    assert IMAGE_MESSAGES[language] in data["error_message"]
    assert not UploadedFile.objects.exists()
    assert [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()] == []
