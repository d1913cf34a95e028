"""Build the site's content: locales, the page tree in Danish and Swedish, and the data pages show."""

from importlib import import_module

from django.core.management.base import BaseCommand

# Each app's content module, in dependency order. Each creates only what is
# missing and never overwrites what editors changed, so running again is safe.
CONTENT_MODULES = [
    "sciencecity.content",
    "partnerships.content",
]


class Command(BaseCommand):
    help = "Create the site's content where missing; safe to run again, it never overwrites editors' changes."

    def handle(self, *args, **options):
        for module_name in CONTENT_MODULES:
            created = import_module(module_name).load()
            for line in created:
                self.stdout.write(f"  created {line}")
        self.stdout.write(self.style.SUCCESS("Site content is in place."))
