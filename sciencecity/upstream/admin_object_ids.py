"""Answer 400 (or the form with its error), not 500, when an admin request names an object by an id that is not one.

Upstream gap (Wagtail 8; not reported upstream, the client side was wagtail/wagtail#8563): the
bulk actions (``?id=``), the choosers' "chosen" views (``chosen/<pk>/`` and ``chosen-multiple/?id=``)
and the page copy view (``new_parent_page``) pass ids from the request straight to the database,
so ``?id=abc`` raises ``ValueError`` and a copy without a parent ``KeyError``: a 500. Wagtail's own
pages always send real ids; other ids are typed or forged. Here each view checks the ids against
the model's primary key first: a malformed one is ``MalformedId``, a 400 explaining it in the
person's language, and a copy without a real parent is handed to the copy form, which says what is
missing. Delete this module and its ``apply()`` in ``sciencecity.apps`` once Wagtail validates them.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import chooser as page_chooser
from wagtail.admin.views.bulk_action.base_bulk_action import BulkAction
from wagtail.admin.views.generic.chooser import ChosenMultipleViewMixin, ChosenViewMixin
from wagtail.admin.views.pages.copy import CopyView
from wagtail.models import Page

from sciencecity.bad_requests import ExplainedBadRequest


class MalformedId(ExplainedBadRequest):
    """An id in the request is not a valid value of the model's primary key."""

    explanation = _(
        "The request pointed to an item with something that is not a number, so nothing was done. "
        "Go back and choose the item again."
    )


def checked(model, ids):
    """The ids, if each is a valid primary key of ``model``; otherwise ``MalformedId``."""
    try:
        return [model._meta.pk.to_python(value) for value in ids]
    except (ValidationError, TypeError, ValueError) as error:
        raise MalformedId(f"Not an id of {model._meta.label}: {error}") from error


_get_queryset = BulkAction.get_queryset.__func__
_get_object = ChosenViewMixin.get_object
_chosen_multiple = ChosenMultipleViewMixin.get
_page_chosen_multiple = page_chooser.ChosenMultipleView.get
_copy_post = CopyView.post


def get_queryset(cls, model, object_ids):
    """Upstream's, for ids that are ids (``all`` is resolved before)."""
    return _get_queryset(cls, model, checked(model, object_ids))


def get_object(view, pk):
    """Upstream's, for an id that is an id."""
    checked(view.model_class, [pk])
    return _get_object(view, pk)


def chosen_multiple(view, request, *args, **kwargs):
    """Upstream's, for ids that are ids."""
    checked(view.model_class, request.GET.getlist("id"))
    return _chosen_multiple(view, request, *args, **kwargs)


def page_chosen_multiple(view, request):
    """Upstream's, for page ids that are ids."""
    checked(Page, request.GET.getlist("id"))
    return _page_chosen_multiple(view, request)


def copy_post(view, request, page_id, *args, **kwargs):
    """Upstream's; a parent that is no id is a bad request, and without an existing one the copy form says what is missing."""
    parent = request.POST.get("new_parent_page", "")
    if parent:
        checked(Page, [parent])
    if parent and Page.objects.filter(pk=parent).exists():
        return _copy_post(view, request, page_id, *args, **kwargs)
    return super(CopyView, view).post(request, page_id, *args, **kwargs)


def apply() -> None:
    """Patch Wagtail's views once, at start-up."""
    BulkAction.get_queryset = classmethod(get_queryset)
    ChosenViewMixin.get_object = get_object
    ChosenMultipleViewMixin.get = chosen_multiple
    page_chooser.ChosenMultipleView.get = page_chosen_multiple
    CopyView.post = copy_post
