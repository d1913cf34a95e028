"""A real S3 server for the tests: moto in server mode on a free port of 127.0.0.1.

The server runs in a thread of the test process; sites run in other processes (manage.py,
gunicorn) reach it by its address, as they would reach MinIO or AWS. Each test gets a bucket of
its own (``new_bucket``), so no test sees another's files.
"""

import itertools
import os
import socket
from contextlib import contextmanager

from moto.server import ThreadedMotoServer

BUCKET_NUMBERS = itertools.count(1)
REGION = "eu-north-1"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def s3_server():
    """Start moto's S3 server on a free port; yield its endpoint URL."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


def new_bucket() -> str:
    """A bucket name no other test of this session uses (the bucket itself is made by prepare_media_bucket)."""
    return f"sciencecity-media-{os.getpid()}-{next(BUCKET_NUMBERS)}"


def s3_environment(endpoint: str, bucket: str) -> dict[str, str]:
    """The environment variables that put a site's media in ``bucket`` on ``endpoint`` (deploy/README.md)."""
    return {
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": REGION,
        "AWS_ACCESS_KEY_ID": "sciencecity-test",
        "AWS_SECRET_ACCESS_KEY": "sciencecity-test-secret",
    }
