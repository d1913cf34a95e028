"""Build the site's content: locales, the page tree in Danish and Swedish, the data pages show, roles."""

from django.core.management.base import BaseCommand

from sciencecity import registry


class Command(BaseCommand):
    help = (
        "Create the site's content where missing, and correct what still reads as an earlier seed wrote it; "
        "safe to run again, it never overwrites editors' changes."
    )

    def handle(self, *args, **options):
        # Each app registers its loaders in its ready(); each names what it created, or says what it "updated".
        for _order, loader in sorted(registry.content_loaders, key=lambda entry: entry[0]):
            for line in loader():
                self.stdout.write(f"  {line}" if line.startswith("updated ") else f"  created {line}")
        self.stdout.write(self.style.SUCCESS("Site content is in place."))
