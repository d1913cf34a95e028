"""gunicorn configuration for production: `gunicorn sciencecity.wsgi` reads it from the working directory.

Every value can be overridden from the environment (HOST, PORT, WEB_CONCURRENCY,
GUNICORN_TIMEOUT) so the same file serves a plain server and a container.
"""

import multiprocessing
import os

# The loopback address unless told otherwise (HOST): only the edge on the same machine reaches gunicorn, so
# nobody can send it a made-up X-Forwarded-For. The image listens on every address of its own network (Dockerfile).
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# Recycle workers now and then so a slow leak can never grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Trust X-Forwarded-* only from the proxy on the same host or network (the app reads the same variable:
# TRUSTED_PROXIES, for the visitor's address).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Load the application before forking, so workers share its memory and start fast.
preload_app = True


# gunicorn always sends "Server: gunicorn" and has no setting to turn it off;
# a server need not say what software it runs, so the header is dropped.
def _drop_server_header():
    from gunicorn.http import wsgi

    default_headers = wsgi.Response.default_headers

    def default_headers_without_server(self):
        return [header for header in default_headers(self) if not header.lower().startswith("server:")]

    wsgi.Response.default_headers = default_headers_without_server


_drop_server_header()
