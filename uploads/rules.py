"""Who may change what visitors see of an image or document (the roles table in editorial/README.md).

Wagtail lets whoever may change media in a collection replace any file, move a
document to any collection and delete it (its policy treats deleting as
changing), and an uploader do all that to what they uploaded. So an editor
could change a live page without approval: replace the picture or report it
shows, delete it, or make a private document public. Here those three need the
collection's "Delete" permission itself (approvers and administrators have it;
editing rights or owning the file are not enough):

- replacing the file of media that live content uses,
- deleting media that live content uses,
- moving a document out of a private collection, to one that lacks any of its
  privacy settings (or, in the bulk "Add to collection", anywhere).

Editors still upload, describe and replace what nothing live uses yet.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.documents.views.bulk_actions.add_to_collection import AddToCollectionBulkAction
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy


def used_by_live_content(obj) -> bool:
    """Whether a page or item that visitors see refers to the image or document."""
    if obj.pk is None:
        return False
    for source, _references in ReferenceIndex.get_references_to(obj).group_by_source_object():
        if source is not None and getattr(source, "live", True) and getattr(source, "alias_of_id", None) is None:
            return True
    return False


def may_change_what_visitors_see(user, obj) -> bool:
    """Whether a group of the user has the "Delete" permission for the object's collection (or one around it).

    Wagtail's own policy treats deleting as editing, and lets an uploader edit
    what they uploaded, so only the permission itself, ticked in the group's
    collection permissions, says "approver" here.
    """
    if user is None or user.is_superuser:
        return user is None or user.is_active
    model = type(obj)
    return user.is_active and GroupCollectionPermission.objects.filter(
        group__user=user,
        collection__in=Collection.objects.get(pk=obj.collection_id).get_ancestors(inclusive=True),
        permission__content_type=ContentType.objects.get_for_model(model),
        permission__codename=f"delete_{model._meta.model_name}",
    ).exists()


def covers(restrictions_of, collection) -> bool:
    """Whether ``collection`` keeps every privacy setting of ``restrictions_of`` (its own or an ancestor's)."""
    old = set(restrictions_of.get_view_restrictions().values_list("pk", flat=True))
    return old <= set(collection.get_view_restrictions().values_list("pk", flat=True))


def check_form(form, user) -> None:
    """Add an error where an edit form would change what visitors see without the right to."""
    instance = form.instance
    if instance.pk is None or user is None:
        return
    stored = type(instance)._default_manager.filter(pk=instance.pk).select_related("collection").first()
    if stored is None or may_change_what_visitors_see(user, stored):
        return
    upload = form.cleaned_data.get("file")
    if "file" in form.changed_data and upload and used_by_live_content(stored):
        form.add_error("file", ValidationError(
            _("Published pages show this file, so replacing it changes what visitors see: "
              "ask an approver to replace it."),
            code="file_in_use",
        ))
    collection = form.cleaned_data.get("collection")
    if collection is not None and collection.pk != stored.collection_id and not covers(stored.collection, collection):
        form.add_error("collection", ValidationError(
            _("The file is in a private collection: only an approver may move it where more people can see it."),
            code="private_collection",
        ))


class MediaPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's policy for images and documents, except that deleting what live content uses needs the delete permission."""

    def user_has_permission_for_instance(self, user, action, instance):
        """As Wagtail, but an uploader may not delete (nor replace) what visitors see on a live page."""
        allowed = super().user_has_permission_for_instance(user, action, instance)
        if allowed and action == "delete" and used_by_live_content(instance):
            return may_change_what_visitors_see(user, instance)
        return allowed


_bulk_check_perm = AddToCollectionBulkAction.check_perm


def bulk_check_perm(action, document) -> bool:
    """Documents' bulk "Add to collection": a private document moves only for those who may make it public."""
    if document.collection.get_view_restrictions().exists() and not may_change_what_visitors_see(action.request.user, document):
        return False
    return _bulk_check_perm(action, document)


def register() -> None:
    """Use the policy for images and documents; for the exact models, so it wins over Wagtail's, registered later."""
    for model, auth_model in ((get_image_model(), "wagtailimages.Image"), (get_document_model(), "wagtaildocs.Document")):
        register_permission_policy(
            model, MediaPermissionPolicy(model, auth_model=auth_model, owner_field_name="uploaded_by_user"),
            exact_class=True,
        )
    AddToCollectionBulkAction.check_perm = bulk_check_perm
