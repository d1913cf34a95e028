"""The group editor's image and collection permission labels in each request's language, not frozen at import.

Upstream gap (Wagtail 8, ``wagtail/images/forms.py``, ``wagtail/admin/forms/collections.py``): the
formsets are built at import with ``gettext``, so their labels froze in the default language, Danish.
They are imported here with no language active (each label is its msgid) and made lazy. Delete this
module (and its call in ``sciencecity.apps``) once Wagtail builds these labels lazily.

Upstream: related https://github.com/wagtail/wagtail/pull/11923 (closed; fixes wagtail/wagtail#5341) translates
Django permission names on the group page, not these formset labels; for these no issue found (searched 2026-12-07);
to report: images/forms.py and admin/forms/collections.py build permission_types with gettext at import.
"""

import importlib

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

FORMSETS = {
    "wagtail.admin.forms.collections": "GroupCollectionManagementPermissionFormSet",
    "wagtail.images.forms": "GroupImagePermissionFormSet",
    "wagtail.documents.forms": "GroupDocumentPermissionFormSet",
}


def _lazy(label):
    """A label translated when shown: a msgid stays itself, a lazy label as it is."""
    return label if isinstance(label, Promise) else gettext_lazy(label)


def apply() -> None:
    """Import the formsets' modules in English and make their labels lazy, in place (their fields read the same list)."""
    for module_name, formset_name in FORMSETS.items():
        with translation.override(None):
            formset = getattr(importlib.import_module(module_name), formset_name)
        formset.permission_types[:] = [(code, _lazy(short), _lazy(long)) for code, short, long in formset.permission_types]
        for field in formset.form.base_fields.values():
            field.label = _lazy(field.label) if field.label else field.label
