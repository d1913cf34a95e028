"""Importing districts from CSV: every row is checked first, and a file with any bad row imports nothing.

The columns are the ones the admin's export writes (``EXPORT_COLUMNS``), so a
file exported from Snippets → Innovation districts can be edited and imported
again: the ``'`` the export puts before a cell that would start a formula is
taken off again (``sciencecity/upstream/csv_formulas.py``). Rows are matched to the Danish districts by slug; importing the same
file twice changes nothing. Rows of a translation (``language`` sv) are
counted and left alone: translations are kept in step in the translation
editor, where a sync never loses a translator's work.

An import is an edit like one in the admin, by a named person: each new or
changed district becomes a draft revision by that person and goes to the
Danish approval workflow (a new district stays out of sight until approved).
Only someone who may publish districts may publish them at once instead; each
is still a revision, in the district's history.
"""

import csv
import io
from contextlib import contextmanager
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django_countries import countries
from wagtail.models import Locale

from sciencecity.upstream.csv_formulas import unescape

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
# Python's csv module refuses longer fields by default (128 KB); no district needs one so long.
MAX_FIELD_CHARS = 131_072


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
        return self.cleaned_data.get("name_language") or settings.NETWORK_LANGUAGE

    def clean_role(self):
        return self.cleaned_data.get("role") or "member"


def delimiter(header_line: str) -> str:
    """The header's separator: a comma, or the semicolon or tab some spreadsheets save with.

    Only the separator is taken from the file. csv.Sniffer's whole dialect would
    turn off ``doublequote`` for a header without quotes, and ``""`` inside a
    quoted value would then stay doubled.
    """
    try:
        return csv.Sniffer().sniff(header_line, delimiters=",;\t").delimiter
    except csv.Error:
        return ","


@contextmanager
def field_size_limit(limit: int):
    """Let csv read fields up to ``limit`` characters, so an over-long one is named with its row instead of raising."""
    previous = csv.field_size_limit(max(limit, csv.field_size_limit()))
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def read_csv(content: bytes) -> tuple[list[dict[str, str]], list[RowError]]:
    """Decode and parse the file; complain about encoding, missing columns and size, not yet about values."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return [], [RowError(0, _("file"), _("The file is not UTF-8 text (byte %(position)s).") % {"position": error.start})]
    rows, errors = [], []
    # The whole file is in memory already: a field as long as the file costs nothing more.
    with field_size_limit(len(text) + 1):
        reader = csv.DictReader(io.StringIO(text), delimiter=delimiter(text.split("\n", 1)[0]))
        try:
            header = [name.strip() for name in (reader.fieldnames or [])]
            missing = [column for column in REQUIRED_COLUMNS if column not in header]
            if missing:
                return [], [RowError(1, column, _("This column is missing.")) for column in missing]
            for number, row in enumerate(reader, start=2):
                if len(rows) >= MAX_ROWS:
                    return [], [RowError(MAX_ROWS + 2, _("file"), _("The file has more than %(max)s rows.") % {"max": MAX_ROWS})]
                values = {(key or "").strip(): unescape(value or "").strip() for key, value in row.items() if key}
                errors += [
                    RowError(number, key, _("This value is longer than %(max)s characters.") % {"max": MAX_FIELD_CHARS})
                    for key, value in values.items() if len(value) > MAX_FIELD_CHARS
                ]
                rows.append(values)
        except csv.Error:
            # Python's csv names the problem in English only (a line break outside quotes, a NUL byte).
            return [], [RowError(len(rows) + 2, _("file"), _("This row is not valid CSV: check its quotes and line breaks."))]
    if errors:
        return [], errors
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

    # Compared with the latest draft, so importing the same file twice makes no second revision.
    existing = {district.slug: district.get_latest_revision_as_object() for district in District.objects.filter(locale=locale)}
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


def import_districts(content: bytes, user=None, publish: bool = False) -> ImportResult:
    """Import the CSV file's districts as Danish districts; all of them, or none if any row is bad.

    Each new or changed district is a revision by ``user``: published at once if
    ``publish`` (the caller checks the user may), otherwise a draft submitted to
    the district's workflow (replacing a submission already waiting).
    """
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
                district.locale, district.live = locale, False
                district.save()  # the row of a district never published holds its first draft, as in the admin
            save_as_revision(district, user, publish)
            (result.created if is_new else result.updated).append(district.slug)
    return result


def save_as_revision(district: District, user, publish: bool) -> None:
    """Record the imported district as a revision by ``user``, then publish it or submit it for approval."""
    revision = district.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
        return
    workflow = district.get_workflow()
    if workflow is None:
        return
    if district.workflow_in_progress:
        district.current_workflow_state.cancel(user=user)
    workflow.start(district, user)
