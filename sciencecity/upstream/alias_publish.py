"""An alias page is never publishable on its own: it follows its original. No bulk "Publish" crashes on one.

Upstream gap (Wagtail 8; wagtail/wagtail#10994): ``PagePermissionTester.can_publish`` says yes for an
alias, so the bulk "Publish" action offers it, and then ``save_revision()`` raises ``RuntimeError``
(aliases have no revisions): a 500, for the alias itself or for a draft alias below a page published
"with its subpages". An alias is published and unpublished with its original. Here the tester says
no for an alias, so the bulk action lists it among the pages it cannot publish and skips it below
others. Delete this module and its ``apply()`` in ``sciencecity.apps`` once Wagtail leaves aliases out.
"""

from wagtail.models import PagePermissionTester

_can_publish = PagePermissionTester.can_publish


def can_publish(tester) -> bool:
    """Wagtail's answer, and no for an alias."""
    return tester.page.alias_of_id is None and _can_publish(tester)


def apply() -> None:
    """Patch Wagtail's page permission tester once, at start-up."""
    PagePermissionTester.can_publish = can_publish
