"""Purge a CDN whole with one call, and let a failed purge raise.

Upstream gap (wagtail/wagtail#3750, "Bulk purging with wagtailfrontendcache",
open; Wagtail 8): the frontend-cache backends purge URL by URL. CloudFront
bills every invalidation path and Cloudflare takes 30 URLs a call, so a change
that touches every page (a menu) would cost hundreds of paths. Both can purge
everything in one call: CloudFront with the path ``/*``, Cloudflare with
``purge_everything``. The backends also log a failed purge and carry on; here
a failure raises, so the task queue can try again. nginx's purge module
removes exact keys only, so an HTTP cache still gets one PURGE per address.
Delete this module once Wagtail's backends can purge everything and report failures.
"""

import uuid
from urllib.error import URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

import requests
from wagtail.contrib.frontend_cache.backends import CloudflareBackend, CloudfrontBackend, HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest

CLOUDFLARE_API = "https://api.cloudflare.com/client/v4/zones/{zone}/purge_cache"


class PurgeFailed(Exception):
    """A frontend cache did not confirm a purge."""


def purges_everything(backend) -> bool:
    """Whether one call purges the whole cache (a CDN), rather than one address at a time."""
    return isinstance(backend, (CloudflareBackend, CloudfrontBackend))


def purge(backend, urls: list[str], timeout: float = 10) -> None:
    """Purge ``urls`` from ``backend`` (everything, where one call can); raise PurgeFailed when it does not succeed.

    ``timeout`` bounds each call to nginx or Cloudflare (CloudFront's client has its own).
    """
    if isinstance(backend, CloudflareBackend):
        _purge_cloudflare(backend, timeout)
    elif isinstance(backend, CloudfrontBackend):
        _purge_cloudfront(backend)
    elif isinstance(backend, HTTPBackend):
        for url in urls:
            _purge_http(backend, url, timeout)
    else:
        backend.purge_batch(urls)


def _purge_cloudflare(backend, timeout: float) -> None:
    if backend.cloudflare_token:
        headers = {"Authorization": f"Bearer {backend.cloudflare_token}"}
    else:
        headers = {"X-Auth-Email": backend.cloudflare_email, "X-Auth-Key": backend.cloudflare_api_key}
    try:
        response = requests.post(CLOUDFLARE_API.format(zone=backend.cloudflare_zoneid), json={"purge_everything": True},
                                 headers=headers, timeout=timeout)
        answer = response.json()
    except (requests.RequestException, ValueError) as error:
        raise PurgeFailed(f"Cloudflare: {error}") from error
    if not answer.get("success"):
        raise PurgeFailed(f"Cloudflare: {answer.get('errors')}")


def _purge_cloudfront(backend) -> None:
    import botocore.exceptions  # installed with boto3, which the CloudFront backend needs

    try:
        backend.client.create_invalidation(
            DistributionId=backend.cloudfront_distribution_id,
            InvalidationBatch={"Paths": {"Quantity": 1, "Items": ["/*"]}, "CallerReference": str(uuid.uuid4())},
        )
    except (botocore.exceptions.BotoCoreError, botocore.exceptions.ClientError) as error:
        raise PurgeFailed(f"CloudFront: {error}") from error


def _purge_http(backend, url: str, timeout: float) -> None:
    parts = urlsplit(url)
    host = parts.hostname + (f":{parts.port}" if parts.port else "")
    request = PurgeRequest(
        url=urlunsplit([backend.cache_scheme, backend.cache_netloc, parts.path, parts.query, ""]),
        headers={"Host": host, "User-Agent": "sciencecity-frontend-cache"},
    )
    try:
        urlopen(request, timeout=timeout).close()  # noqa: S310 - the configured cache's own address
    except (URLError, OSError) as error:
        raise PurgeFailed(f"{url}: {error}") from error
