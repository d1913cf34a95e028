"""The image's HEALTHCHECK: exit 0 when /health/ on this container answers 200, 1 otherwise.

The slim image has no curl. The request names a host the site accepts (the first of
ALLOWED_HOSTS), since Django refuses any other with 400 before the view runs.
"""

import os
import sys
import urllib.request


def probe_host() -> str:
    """A Host header that ALLOWED_HOSTS accepts: its first entry, made concrete."""
    hosts = [host.strip() for host in os.environ.get("ALLOWED_HOSTS", "").split(",") if host.strip()]
    host = hosts[0] if hosts else "localhost"
    # ".example.org" allows the domain and its subdomains; "*" allows anything.
    return "localhost" if host == "*" else host.lstrip(".")


def main() -> int:
    """Ask /health/ once, within the HEALTHCHECK's timeout."""
    url = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/health/"
    request = urllib.request.Request(url, headers={"Host": probe_host()})
    try:
        with urllib.request.urlopen(request, timeout=4) as response:  # noqa: S310 - a fixed local http URL
            return 0 if response.status == 200 else 1
    except OSError as error:
        print(f"health check failed: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
