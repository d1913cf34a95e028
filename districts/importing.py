"""Importing districts from CSV: every row is checked first, and a file with any bad row imports nothing.

The columns are the ones the admin's export writes (``EXPORT_COLUMNS``), so a
file exported from Snippets → Innovation districts can be edited and imported
again. Rows are matched to the Danish districts by slug; importing the same
file twice changes nothing. Rows of a translation (``language`` sv) are
counted and left alone: translations are kept in step in the translation
editor, where a sync never loses a translator's work.
"""

import csv
import io
from dataclasses import dataclass, field

from django import forms
from django.db import transaction
from django.utils.translation import gettext as _
from django_countries import countries
from wagtail.models import Locale

from .models import District

COLUMNS = [
    "name",
    "slug",
    "city",
    "country",
    "continent",
    "role",
    "website",
    "latitude",
    "longitude",
    "joined_year",
    "name_language",
    "short_description",
]
EXPORT_COLUMNS = [*COLUMNS, "language"]
REQUIRED_COLUMNS = ["name", "slug", "city", "country", "continent", "latitude", "longitude"]
MAX_ROWS = 5000


@dataclass(frozen=True)
class RowError:
    """What is wrong with one field of one row (row 1 is the header)."""

    row: int
    field: str
    message: str

    def __str__(self) -> str:
        return _("Row %(row)s, %(field)s: %(message)s") % {"row": self.row, "field": self.field, "message": self.message}


@dataclass
class ImportResult:
    """What an import did, or why it did nothing."""

    errors: list[RowError] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    translations: list[str] = field(default_factory=list)


class DistrictRowForm(forms.ModelForm):
    """One CSV row, checked with the model's own rules; the country may be a code or an English name."""

    # An address without a scheme means https (Django 6's default, chosen now).
    website = forms.URLField(required=False, assume_scheme="https")

    class Meta:
        model = District
        fields = COLUMNS

    def __init__(self, data, instance=None):
        data = dict(data)
        country = (data.get("country") or "").strip()
        if country and country.upper() not in dict(countries):
            data["country"] = countries.by_name(country) or country
        else:
            data["country"] = country.upper()
        super().__init__(data, instance=instance)
        # The language of the name and the role have sensible defaults when a column is left out.
        self.fields["name_language"].required = False
        self.fields["role"].required = False

    def clean_name_language(self):
        return self.cleaned_data.get("name_language") or "en"

    def clean_role(self):
        return self.cleaned_data.get("role") or "member"


def read_csv(content: bytes) -> tuple[list[dict[str, str]], list[RowError]]:
    """Decode and parse the file; complain about encoding, missing columns and size, not yet about values."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return [], [RowError(0, _("file"), _("The file is not UTF-8 text (byte %(position)s).") % {"position": error.start})]
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [name.strip() for name in (reader.fieldnames or [])]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        return [], [RowError(1, column, _("This column is missing.")) for column in missing]
    rows = []
    for row in reader:
        if len(rows) >= MAX_ROWS:
            return [], [RowError(MAX_ROWS + 2, _("file"), _("The file has more than %(max)s rows.") % {"max": MAX_ROWS})]
        rows.append({(key or "").strip(): (value or "").strip() for key, value in row.items() if key})
    if not rows:
        return [], [RowError(2, _("file"), _("The file has no rows of districts."))]
    return rows, []


def validate(
    rows: list[dict[str, str]], locale: Locale
) -> tuple[list[DistrictRowForm], list[str], list[RowError]]:
    """Check every source-language row; report each bad field of each bad row, and slugs used twice.

    Returns the forms of the rows to import, the slugs of translation rows, and the errors.
    """
    from django.conf import settings

    existing = {district.slug: district for district in District.objects.filter(locale=locale)}
    languages = {code for code, _name in settings.LANGUAGES}
    forms_by_row, translations, errors, seen = [], [], [], {}
    for number, row in enumerate(rows, start=2):
        slug = row.get("slug", "")
        language = row.get("language", "") or locale.language_code
        if language not in languages:
            errors.append(RowError(number, "language", _("Use one of: %(codes)s.") % {"codes": ", ".join(sorted(languages))}))
            continue
        if language != locale.language_code:
            translations.append(slug)
            continue
        form = DistrictRowForm({column: row.get(column, "") for column in COLUMNS}, instance=existing.get(slug))
        if not form.is_valid():
            for name, messages in form.errors.items():
                errors.extend(RowError(number, name, str(message)) for message in messages)
        if slug in seen:
            errors.append(
                RowError(number, "slug", _("The slug is also used in row %(row)s.") % {"row": seen[slug]})
            )
        seen.setdefault(slug, number)
        forms_by_row.append(form)
    return forms_by_row, translations, errors


def import_districts(content: bytes) -> ImportResult:
    """Import the CSV file's districts as Danish districts; all of them, or none if any row is bad."""
    locale = Locale.get_default()
    rows, errors = read_csv(content)
    if errors:
        return ImportResult(errors=errors)
    row_forms, translations, errors = validate(rows, locale)
    if errors:
        return ImportResult(errors=errors)

    result = ImportResult(translations=translations)
    with transaction.atomic():
        for form in row_forms:
            district = form.instance
            if district.pk and not form.has_changed():
                result.unchanged.append(district.slug)
                continue
            is_new = district.pk is None
            if is_new:
                district.locale = locale
            form.save()
            (result.created if is_new else result.updated).append(district.slug)
    return result
