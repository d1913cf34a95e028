"""After any change to what visitors see, tell the apps that listen (``registry.change_listeners``).

Every change gives the content a new version in its own transaction
(``models.ContentVersion``), so what the shared cache holds under the old one
is never read again; then the edge app purges the caches in front.

What changes public pages: publishing, unpublishing, moving, renaming or
deleting a page, a change of who may see it, and saving any model an app
registered in ``registry.content_models`` (with its many-to-many relations).
For data with drafts (``editorial.EditorialMixin``), saving a draft or taking
a lock writes only bookkeeping fields, which visitors never see, so it changes
nothing; publishing or unpublishing it does (Wagtail saves the row then).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move, published, unpublished

from . import registry
from .drafts import BOOKKEEPING_FIELDS
from .visibility import in_every_language
from .models import ContentVersion


def content_changed(removed_pages=(), **kwargs) -> None:
    """Tell every registered listener (the small caches, the caches in front) that public content changed.

    ``removed_pages`` are pages that left the public site or changed address,
    as they were before the change, so their old addresses can go too.
    """
    ContentVersion.change()
    for listener in registry.change_listeners:
        listener(removed_pages=removed_pages)


def page_left(instance, **kwargs) -> None:
    """A page left the public site, or its address changed: its old addresses go too."""
    content_changed(removed_pages=[kwargs.get("instance_before") or instance])


def restriction_changed(instance, **kwargs) -> None:
    """Who may see a page changed: the page and everything below it, in every language, leave (or return to)
    the public site (``visibility.py``)."""
    try:
        pages = in_every_language(instance.page)
    except Page.DoesNotExist:  # the restriction went with its page, which purges itself
        return
    content_changed(removed_pages=list(pages))


def watched_models() -> set[type]:
    """The models whose rows pages show: the Site, the registered content models and their many-to-many tables."""
    models = {Site, *registry.content_models}
    return models | {field.remote_field.through for model in models for field in model._meta.many_to_many}


def row_changed(sender, **kwargs) -> None:
    """A row was saved or deleted: a content change if pages show its model."""
    update_fields = kwargs.get("update_fields")
    if update_fields and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    if kwargs.get("action", "post_").startswith("post_") and sender in watched_models():
        content_changed()


def data_published(sender, **kwargs) -> None:
    """Data with drafts was published or unpublished (scheduled ones included)."""
    if sender in registry.editorial_models:
        content_changed()


def connect() -> None:
    """Connect the handlers; called once from the core's ready(). Apps register their models later, in theirs."""
    page_published.connect(content_changed, dispatch_uid="sciencecity-page-published")
    page_unpublished.connect(page_left, dispatch_uid="sciencecity-page-unpublished")
    page_slug_changed.connect(page_left, dispatch_uid="sciencecity-page-slug-changed")
    post_page_move.connect(content_changed, dispatch_uid="sciencecity-page-moved")
    pre_delete.connect(page_left, sender=Page, dispatch_uid="sciencecity-page-deleted")
    post_delete.connect(content_changed, sender=Page, dispatch_uid="sciencecity-page-gone")
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="sciencecity-restriction-saved")
    post_delete.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="sciencecity-restriction-deleted")
    post_save.connect(row_changed, dispatch_uid="sciencecity-row-saved")
    post_delete.connect(row_changed, dispatch_uid="sciencecity-row-deleted")
    m2m_changed.connect(row_changed, dispatch_uid="sciencecity-relation-changed")
    published.connect(data_published, dispatch_uid="sciencecity-data-published")
    unpublished.connect(data_published, dispatch_uid="sciencecity-data-unpublished")
