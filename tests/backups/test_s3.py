"""Backups of a site whose media are in an S3 bucket (moto in server mode): the archive holds the bucket's
objects, and a restore into an empty bucket gives back every file, still public or private as before."""

import urllib.error
import urllib.request

import pytest

from tests.s3 import new_bucket, s3_environment

from .test_round_trip import changed_tables, manifest_of

pytestmark = pytest.mark.throwaway_site


def on_s3(site, endpoint: str):
    """The throwaway site with its media in a new bucket of its own, made as an operator would make it."""
    bucket = new_bucket()
    plain_env = site.env
    site.env = lambda: {**plain_env(), **s3_environment(endpoint, bucket)}
    site.bucket_url = f"{endpoint}/{bucket}/"
    site.manage("prepare_media_bucket")
    return site


def status(url: str) -> int:
    """The status of an anonymous GET."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - the test's own S3 server
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_backup_holds_the_buckets_media_and_a_restore_puts_them_back(new_site, s3_endpoint):
    source = on_s3(new_site(loaded=True), s3_endpoint)
    source.populate()
    state = source.state()
    assert {name.split("/")[0] for name in state["files"]} >= {"original_images", "documents"}
    archive = source.backup()
    assert manifest_of(archive)["parts"]["media.tar"]["bytes"] > 10_000
    assert not source.media.exists(), "the media went to the local disk, not the bucket"

    target = on_s3(new_site(), s3_endpoint)
    output = target.manage("restore_site", str(archive)).stdout
    assert f"and {len(state['files'])} uploaded files" in output
    restored = target.state()
    assert restored["files"] == state["files"]
    assert changed_tables(state, restored) == []
    assert not target.media.exists()
    # The bucket's policy still decides: images public, documents only through Wagtail's view.
    image = next(name for name in restored["files"] if name.startswith("original_images/"))
    document = next(name for name in restored["files"] if name.startswith("documents/"))
    assert status(target.bucket_url + image) == 200
    assert status(target.bucket_url + document) == 403

    # A bucket that holds anything is never restored into.
    again = on_s3(new_site(), s3_endpoint)
    again.manage("shell", "-c", (
        "from django.core.files.base import ContentFile\n"
        "from django.core.files.storage import default_storage\n"
        "default_storage.save('documents/keep-me.txt', ContentFile(b'an upload made after the disaster'))\n"
    ))
    refused = again.manage("restore_site", str(archive), check=False)
    assert refused.returncode != 0
    assert "The media store is not empty (it holds documents/keep-me.txt" in refused.stderr, refused.stderr
    assert again.tables() == []
