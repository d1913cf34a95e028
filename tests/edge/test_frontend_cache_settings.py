"""Wagtail's frontend cache (the edge's purge) configured from the environment: nginx, Cloudflare, CloudFront."""

import pytest
from django.core.exceptions import ImproperlyConfigured


CACHE_VARIABLES = ["FRONTEND_CACHE_URL", "CLOUDFLARE_API_TOKEN", "CLOUDFLARE_ZONE_ID", "CLOUDFRONT_DISTRIBUTION_ID", "FRONTEND_CACHE_HOSTNAMES"]


@pytest.fixture
def cache_env(monkeypatch):
    """No frontend-cache variable set, whatever this machine's environment holds."""
    for name in CACHE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_no_frontend_cache_without_variables(cache_env):
    from sciencecity.settings.frontend_cache import frontend_cache_settings

    assert frontend_cache_settings() == {}


def test_an_http_cache_such_as_the_nginx_edge(cache_env):
    from wagtail.contrib.frontend_cache.utils import get_backends

    from sciencecity.settings.frontend_cache import frontend_cache_settings

    cache_env.setenv("FRONTEND_CACHE_URL", "http://edge:80")
    config = frontend_cache_settings()
    assert config == {"edge": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://edge:80"}}
    # Wagtail itself accepts the parameters.
    backend = get_backends(config)["edge"]
    assert (backend.cache_scheme, backend.cache_netloc) == ("http", "edge:80")


def test_cloudflare_with_an_api_token(cache_env):
    from wagtail.contrib.frontend_cache.utils import get_backends

    from sciencecity.settings.frontend_cache import frontend_cache_settings

    cache_env.setenv("CLOUDFLARE_API_TOKEN", "token-123")
    cache_env.setenv("CLOUDFLARE_ZONE_ID", "zone-456")
    cache_env.setenv("FRONTEND_CACHE_HOSTNAMES", "sciencecity.dk, www.sciencecity.dk")
    config = frontend_cache_settings()
    assert config["cloudflare"]["BACKEND"] == "wagtail.contrib.frontend_cache.backends.CloudflareBackend"
    backend = get_backends(config)["cloudflare"]
    assert (backend.cloudflare_token, backend.cloudflare_zoneid) == ("token-123", "zone-456")
    assert backend.invalidates_hostname("www.sciencecity.dk") and not backend.invalidates_hostname("example.org")


def test_cloudflare_half_configured_names_the_missing_variable(cache_env):
    from sciencecity.settings.frontend_cache import frontend_cache_settings

    cache_env.setenv("CLOUDFLARE_API_TOKEN", "token-123")
    with pytest.raises(ImproperlyConfigured, match="CLOUDFLARE_ZONE_ID"):
        frontend_cache_settings()


def test_cloudfront_and_the_edge_together(cache_env):
    from wagtail.contrib.frontend_cache.utils import get_backends

    from sciencecity.settings.frontend_cache import frontend_cache_settings

    cache_env.setenv("FRONTEND_CACHE_URL", "http://127.0.0.1:8080")
    cache_env.setenv("CLOUDFRONT_DISTRIBUTION_ID", "E2EXAMPLE")
    config = frontend_cache_settings()
    assert set(config) == {"edge", "cloudfront"}
    assert config["cloudfront"] == {"BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend", "DISTRIBUTION_ID": "E2EXAMPLE"}
    # Wagtail itself accepts the parameters (boto3 is installed for media on S3; making a client calls nobody).
    backend = get_backends(config)["cloudfront"]
    assert backend.cloudfront_distribution_id == "E2EXAMPLE"
