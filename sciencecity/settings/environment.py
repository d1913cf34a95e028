"""Read settings from environment variables, with clear errors for required ones."""

import hashlib
import ipaddress
import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env(name: str, default: str | None = None) -> str | None:
    """Return the variable's value, or ``default`` when it is unset."""
    return os.environ.get(name, default)


def env_required(name: str, hint: str) -> str:
    """Return the variable's value or stop start-up with a message naming it."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} is required in production: {hint}")
    return value


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no variable (1/0, true/false, yes/no, on/off)."""
    value = os.environ.get(name)
    if value is None:
        return default
    value = value.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"The environment variable {name} must be 1 or 0, not {value!r}.")


def env_list(name: str, default: list[str]) -> list[str]:
    """Read a comma-separated list, ignoring blanks."""
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def development_address() -> str:
    """Where `make run` serves the site: http://HOST:PORT, as the Makefile passes them (127.0.0.1:8000 by default).

    A server listening on every address (0.0.0.0, ::) is reached on this machine through the loopback address.
    """
    host = (env("HOST") or "").strip() or "127.0.0.1"
    port = (env("PORT") or "").strip() or "8000"
    host = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def env_networks(name: str, default: list[str]) -> list[str]:
    """Read a comma-separated list of IP addresses or networks ("*" for any), stopping start-up at a wrong one."""
    values = env_list(name, default)
    for value in values:
        try:
            if value != "*":
                ipaddress.ip_network(value, strict=False)
        except ValueError:
            raise ImproperlyConfigured(
                f"The environment variable {name} must list IP addresses or networks (e.g. 127.0.0.1,10.0.0.0/8), not {value!r}."
            ) from None
    return values


CODE_SUFFIXES = {".py", ".html", ".po", ".css", ".js", ".svg", ".txt", ".toml"}
NOT_CODE = {"node_modules", "media", "staticfiles", "tests", "bench", "backups", "__pycache__"}


def code_digest(root) -> str:
    """A short digest of the project's code, templates, styles and translations: it changes with every release."""
    paths = []
    for folder, folders, files in os.walk(root):
        folders[:] = [name for name in folders if not name.startswith(".") and name not in NOT_CODE]
        paths.extend(os.path.join(folder, name) for name in files if os.path.splitext(name)[1] in CODE_SUFFIXES)
    digest = hashlib.blake2b(digest_size=6)
    for path in sorted(paths):
        digest.update(os.path.relpath(path, root).encode())
        with open(path, "rb") as file:
            digest.update(file.read())
    return digest.hexdigest()
