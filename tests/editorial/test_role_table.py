"""Every cell of the roles table in editorial/README.md, tried from the attacker's side.

For each action, role (one Translators group per target language) and
language of the content, the raw request is made, and the database says
whether it took effect: what the table allows must work, what it refuses must
change nothing, however the request is made. One request per cell.
"""

import pytest

from accounts.testing import force_verified_login
from editorial.roles import ADMINISTRATORS, APPROVERS, EDITORS, TRANSLATORS
from tests.factories import UserFactory

from . import role_attacks_other, role_attacks_site  # noqa: F401 - registers their attacks
from .role_attacks import ATTACKS, Attempt
from .role_table import cells, read_table

pytestmark = pytest.mark.django_db

GROUPS = {"Editors": [EDITORS], "Approvers": [APPROVERS], "Administrators": [ADMINISTRATORS]}


def test_every_action_of_the_table_has_an_attack_and_every_attack_a_row():
    assert set(read_table()) == set(ATTACKS)


@pytest.mark.parametrize("cell", cells(), ids=lambda cell: cell.id)
def test_the_role_table_holds(client, site_content, cell):
    role = cell.role
    groups = [TRANSLATORS[role.language]] if role.column == "Translators" else GROUPS[role.column]
    # Administrators are superusers, as `make run` makes them: approving in the workflow needs it.
    user = UserFactory(groups=groups, is_superuser=role.column == "Administrators")
    force_verified_login(client, user)
    attempt = Attempt(client, user, cell.language, cell.variant, site_content)
    assert ATTACKS[cell.action](attempt) is cell.allowed, attempt.last
