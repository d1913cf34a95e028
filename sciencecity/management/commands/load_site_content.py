"""Build the site's content: locales, the page tree in Danish and Swedish, the data pages show, roles."""

from importlib import import_module

from django.core.management.base import BaseCommand

# Each app's content loaders, in dependency order. Each creates only what is
# missing and never overwrites what editors changed, so running again is safe.
CONTENT_LOADERS = [
    "sciencecity.content:load_foundations",
    "districts.content:load",
    "workshops.content:load",
    "partnerships.content:load",
    "sciencecity.content:load_furniture",
    "sciencecity.roles:load",
    "sciencecity.moderation:load",
]


class Command(BaseCommand):
    help = "Create the site's content where missing; safe to run again, it never overwrites editors' changes."

    def handle(self, *args, **options):
        for loader in CONTENT_LOADERS:
            module_name, function_name = loader.split(":")
            for line in getattr(import_module(module_name), function_name)():
                self.stdout.write(f"  created {line}")
        self.stdout.write(self.style.SUCCESS("Site content is in place."))
