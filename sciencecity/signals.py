"""Expire content caches whenever published content changes."""

from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .cache import bump_content_version
from .frontend_cache import purge_if_configured


def content_changed(**kwargs) -> None:
    """Any change to what visitors see: start a new content version now and after the commit, then purge.

    The version is bumped at once, for what this transaction reads next, and
    again once it commits: until then other processes still read the old rows,
    and what they cache from them under the first new version must not outlive
    the commit. The caches in front are purged after that, so what they fetch
    again is built from committed rows.
    """
    bump_content_version()
    # Once per transaction: a rolled-back one drops its callbacks, and with them this mark.
    if not any(callback is after_commit for _savepoints, callback, _robust in connection.run_on_commit):
        transaction.on_commit(after_commit)


def after_commit() -> None:
    """Start another content version and purge the caches in front, once the change is committed."""
    bump_content_version()
    purge_if_configured()


def connect() -> None:
    """Connect the handlers; called once from the app's ready()."""
    from wagtail.images import get_image_model
    from wagtail.models import PageViewRestriction

    from districts.models import District
    from workshops.models import GraphicRecording, ResourceLink, Topic, Workshop

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
    # Many-to-many changes (a workshop's topics and districts) save no row of the workshop itself.
    for relation in (Workshop.topics.through, Workshop.districts.through):
        m2m_changed.connect(content_changed, sender=relation, dispatch_uid=f"sciencecity-m2m-{relation.__name__}")
    # Everything pages show: their data, its images, the site's settings, and who may see what.
    shown = (
        FooterText, OrganisationSettings, Site, PageViewRestriction,
        District, Workshop, Topic, GraphicRecording, ResourceLink, get_image_model(),
    )
    for model in shown:
        post_save.connect(content_changed, sender=model, dispatch_uid=f"sciencecity-saved-{model.__name__}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"sciencecity-deleted-{model.__name__}")
