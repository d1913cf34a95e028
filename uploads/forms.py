"""Safe uploads: Wagtail's image and document forms, with each new file's real type checked from its bytes.

Wagtail already limits the size, the file name's extension and (for images)
the pixel count, and recognises an image's format from its header. These
forms add what it does not: an image must decode completely (a truncated or
otherwise broken file is refused), and a document's content must be what its
extension says (a "PDF" that is HTML, a "DOCX" that is not an Office file).
Every refusal is an error on the file field, so Wagtail stores nothing: no
image or document row, and no file in MEDIA_ROOT. They also give Wagtail's
messages, which it ships without a Danish translation, in our own words. And
they refuse a change to what visitors see that needs an approver (replacing a
file in use, making a private document public: uploads/rules.py).

Settings: WAGTAILIMAGES_IMAGE_FORM_BASE and WAGTAILDOCS_DOCUMENT_FORM_BASE
point here; the limits are WAGTAILIMAGES_EXTENSIONS,
WAGTAILIMAGES_MAX_UPLOAD_SIZE, WAGTAILIMAGES_MAX_IMAGE_PIXELS,
WAGTAILDOCS_EXTENSIONS and WAGTAILDOCS_MAX_UPLOAD_SIZE.
"""

import warnings
import zipfile
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.images.utils import get_allowed_image_extensions

from sciencecity.upstream.private_collection_images import check_image_collection

from .rules import check_form

# Enough of the start of a file to recognise its type (filetype reads 8 KiB too).
HEAD_SIZE = 8192
# The zip parts that make each Office Open XML type what it is.
OOXML_PARTS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
OPENDOCUMENT_MIMETYPES = {"odt": b"application/vnd.oasis.opendocument.text"}
TEXT_EXTENSIONS = {"csv", "txt"}
# Markup that has no place at the start of a plain text or CSV file.
MARKUP_STARTS = (b"<!doctype", b"<html", b"<head", b"<body", b"<script", b"<svg", b"<?xml", b"<iframe")


def extension(upload) -> str:
    """The file name's extension, lower case, without the dot."""
    return PurePath(upload.name or "").suffix.lower().lstrip(".")


def read_head(upload) -> bytes:
    """The first bytes of the upload, leaving it rewound for whoever reads it next."""
    upload.seek(0)
    head = upload.read(HEAD_SIZE)
    upload.seek(0)
    return head


def is_new_upload(value) -> bool:
    """Whether the field holds a file sent with this request (not the stored one of an edit)."""
    return isinstance(value, UploadedFile)


def check_image_decodes(upload) -> None:
    """Refuse an image that does not decode completely: truncated, corrupt, or a bomb Pillow notices."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            upload.seek(0)
            with PILImage.open(upload) as image:
                image.verify()
            # verify() leaves the image unusable and does not decode pixels; load() does.
            upload.seek(0)
            with PILImage.open(upload) as image:
                image.load()
    except Exception as error:  # noqa: BLE001 - decoders raise many types; any failure means a broken file
        raise broken_image_error() from error
    finally:
        upload.seek(0)


def broken_image_error() -> ValidationError:
    """The refusal of an image that does not decode."""
    return ValidationError(
        _(
            "The image file is damaged or incomplete. "
            "Open it in an image program, save it again and upload the new file."
        ),
        code="broken_image",
    )


def document_matches_extension(upload, ext: str) -> bool:
    """Whether the document's bytes are the kind of file its extension names."""
    head = read_head(upload)
    if ext == "pdf":
        kind = filetype.guess(head)
        return kind is not None and kind.extension == "pdf"
    if ext in OOXML_PARTS or ext in OPENDOCUMENT_MIMETYPES:
        return zip_document_matches(upload, ext)
    if ext in TEXT_EXTENSIONS:
        return is_plain_text(head)
    return False


def zip_document_matches(upload, ext: str) -> bool:
    """Whether a zip-based Office or OpenDocument file has the parts its type requires."""
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if ext in OOXML_PARTS:
                return "[Content_Types].xml" in names and any(n.startswith(OOXML_PARTS[ext]) for n in names)
            # The first member of an OpenDocument file is its uncompressed "mimetype".
            return names[:1] == ["mimetype"] and archive.read("mimetype").strip() == OPENDOCUMENT_MIMETYPES[ext]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return False
    finally:
        upload.seek(0)


def is_plain_text(head: bytes) -> bool:
    """Whether the start of a file is text: no binary signature, no NUL bytes, and not HTML or other markup."""
    if filetype.guess(head) is not None or b"\x00" in head:
        return False
    return not head.lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith(MARKUP_STARTS)


