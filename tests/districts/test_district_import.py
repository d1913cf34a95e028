"""Importing districts from CSV: all rows or none, bad rows named, idempotent, round-trips with the export."""

import io

import openpyxl
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from districts.importing import COLUMNS, EXPORT_COLUMNS
from districts.models import District
from editorial.roles import APPROVERS, EDITORS, TRANSLATORS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HEADER = ",".join(COLUMNS)
GOOD_ROWS = [
    "Aalto Innovation District,aalto,Espoo,FI,europe,member,https://example.org/aalto,60.18400,24.82700,2021,en,",
    "22@Barcelona,22-barcelona,Barcelona,ES,europe,member,,41.40300,2.19400,,es,Et distrikt i Barcelona.",
]


def write(tmp_path, *lines, name="districts.csv"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def importer(db):
    """The editor the imports are by."""
    return UserFactory(username="importoer", groups=[EDITORS])


def run_import(path, language="da", user="importoer", publish=False):
    out, err = io.StringIO(), io.StringIO()
    options = {"user": user} if user else {}
    call_command("import_districts", str(path), language=language, publish=publish, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def test_a_good_file_imports_and_importing_it_again_changes_nothing(site_content, importer, tmp_path):
    path = write(tmp_path, HEADER, *GOOD_ROWS)
    before = District.objects.count()
    out, _err = run_import(path)
    assert "2 nye" in out
    assert District.objects.count() == before + 2
    aalto = District.objects.get(slug="aalto", locale__language_code="da")
    assert (aalto.city, aalto.country.code, aalto.joined_year) == ("Espoo", "FI", 2021)

    out, _err = run_import(path)
    assert "0 nye, 0 ændrede, 2 uændrede" in out
    assert District.objects.count() == before + 2


def test_a_file_with_any_bad_row_imports_nothing_and_names_each_bad_row_and_field(site_content, importer, tmp_path):
    path = write(
        tmp_path,
        HEADER,
        GOOD_ROWS[0],
        "Atlantis District,atlantis,Atlantis,Atlantis,europe,member,,10,10,,en,",
        "Bad Position,bad-position,Nowhere,DK,europe,member,,north,200,,en,",
        ",no-name,Somewhere,DK,moon,member,not-a-url,1,1,,en,",
    )
    before = District.objects.count()
    with pytest.raises(CommandError, match="Intet blev importeret"):
        _out, err = run_import(path)
    assert District.objects.count() == before


def test_errors_name_the_row_and_field_in_the_editors_language(site_content, tmp_path):
    from districts.importing import import_districts
    from django.utils import translation

    content = "\n".join(
        [HEADER, GOOD_ROWS[0], "Atlantis District,atlantis,Atlantis,Atlantis,europe,member,,10,10,,en,",
         "Bad Position,bad-position,Nowhere,DK,europe,member,,north,200,,en,",
         ",no-name,Somewhere,DK,moon,member,not-a-url,1,1,,en,", GOOD_ROWS[0]]
    ).encode()
    with translation.override("sv"):
        result = import_districts(content)
        messages = [str(error) for error in result.errors]
    fields = {(error.row, error.field) for error in result.errors}
    assert {(3, "country"), (4, "latitude"), (4, "longitude"), (5, "name"), (5, "continent"), (5, "website"), (6, "slug")} <= fields
    assert (2, "name") not in fields
    assert all(message.startswith("Rad ") for message in messages)
    assert not result.created and not result.updated


@pytest.mark.parametrize(
    "content,problem",
    [
        (b"name,slug\nX,x\n", "This column is missing"),
        ("name;slug\n".encode("utf-16"), "not UTF-8"),
        (HEADER.encode(), "no rows"),
        (b"", "This column is missing"),
    ],
)
def test_broken_files_are_refused_with_a_clear_message(site_content, content, problem):
    from districts.importing import import_districts
    from django.utils import translation

    with translation.override("en"):
        result = import_districts(content)
    assert result.errors and any(problem in str(error) for error in result.errors)


def test_semicolon_separated_files_from_spreadsheets_import_too(site_content, importer, tmp_path):
    path = write(tmp_path, HEADER.replace(",", ";"), GOOD_ROWS[0].replace(",", ";"))
    out, _err = run_import(path)
    assert "1 nye" in out


def test_an_edited_row_updates_the_danish_district(site_content, importer, tmp_path):
    run_import(write(tmp_path, HEADER, *GOOD_ROWS))
    edited = write(tmp_path, HEADER, GOOD_ROWS[0].replace("Espoo", "Otaniemi"), GOOD_ROWS[1], name="edited.csv")
    out, _err = run_import(edited)
    assert "0 nye, 1 ændrede, 1 uændrede" in out
    aalto = District.objects.get(slug="aalto", locale__language_code="da")
    assert aalto.get_latest_revision_as_object().city == "Otaniemi"
    assert "0 nye, 0 ændrede, 2 uændrede" in run_import(edited)[0]


def test_export_then_import_round_trips(client, site_content, importer, tmp_path):
    client.force_login(UserFactory(groups=[EDITORS]))
    # Every language ("All" in the language filter); the list alone opens in the editor's language.
    response = client.get("/admin/snippets/districts/district/", {"export": "csv", "locale": ""})
    assert response.status_code == 200
    exported = b"".join(response.streaming_content) if response.streaming else response.content
    path = tmp_path / "export.csv"
    path.write_bytes(exported)
    assert exported.decode("utf-8-sig").splitlines()[0] == ",".join(EXPORT_COLUMNS)

    out, _err = run_import(path)
    assert "0 nye, 0 ændrede, 14 uændrede" in out
    # Every district's translation in every target language is a row the import leaves to the translators.
    assert f"{14 * (len(settings.LANGUAGES) - 1)} rækker med oversættelser" in out


def test_admin_lists_filters_exports_and_inspects_districts(client, site_content):
    client.force_login(UserFactory(groups=[EDITORS]))
    listing = client.get("/admin/snippets/districts/district/", {"country": "IE"}).content.decode()
    assert "Galway City Innovation District" in listing and "MaRS Discovery District" not in listing
    found = client.get("/admin/snippets/districts/district/", {"q": "Tonsley"}).content.decode()
    assert "Tonsley" in found and "Galway City Innovation District" not in found

    # The list, and so its export, opens in the editor's language (Danish here).
    response = client.get("/admin/snippets/districts/district/", {"export": "xlsx"})
    exported = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(openpyxl.load_workbook(io.BytesIO(exported)).active.iter_rows(values_only=True))
    assert list(rows[0]) == EXPORT_COLUMNS
    assert sorted(row[EXPORT_COLUMNS.index("slug")] for row in rows[1:]) == sorted(
        District.objects.filter(locale__language_code="da").values_list("slug", flat=True)
    )

    district = District.objects.get(slug="ucity-square", locale__language_code="da")
    inspect = client.get(f"/admin/snippets/districts/district/inspect/{district.pk}/").content.decode()
    assert district.name in inspect and district.city in inspect


def test_an_import_is_a_draft_by_its_person_submitted_for_approval(client, site_content, importer, tmp_path):
    """Nothing reaches visitors without an approver: a changed district keeps its published text until approved."""
    lyngby = District.objects.get(slug="science-city-lyngby", locale__language_code="da")
    network = site_content.page("giid-network")
    row = ",".join(["Science City Lyngby", lyngby.slug, "Nyby", "DK", "europe", "member", "", "55.78", "12.52", "", "da", ""])
    out, _err = run_import(write(tmp_path, HEADER, row, GOOD_ROWS[0]))
    assert "godkendelse" in out

    lyngby.refresh_from_db()
    aalto = District.objects.get(slug="aalto", locale__language_code="da")
    assert lyngby.live and lyngby.city != "Nyby" and lyngby.has_unpublished_changes
    assert not aalto.live
    for district in (lyngby, aalto):
        assert district.latest_revision.user == importer
        assert district.workflow_in_progress
    assert "Nyby" not in client.get(f"{network.url}{lyngby.slug}/").content.decode()
    assert "Aalto Innovation District" not in client.get(network.url).content.decode()


def test_only_someone_who_may_publish_districts_imports_with_publish(site_content, importer, tmp_path):
    path = write(tmp_path, HEADER, GOOD_ROWS[0])
    with pytest.raises(CommandError, match="må ikke udgive"):
        run_import(path, publish=True)
    assert not District.objects.filter(slug="aalto").exists()

    approver = UserFactory(groups=[APPROVERS])
    out, _err = run_import(path, user=approver.username, publish=True)
    aalto = District.objects.get(slug="aalto", locale__language_code="da")
    assert aalto.live and aalto.live_revision.user == approver and not aalto.workflow_in_progress


def test_an_import_names_a_real_person_who_may_change_districts(site_content, tmp_path):
    path = write(tmp_path, HEADER, GOOD_ROWS[0])
    with pytest.raises(CommandError, match="ingen aktiv bruger"):
        run_import(path, user="ingen-saadan-bruger")
    with pytest.raises(CommandError, match="--user"):
        run_import(path, user=None, publish=True)
    translator = UserFactory(groups=[TRANSLATORS["sv"]])
    with pytest.raises(CommandError, match="må ikke ændre"):
        run_import(path, user=translator.username)
    assert not District.objects.filter(slug="aalto").exists()
