"""The roles table of editorial/README.md, read as the test's oracle: which role may do which action, in which language."""

import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

README = Path(__file__).resolve().parents[2] / "editorial" / "README.md"
COLUMNS = ["Editors", "Approvers", "Translators", "Administrators"]
SOURCE = settings.LANGUAGE_CODE
TARGETS = [code for code, _name in settings.LANGUAGES if code != SOURCE]
CELL_VALUES = {"yes", "no", "own language", "not live"}


@dataclass(frozen=True)
class Role:
    """A person the walk signs in as: one group of the roles table (a translator translates into ``language``)."""

    column: str
    language: str | None = None

    @property
    def id(self) -> str:
        return f"{self.column.lower()}-{self.language}" if self.language else self.column.lower()


ROLES = [
    Role("Editors"),
    Role("Approvers"),
    *(Role("Translators", code) for code in TARGETS),
    Role("Administrators"),
]


def read_table() -> dict[str, dict[str, str]]:
    """action -> column -> cell, from the table headed "| Action | Editors | …"."""
    rows, in_table = {}, False
    for line in README.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if cells[:1] == ["Action"] and cells[1:] == COLUMNS:
            in_table = True
        elif in_table and line.startswith("|") and not re.fullmatch(r"[-|\s]+", line):
            assert len(cells) == len(COLUMNS) + 1 and set(cells[1:]) <= CELL_VALUES, line
            rows[cells[0]] = dict(zip(COLUMNS, cells[1:], strict=True))
        elif in_table and not line.startswith("|"):
            break
    return rows


def languages_of(action: str) -> list[str | None]:
    """The languages of the content an action is tried on (None: content without a language)."""
    if action.startswith("Danish"):
        return [SOURCE]
    if action.startswith(("Translated", "Translation", "Alias")):
        return TARGETS
    return [None]


def variants_of(row: dict[str, str]) -> list[str | None]:
    """Rows that depend on whether visitors see the content are tried on both."""
    return ["live", "draft"] if "not live" in row.values() else [None]


def expected(cell: str, role: Role, language: str | None, variant: str | None) -> bool:
    """What the cell says this role may do to this content."""
    if cell == "own language":
        return role.language is not None and role.language == language
    if cell == "not live":
        return variant == "draft"
    return cell == "yes"


@dataclass(frozen=True)
class Cell:
    """One request of the walk: an action, tried by a role, on content in a language (live or a draft)."""

    action: str
    role: Role
    language: str | None
    variant: str | None
    allowed: bool

    @property
    def id(self) -> str:
        parts = [self.action, self.role.id, self.language, self.variant]
        return "-".join(part for part in parts if part)


def cells() -> list[Cell]:
    """Every cell of the table, for every role and language."""
    walk = []
    for action, row in read_table().items():
        for role in ROLES:
            for language in languages_of(action):
                for variant in variants_of(row):
                    walk.append(Cell(action, role, language, variant, expected(row[role.column], role, language, variant)))
    return walk
