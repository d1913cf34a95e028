"""The roles table's attacks on translations, media, settings, users and groups (see role_attacks.py)."""

from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.test.client import MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from districts.models import District
from sciencecity.models import OrganisationSettings
from tests.factories import ImageFactory, UserFactory

from .role_attacks import Attempt, admin_form, attack, new_page, reload

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"

# Translations --------------------------------------------------------------------------------------------------


def translation_of(page, language: str) -> Translation:
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    return Translation.objects.get(source=source, target_locale__language_code=language)


@attack("Translation: start one (submit a Danish page)")
def submit(a: Attempt) -> bool:
    page = new_page(a.site.page("home"), "aalto-til-oversaettelse", live=True)
    locale = Locale.objects.get(language_code=a.language)
    a.post(reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [locale.pk]})
    return Page.objects.filter(translation_key=page.translation_key, locale=locale, alias_of__isnull=True).exists()


@attack("Translation: update from Danish and publish")
def update(a: Attempt) -> bool:
    danish, target = a.site.page("lund-collaboration"), a.site.page("lund-collaboration", a.language)
    danish.introduction = "Ny dansk indledning."
    danish.save_revision().publish()
    source = TranslationSource.objects.get(object_id=danish.translation_key, locale=danish.locale)
    a.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"})
    return reload(target).live_revision_id != target.live_revision_id


def edit_segment(a: Attempt, source) -> bool:
    translation = translation_of(source, a.language)
    segment = StringSegment.objects.filter(source=translation.source).order_by("order").first()
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    a.request("put", url, encode_multipart("BoUnDaRy", {"value": "Angriberens tekst"}), content_type=MULTIPART_CONTENT)
    return StringTranslation.objects.filter(
        translation_of_id=segment.string_id, locale=translation.target_locale, data__startswith="Angriberens tekst"
    ).exists()


attack("Translation: edit a segment of a page")(lambda a: edit_segment(a, a.site.page("lund-collaboration")))
@attack("Translation: edit a segment of data")
def edit_data_segment(a: Attempt) -> bool:
    """A Danish district with text to translate (not every district has any)."""
    sources = TranslationSource.objects.filter(
        specific_content_type=ContentType.objects.get_for_model(District), stringsegment__isnull=False
    )
    return edit_segment(a, District.objects.filter(translation_key__in=sources.values("object_id"), locale__language_code="da").first())


@attack("Translation: stop the sync")
def stop_sync(a: Attempt) -> bool:
    translation = translation_of(a.site.page("lund-collaboration"), a.language)
    a.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]))
    return not reload(translation).enabled


@attack("Translation: convert to an alias")
def convert_to_alias(a: Attempt) -> bool:
    page = a.site.page("lund-collaboration", a.language)
    a.post(reverse("wagtail_localize:convert_to_alias", args=[page.pk]))
    page = reload(page)
    return page is None or page.alias_of_id is not None


# Media ---------------------------------------------------------------------------------------------------------


def png(name: str) -> SimpleUploadedFile:
    """A small real PNG, as a browser uploads it."""
    image = get_test_image_file()
    image.file.seek(0)
    return SimpleUploadedFile(name, image.file.read(), "image/png")


def used_on_a_live_page(a: Attempt, image):
    """Make the image the social media image of a live page."""
    page = a.site.page("lund-collaboration")
    page.social_image = image
    with TestCase.captureOnCommitCallbacks(execute=True):  # Wagtail indexes the reference after the commit
        page.save_revision().publish()
    return image


def replace_image_file(a: Attempt, image) -> bool:
    before = image.file.name
    data = {"title": image.title, "file": png("erstatning.png"), "collection": image.collection_id}
    a.post(reverse("wagtailimages:edit", args=[image.pk]), data)
    return reload(image).file.name != before


@attack("Media: upload an image")
def upload_image(a: Attempt) -> bool:
    data = {"title": "Angriberens billede", "file": png("angriber.png"), "collection": Collection.get_first_root_node().pk}
    a.post(reverse("wagtailimages:add"), data)
    return ImageFactory._meta.model.objects.filter(title="Angriberens billede").exists()


@attack("Media: replace the file of an image nothing live uses")
def replace_unused_image_file(a: Attempt) -> bool:
    return replace_image_file(a, ImageFactory(uploaded_by_user=UserFactory()))


@attack("Media: replace the file of an image a live page uses")
def replace_used_image_file(a: Attempt) -> bool:
    # Uploaded by the attacker: owning an image must not be a way around the rule.
    return replace_image_file(a, used_on_a_live_page(a, ImageFactory(uploaded_by_user=a.user)))


@attack("Media: delete an image a live page uses")
def delete_used_image(a: Attempt) -> bool:
    image = used_on_a_live_page(a, ImageFactory(uploaded_by_user=a.user))
    a.post(reverse("wagtailimages:delete", args=[image.pk]))
    return reload(image) is None


def new_document(a: Attempt, collection=None):
    document = get_document_model()(
        title="Rapport", collection=collection or Collection.get_first_root_node(), uploaded_by_user=a.user
    )
    document.file.save("rapport.pdf", ContentFile(PDF), save=True)
    return document


@attack("Media: replace the file of a document a live page links to")
def replace_linked_document_file(a: Attempt) -> bool:
    document = new_document(a)
    page = a.site.page("lund-collaboration")
    page.article_text = f'<p><a linktype="document" id="{document.pk}">rapporten</a></p>'
    with TestCase.captureOnCommitCallbacks(execute=True):
        page.save_revision().publish()
    before = document.file.name
    upload = SimpleUploadedFile("ny-rapport.pdf", PDF, "application/pdf")
    a.post(reverse("wagtaildocs:edit", args=[document.pk]), {"title": document.title, "file": upload,
                                                              "collection": document.collection_id})
    return reload(document).file.name != before


@attack("Media: move a document out of a private collection")
def move_private_document(a: Attempt) -> bool:
    root = Collection.get_first_root_node()
    private = root.add_child(name="Fortroligt")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document = new_document(a, private)
    a.post(reverse("wagtaildocs:edit", args=[document.pk]), {"title": document.title, "collection": root.pk})
    return reload(document).collection_id == root.pk


# Settings, users and groups ------------------------------------------------------------------------------------


@attack("Settings: change the organisation's details")
def change_settings(a: Attempt) -> bool:
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["sciencecity", "organisationsettings", site.pk])
    a.post(url, {**admin_form(url), "phone": ["+45 99 99 99 99"]})
    return OrganisationSettings.for_site(site).phone == "+45 99 99 99 99"


@attack("Users: add a user")
def add_user(a: Attempt) -> bool:
    url = reverse("wagtailusers_users:add")
    data = {**admin_form(url), "username": ["angriberens-ven"], "email": ["ven@sciencecity.invalid"],
            "first_name": ["Ven"], "last_name": ["Ven"], "password1": ["et-langt-kodeord-42!"],
            "password2": ["et-langt-kodeord-42!"]}
    a.post(url, data)
    return User.objects.filter(username="angriberens-ven").exists()


@attack("Groups: delete a group")
def delete_group(a: Attempt) -> bool:
    group = Group.objects.create(name="Midlertidig gruppe")
    a.post(reverse("wagtailusers_groups:delete", args=[group.pk]))
    return not Group.objects.filter(pk=group.pk).exists()
