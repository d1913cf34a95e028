"""Create the media bucket if it is missing and give it the policy under which images are public and documents are not."""

from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError

from uploads.storage import MediaStorage, prepare_bucket


class Command(BaseCommand):
    help = (
        "With media in an S3-compatible bucket (AWS_STORAGE_BUCKET_NAME): create the bucket if it is missing and set "
        "its policy, under which anyone may read images and renditions and nobody may read documents unsigned. "
        "Safe to run again."
    )

    def handle(self, *args, **options):
        storage = storages["default"]
        if not isinstance(storage, MediaStorage):
            raise CommandError("Media are kept on the local disk: set AWS_STORAGE_BUCKET_NAME (deploy/README.md) to use a bucket.")
        created = prepare_bucket(storage)
        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} the bucket {storage.bucket_name}: images public, documents private."))