class SafeImageField(WagtailImageField):
    """Wagtail's image field that also decodes the whole image, and never lets a decoder error escape."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages.update(image_error_messages())

    def check_image_pixel_size(self, f):
        # Willow decodes the whole image to read its size, so a decompression
        # bomb is first measured from its header alone; and Wagtail lets a
        # truncated file's OSError through as a server error.
        self.check_header_pixel_size(f)
        try:
            super().check_image_pixel_size(f)
        except ValidationError:
            raise
        except Exception as error:  # noqa: BLE001 - any decoder failure means a broken file
            raise broken_image_error() from error

    def check_header_pixel_size(self, f):
        """Refuse an image whose header claims more pixels than allowed, without decoding it."""
        if not self.max_image_pixels:
            return
        too_many = ValidationError(self.error_messages["file_too_many_pixels"], code="file_too_many_pixels")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", PILImage.DecompressionBombWarning)
                f.seek(0)
                with PILImage.open(f) as image:
                    width, height = image.size
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
            raise too_many from None
        except Exception:  # noqa: BLE001 - not readable by Pillow: Wagtail's own checks decide
            return
        finally:
            f.seek(0)
        if width * height > self.max_image_pixels:
            raise too_many

    def to_python(self, data):
        """Wagtail's checks (type from the header, size, pixels), then a full decode."""
        upload = super().to_python(data)
        if upload is not None:
            check_image_decodes(upload)
        return upload


class ImageForm(BaseImageForm):
    """Wagtail's image form with the file field that decodes uploads before they are stored."""

    def __init__(self, *args, **kwargs):
        self.user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            self.fields["file"] = SafeImageField(
                label=field.label, required=field.required, widget=field.widget, max_length=field.max_length
            )

    def clean(self):
        """Refuse a private collection: images there would stay public (sciencecity/upstream/private_collection_images.py)."""
        cleaned_data = super().clean()
        has_field = "collection" in self.fields
        try:
            check_image_collection(cleaned_data.get("collection") if has_field else self.instance.collection)
        except ValidationError as error:
            self.add_error("collection" if has_field else None, error)
        check_form(self, self.user)
        return cleaned_data


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing documents whose content is not what their name says."""

    def __init__(self, *args, **kwargs):
        self.user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].error_messages.update(document_error_messages())

    def clean(self):
        """Refuse changes to what visitors see that need an approver (uploads/rules.py)."""
        cleaned_data = super().clean()
        check_form(self, self.user)
        return cleaned_data

    def clean_file(self):
        """Check a newly uploaded document's type (from its name) and content (from its bytes)."""
        upload = self.cleaned_data.get("file")
        if not is_new_upload(upload):
            return upload
        ext = extension(upload)
        allowed = [e.lower() for e in getattr(settings, "WAGTAILDOCS_EXTENSIONS", [])]
        if ext not in allowed:
            raise ValidationError(
                _("Documents can only be of these types: %(formats)s.") % {"formats": format_list(allowed)},
                code="invalid_extension",
            )
        if not document_matches_extension(upload, ext):
            raise ValidationError(
                _(
                    "The content of this file is not a real .%(extension)s document, although its name says so. "
                    "Upload the original file, or save it again in the right format."
                )
                % {"extension": ext},
                code="disguised_document",
            )
        return upload

    def _post_clean(self):
        # Wagtail's Document.clean() checks the extension of the stored file
        # name, which is empty once an upload was refused here, and would add a
        # second, misleading message to ours; keep only the first.
        refused = self._errors.get("file") if self._errors else None
        kept = refused.copy() if refused else None
        super()._post_clean()
        if kept is not None:
            self._errors["file"] = kept


def format_list(extensions) -> str:
    """File types for people: "CSV, DOCX, PDF"."""
    return ", ".join(sorted({e.upper() for e in extensions}))


def image_error_messages() -> dict[str, str]:
    """Wagtail's image-field messages in our words; placeholders Wagtail fills later are kept."""
    formats = format_list(get_allowed_image_extensions())
    max_size = filesizeformat(getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", None) or 0)
    megapixels = round((getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None) or 0) / 1_000_000)
    return {
        "invalid_image": _(
            "This file is not an image, or the image is damaged. Upload an image of one of these types: %(formats)s."
        )
        % {"formats": formats},
        "invalid_image_extension": _("Images can only be of these types: %(formats)s.") % {"formats": formats},
        "invalid_image_known_format": _(
            "The file name ends in .%(extension)s, but the file is a %(image_format)s image. "
            "Give the file the right name, or save it again as .%(extension)s."
        ),
        "file_too_large": _("This file is too large (%(file_size)s). Images can be at most %(max_filesize)s."),
        "file_too_large_unknown_size": _("This file is too large. Images can be at most %(max_filesize)s.")
        % {"max_filesize": max_size},
        "file_too_many_pixels": _(
            "The image has too many pixels. It can be at most %(megapixels)s megapixels (width times height): "
            "make it smaller and upload it again."
        )
        % {"megapixels": megapixels},
    }


def document_error_messages() -> dict[str, str]:
    """Wagtail's document-field messages in our words; placeholders Wagtail fills later are kept."""
    max_size = filesizeformat(getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None) or 0)
    return {
        "file_too_large": _("This file is too large (%(file_size)s). Documents can be at most %(max_filesize)s."),
        "file_too_large_unknown_size": _("This file is too large. Documents can be at most %(max_filesize)s.")
        % {"max_filesize": max_size},
    }
