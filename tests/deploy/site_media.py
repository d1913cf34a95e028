"""Run inside a throwaway site, never in the test process: `python -m tests.deploy.site_media`.

The seeded content has no images or documents (the seed has none), but a live site does: this
gives every district a logo and every graphic recording its drawing, and puts an image and a link
to a document on the Danish front page, so that a link check sees originals, renditions in every
format and size the templates ask for, and a document behind Wagtail's view.
"""

import os


def populate() -> None:
    """Upload an image and a document and use them where the site's pages show images and link documents."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from districts.models import District
    from partnerships.models import HomePage
    from workshops.models import GraphicRecording

    image = get_image_model().objects.create(title="Tegning", file=get_test_image_file("tegning.png", size=(1600, 1000)))
    document = get_document_model().objects.create(title="Referat", file=ContentFile(b"Referat\n", name="referat.txt"))
    District.objects.update(logo=image)
    GraphicRecording.objects.update(image=image, alt_text="En tegning af sessionen")
    home = HomePage.objects.get(locale__language_code="da")
    home.body.append(("image", {"image": image, "alt_text": "En tegning af sessionen", "caption": ""}))
    home.body.append(("text", f'<p><a linktype="document" id="{document.pk}">Referat af sessionen</a></p>'))
    home.save_revision().publish()


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sciencecity.settings.test")
    import django

    django.setup()
    populate()
