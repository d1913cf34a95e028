"""factory_boy factories for the site's models."""

import factory
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file


class ImageFactory(factory.django.DjangoModelFactory):
    """A small real PNG in Wagtail's image library."""

    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Billede {n}")
    file = factory.LazyFunction(lambda: get_test_image_file(size=(1200, 800)))
