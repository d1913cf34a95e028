"""Expire content caches whenever published content changes."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .cache import bump_content_version


def content_changed(**kwargs) -> None:
    """Any change to what visitors see: start a new content version."""
    bump_content_version()


def connect() -> None:
    """Connect the handlers; called once from the app's ready()."""
    from .models import FooterText, OrganisationSettings

    page_signals = {
        "published": page_published,
        "unpublished": page_unpublished,
        "moved": post_page_move,
        "slug-changed": page_slug_changed,
    }
    for name, signal in page_signals.items():
        signal.connect(content_changed, dispatch_uid=f"sciencecity-page-{name}")
    post_delete.connect(content_changed, sender=Page, dispatch_uid="sciencecity-page-deleted")
    for model in (FooterText, OrganisationSettings, Site):
        post_save.connect(content_changed, sender=model, dispatch_uid=f"sciencecity-saved-{model.__name__}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"sciencecity-deleted-{model.__name__}")
