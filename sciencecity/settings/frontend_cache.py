"""Wagtail's frontend cache (purge on publish) configured by environment variables alone.

Each variable set adds one backend; Wagtail purges a page's URLs from every backend when
the page is published or unpublished:

- ``FRONTEND_CACHE_URL``: an HTTP cache that accepts PURGE (nginx with ngx_cache_purge as
  in deploy/nginx/, or Varnish), e.g. ``http://127.0.0.1:80``;
- ``CLOUDFLARE_API_TOKEN`` and ``CLOUDFLARE_ZONE_ID``: Cloudflare, with an API token allowed
  to purge the zone's cache;
- ``CLOUDFRONT_DISTRIBUTION_ID``: Amazon CloudFront (needs boto3, which reads the AWS
  credentials from its usual environment variables or the instance role);
- ``FRONTEND_CACHE_HOSTNAMES`` (optional, comma-separated): purge only URLs of these hosts.
"""

from django.core.exceptions import ImproperlyConfigured

from .environment import env, env_list

BACKENDS = "wagtail.contrib.frontend_cache.backends"


def _value(name: str) -> str:
    """The variable's value without surrounding blanks; empty when unset."""
    return (env(name) or "").strip()


def frontend_cache_settings() -> dict:
    """The WAGTAILFRONTENDCACHE setting built from the environment; ``{}`` when no cache is configured."""
    backends = {}
    if location := _value("FRONTEND_CACHE_URL"):
        backends["edge"] = {"BACKEND": f"{BACKENDS}.HTTPBackend", "LOCATION": location}

    token, zone = _value("CLOUDFLARE_API_TOKEN"), _value("CLOUDFLARE_ZONE_ID")
    if token or zone:
        if not (token and zone):
            missing = "CLOUDFLARE_ZONE_ID" if token else "CLOUDFLARE_API_TOKEN"
            raise ImproperlyConfigured(f"Cloudflare purging needs both CLOUDFLARE_API_TOKEN and CLOUDFLARE_ZONE_ID; {missing} is not set.")
        # An API token is a bearer token; Wagtail's TOKEN/API_KEY mean the legacy global key with EMAIL.
        backends["cloudflare"] = {"BACKEND": f"{BACKENDS}.CloudflareBackend", "BEARER_TOKEN": token, "ZONEID": zone}

    if distribution := _value("CLOUDFRONT_DISTRIBUTION_ID"):
        backends["cloudfront"] = {"BACKEND": f"{BACKENDS}.CloudfrontBackend", "DISTRIBUTION_ID": distribution}

    hostnames = env_list("FRONTEND_CACHE_HOSTNAMES", [])
    if hostnames:
        for backend in backends.values():
            backend["HOSTNAMES"] = hostnames
    return backends
