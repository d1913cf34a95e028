"""Uploaded media in an S3-compatible bucket (used when AWS_STORAGE_BUCKET_NAME is set).

Images and their renditions are public: the bucket's policy lets anyone read them, and their
addresses carry no signature, so a page kept by the edge or a CDN keeps working images. Documents
may be private (Wagtail's collection and page restrictions): the policy does not cover them, and
Wagtail's document view, after its permission checks, redirects to a signed address that expires
after ``querystring_expire`` seconds.
"""

import json

from botocore.exceptions import ClientError
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

# Wagtail's upload_to folders: originals and renditions of images are public, documents are not.
PUBLIC_FOLDERS = ("original_images/", "images/")
DOCUMENTS_FOLDER = "documents/"


class MediaStorage(S3Storage):
    """S3 storage whose image addresses are stable and unsigned, and whose document addresses are signed and short-lived."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        """The public address of an image; a signed one, on the endpoint, for anything else."""
        if clean_name(name).startswith(PUBLIC_FOLDERS):
            return super().url(name, parameters, expire, http_method)
        # Not through the custom domain (a CDN): it would cache, and could not check, the signature.
        params = {**(parameters or {}), "Bucket": self.bucket.name, "Key": self._normalize_name(clean_name(name))}
        return self.connection.meta.client.generate_presigned_url(
            "get_object", Params=params, ExpiresIn=expire or self.querystring_expire, HttpMethod=http_method
        )


def public_read_policy(bucket: str) -> dict:
    """The bucket policy that lets anyone read images and renditions, and nothing else."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicImages",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": [f"arn:aws:s3:::{bucket}/{folder}*" for folder in PUBLIC_FOLDERS],
            }
        ],
    }


def prepare_bucket(storage: MediaStorage) -> bool:
    """Create the storage's bucket if it is missing and set its policy; whether the bucket was created."""
    client = storage.connection.meta.client
    try:
        client.head_bucket(Bucket=storage.bucket_name)
        created = False
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") not in ("404", "NoSuchBucket"):
            raise
        created = True
    if created:
        region = storage.region_name
        location = {"CreateBucketConfiguration": {"LocationConstraint": region}} if region and region != "us-east-1" else {}
        client.create_bucket(Bucket=storage.bucket_name, **location)
    client.put_bucket_policy(Bucket=storage.bucket_name, Policy=json.dumps(public_read_policy(storage.bucket_name)))
    return created
