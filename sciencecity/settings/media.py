"""Where uploaded images and documents are kept: the local disk, or an S3-compatible bucket.

Set ``AWS_STORAGE_BUCKET_NAME`` and ``AWS_S3_ENDPOINT_URL`` (with ``AWS_ACCESS_KEY_ID``,
``AWS_SECRET_ACCESS_KEY`` and ``AWS_S3_REGION_NAME``, which django-storages and boto3 read) and
every application machine shares one store (uploads/storage.py): images and renditions at public,
unsigned addresses on ``AWS_S3_CUSTOM_DOMAIN`` (a CDN) or the endpoint; documents through Wagtail's
view, which checks permissions and redirects to a signed address valid for
``AWS_QUERYSTRING_EXPIRE`` seconds. Without a bucket, media stay in MEDIA_ROOT, which the edge
(deploy/nginx) serves.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .environment import env

LOCAL = {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def _value(name: str) -> str:
    """The variable's value without surrounding blanks; empty when unset."""
    return (env(name) or "").strip()


def media_storage() -> tuple[dict, str | None]:
    """The default storage's STORAGES entry and the origin images are served from (None: this site's own)."""
    bucket = _value("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        return LOCAL, None
    endpoint = _value("AWS_S3_ENDPOINT_URL")
    if not endpoint:
        raise ImproperlyConfigured(
            "AWS_STORAGE_BUCKET_NAME is set, so AWS_S3_ENDPOINT_URL is needed too: the bucket's public address, "
            "e.g. https://s3.eu-north-1.amazonaws.com or https://media.example.org for MinIO."
        )
    custom_domain = _value("AWS_S3_CUSTOM_DOMAIN") or None
    options = {
        "bucket_name": bucket,
        "endpoint_url": endpoint,
        "region_name": _value("AWS_S3_REGION_NAME") or None,
        "custom_domain": custom_domain,
        # Works with AWS's regional endpoints, MinIO and any other S3: one host for every bucket.
        "addressing_style": "path",
        "signature_version": "s3v4",
        # Images: no signature, so the address never changes and cached pages stay valid.
        "querystring_auth": False,
        # Documents' signed addresses: long enough to follow the redirect, too short to pass around.
        "querystring_expire": int(_value("AWS_QUERYSTRING_EXPIRE") or 60),
        # Two uploads of "report.pdf" are two files, as on the local disk.
        "file_overwrite": False,
        # The bucket's policy (manage.py prepare_media_bucket) decides who reads what, not object ACLs.
        "default_acl": None,
    }
    origin = f"https://{custom_domain}" if custom_domain else "{0.scheme}://{0.netloc}".format(urlsplit(endpoint))
    return {"BACKEND": "uploads.storage.MediaStorage", "OPTIONS": options}, origin
