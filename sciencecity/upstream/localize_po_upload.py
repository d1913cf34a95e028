"""A safe front for wagtail-localize's PO file upload: every bad file is refused with a message, nothing changes.

Upstream gap (wagtail-localize 1.14, ``views/edit_translation.upload_pofile``):
a POST without a file raises ``KeyError`` (HTTP 500), and so does a valid PO
file without wagtail-localize's ``X-WagtailLocalize-TranslationID`` header;
a file for another language is imported into this one as long as the header
matches. This view is mounted at the same address, in front of the upstream
one: it checks the file (present, not too big, UTF-8, parses as PO, made for
this translation and this language) and hands it to ``Translation.import_po``
only when all is well. Delete this module and its URL in ``sciencecity/urls.py``
once upstream refuses these files itself.

Upstream: no issue found (searched 2026-12-07; closest https://github.com/wagtail/wagtail-localize/issues/150, closed,
whose comments note that a malformed PO file or a JPEG is not handled); to report: upload_pofile answers 500
to a missing file or translation header, and imports a PO file made for another language.
"""

import polib
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

MAX_PO_BYTES = 5 * 1024 * 1024
HEADER = "X-WagtailLocalize-TranslationID"


def read_po_file(upload, translation: Translation) -> tuple[polib.POFile | None, str]:
    """The parsed PO file, or None and the reason it cannot be imported into ``translation``."""
    if upload is None:
        return None, _("Choose a PO file to upload.")
    if upload.size > MAX_PO_BYTES:
        return None, _("The file is too big for a PO file (at most 5 MB).")
    try:
        text = upload.read().decode("utf-8")
    except UnicodeDecodeError:
        return None, _("The file is not a PO file: it is not UTF-8 text.")
    try:
        # polib takes a string as either contents or a path: passing contents that
        # look like a path would make it read a file from the server, so refuse them.
        if "\n" not in text and "msgid" not in text:
            raise OSError("not PO contents")
        po = polib.pofile(text)
    except (OSError, ValueError, UnicodeDecodeError):
        return None, _("The file is not a valid PO file.")
    if not len(po):
        return None, _("The PO file has no strings to import.")
    translation_id = po.metadata.get(HEADER)
    if not translation_id:
        return None, _(
            "The PO file has no wagtail-localize translation header. Download the PO file of this translation, "
            "translate it and upload that file."
        )
    if translation_id != str(translation.uuid):
        return None, _("The PO file was made for another page or item. Upload the PO file of this translation.")
    language = (po.metadata.get("Language") or "").replace("_", "-").lower()
    if language and language.split("-")[0] != translation.target_locale.language_code.split("-")[0]:
        return None, _("The PO file is for another language (%(language)s).") % {"language": language}
    return po, ""


@require_admin_access
@login_required
@require_POST
def upload_pofile(request, translation_id):
    """Import an uploaded PO file into a translation, or say why not and change nothing."""
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied

    po, problem = read_po_file(request.FILES.get("file"), translation)
    if problem:
        messages.error(request, problem)
    else:
        with transaction.atomic():
            translation.import_po(po, user=request.user, tool_name="PO File")
        messages.success(request, _("The translations in the PO file have been imported."))

    next_url = get_valid_next_url_from_request(request)
    return redirect(next_url or reverse("wagtailadmin_home"))
