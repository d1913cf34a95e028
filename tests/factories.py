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


class UserFactory(factory.django.DjangoModelFactory):
    """A staff member; pass ``groups=[...]`` names to put them in roles."""

    class Meta:
        model = "auth.User"
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"medarbejder{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@sciencecity.invalid")
    first_name = "Test"
    password = factory.django.Password("et-godt-langt-kodeord-42")

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        if create and names:
            from django.contrib.auth.models import Group

            self.groups.set(Group.objects.filter(name__in=names))
