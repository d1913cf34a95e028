"""Keep images out of private collections, where they would look protected and are not.

Upstream gap (Wagtail 8): a collection's privacy setting (``CollectionViewRestriction``)
is enforced for documents only, which Wagtail serves through its own view.
Images are files under ``/media/original_images/`` and their renditions files
under ``/media/images/`` with names anyone can predict, served straight from
disk, so an image in a private collection stays public. Until Wagtail protects
images, the admin refuses, each with a message: putting an image into a private
collection (the image forms, used by the single and multiple upload, editing
and the chooser; and the bulk "Add to collection"), making a collection that
holds images private, and moving a collection that holds images into a private
one. The multiple upload refuses before it stores anything: when its form fails
on another field than the file, Wagtail keeps the file under
``/media/wagtail_uploads/`` to be completed later, where the edge serves it to
anyone. Delete this module, its ``apply()`` call in ``sciencecity.apps`` and
``ImageForm.clean`` in ``uploads/forms.py`` once Wagtail serves images of
private collections only to those allowed to see them.

Upstream: https://github.com/wagtail/wagtail/issues/3880 (Wagtail Images do not properly restrict viewing based
on collection privacy, open).
"""

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.forms.collections import CollectionForm, CollectionViewRestrictionForm
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.views import collection_privacy, collections
from wagtail.images import get_image_model
from wagtail.images.views import multiple
from wagtail.images.views.bulk_actions import add_to_collection
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.permissions import policy_registry


def is_private(collection: Collection) -> bool:
    """Whether the collection, or a collection it is in, has a privacy setting."""
    return collection.get_view_restrictions().exists()


def holds_images(collection: Collection) -> bool:
    """Whether the collection, or a collection inside it, holds an image."""
    return get_image_model().objects.filter(collection__in=collection.get_descendants(inclusive=True)).exists()


def image_refused() -> ValidationError:
    """The message for an image headed into a private collection."""
    return ValidationError(
        _(
            "Images cannot be kept in a private collection: Wagtail shows them to anyone at their file "
            "addresses. Choose a collection without privacy settings."
        ),
        code="private_collection",
    )


def holds_images_refused() -> ValidationError:
    """The message for a collection with images that would become private."""
    return ValidationError(
        _(
            "The collection holds images, and Wagtail shows images to anyone at their file addresses, even in "
            "a private collection. Move the images to a collection without privacy settings first."
        ),
        code="holds_images",
    )


def check_image_collection(collection: Collection | None) -> None:
    """Raise the message if an image may not be kept in this collection."""
    if collection is not None and is_private(collection):
        raise image_refused()


class BulkCollectionForm(add_to_collection.CollectionForm):
    """The collection choice of the images' bulk "Add to collection", refusing private collections."""

    def clean_collection(self):
        """The chosen collection, if images may be kept there."""
        collection = self.cleaned_data["collection"]
        check_image_collection(collection)
        return collection


class MovableCollectionForm(CollectionForm):
    """Wagtail's collection form, refusing to move a collection that holds images into a private one."""

    def clean_parent(self):
        """The chosen parent, unless it would make images private."""
        parent = super().clean_parent()
        moved = not self.instance._state.adding and parent.pk != self.initial.get("parent")
        if moved and is_private(parent) and holds_images(self.instance):
            raise holds_images_refused()
        return parent


_original_set_privacy = collection_privacy.set_privacy


def set_privacy(request, collection_id):
    """Wagtail's privacy dialog for a collection, refusing to make a collection with images private."""
    collection = get_object_or_404(Collection, id=collection_id)
    restricting = request.POST.get("restriction_type", CollectionViewRestriction.NONE) != CollectionViewRestriction.NONE
    may_change = policy_registry.get_by_type(Collection).user_has_permission_for_instance(
        request.user, "change", collection
    )
    if request.method != "POST" or not restricting or not may_change or not holds_images(collection):
        return _original_set_privacy(request, collection_id)
    form = CollectionViewRestrictionForm(request.POST)
    form.is_valid()
    form.add_error("restriction_type", holds_images_refused())
    return render_modal_workflow(
        request,
        "wagtailadmin/shared/set_privacy.html",
        None,
        {
            "action_url": reverse("wagtailadmin_collections:set_privacy", args=(collection.pk,)),
            "object": collection,
            "form": form,
        },
        json_data={"step": "set_privacy"},
    )


_original_multiple_upload = multiple.AddView.post


def multiple_upload(view, request):
    """Wagtail's multiple upload, answering a private collection as it answers a bad file: nothing stored."""
    chosen = request.POST.get("collection", "")
    collection = Collection.objects.filter(pk=chosen).first() if chosen.isdigit() else None
    if collection is not None and is_private(collection):
        return JsonResponse({"success": False, "error_message": " ".join(image_refused().messages)})
    return _original_multiple_upload(view, request)


def apply() -> None:
    """Put the checks into Wagtail's views, once, at start-up (before the admin's URLs are loaded)."""
    add_to_collection.AddToCollectionBulkAction.form_class = BulkCollectionForm
    collections.Edit.form_class = MovableCollectionForm
    collection_privacy.set_privacy = set_privacy
    multiple.AddView.post = multiple_upload
