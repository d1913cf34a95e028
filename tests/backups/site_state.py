"""Run inside a throwaway site, never in the test process: `python -m tests.backups.site_state populate|snapshot`.

``populate`` adds what the seeded content lacks and a real site has: an editor, uploaded images
and documents, a page waiting in the moderation workflow. ``snapshot`` prints, as JSON, the row
count and a checksum of every table of every installed model, and the checksum of every uploaded
file, so two sites can be compared exactly.
"""

import hashlib
import json
import os
import sys


def populate() -> None:
    """Add an editor, an uploaded image and document, and a Danish page in moderation with a new revision."""
    from django.contrib.auth.models import Group, User
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import Page

    from editorial.roles import EDITORS
    from seeding.tools import seed_key

    editor = User.objects.create_user("backup-redaktoer", "redaktoer@sciencecity.invalid", "et-godt-langt-kodeord-42")
    editor.groups.add(Group.objects.get(name=EDITORS))
    get_image_model().objects.create(title="Billede fra backup-testen", file=get_test_image_file("backup.png", size=(64, 48)))
    get_document_model().objects.create(title="Referat", file=ContentFile("Referat af mødet, æøå.\n".encode(), name="referat.txt"))

    page = Page.objects.get(translation_key=seed_key("lund-collaboration"), locale__language_code="da").specific
    page.introduction = "Et afsnit der venter på godkendelse."
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)


def snapshot() -> dict:
    """Counts and checksums of every model's table and of every uploaded file, and the applied migrations."""
    from django.apps import apps
    from django.core.files.storage import default_storage
    from django.db import connection

    from backups.archive import applied_migrations, stored_files

    tables = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        columns = [field.attname for field in model._meta.concrete_fields]
        digest, count = hashlib.sha256(), 0
        for row in model._base_manager.order_by("pk").values_list(*columns).iterator():
            digest.update(json.dumps(row, default=str, sort_keys=True).encode() + b"\n")
            count += 1
        tables[model._meta.label] = {"count": count, "sha256": digest.hexdigest()}
    files = {}
    for name in stored_files(default_storage):
        with default_storage.open(name) as file:
            files[name] = hashlib.sha256(file.read()).hexdigest()
    return {"tables": tables, "files": files, "migrations": applied_migrations(connection)}


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sciencecity.settings.test")
    import django

    django.setup()
    if sys.argv[1] == "populate":
        populate()
    else:
        print(json.dumps(snapshot()))
