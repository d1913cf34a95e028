# syntax=docker/dockerfile:1
# The site's production image: gunicorn serving sciencecity.wsgi on port 8000 with production
# settings. The reference deployment around it (scheduled publishing, PostgreSQL, Redis, the
# nginx edge cache) is deploy/docker/compose.yaml. Build: docker build -t sciencecity .
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore \
    DJANGO_SETTINGS_MODULE=sciencecity.settings.production \
    MEDIA_ROOT=/app/media \
    BACKUP_DIR=/backups \
    HOST=0.0.0.0 \
    PORT=8000

# msgfmt for compilemessages; every Python dependency comes as a wheel, so no compiler. DejaVu Sans Bold
# for the share pictures the site draws (navigation/share_image.py); visitors never download it.
# pg_dump and pg_restore for backups (backups/README.md) must match the server's major version, 16 in
# deploy/docker/compose.yaml, while Debian 12 ships client 15: client 16 comes from the PostgreSQL
# project's apt repository, added by the script and key that Debian's postgresql-common ships.
# Not pinned to a version: Debian replaces versions with security updates; the base tag fixes the release.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext ca-certificates fonts-dejavu-core postgresql-common \
    && /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y \
    && apt-get install -y --no-install-recommends postgresql-client-16 \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 sciencecity \
    && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin sciencecity

WORKDIR /app
COPY . .

# The one list of dependencies, pinned, is pyproject.toml. The site runs from /app (templates,
# static sources and translations live beside the code), which comes first on sys.path; the
# build's leftovers in /app go.
RUN --mount=type=cache,target=/root/.cache/pip pip install . && rm -rf build ./*.egg-info

# Static files (hashed, compressed) and translations are built into the image. Production
# settings refuse to load without these variables; the values here are build-only, exist only
# inside this RUN and never reach the image's environment.
RUN SECRET_KEY=build-only-not-a-secret \
    ALLOWED_HOSTS=build.invalid \
    WAGTAILADMIN_BASE_URL=https://build.invalid \
    sh -c 'python manage.py collectstatic --no-input --verbosity=0 && python manage.py compilemessages --verbosity=0'

# Uploaded images and documents, the only place the site writes to; and backup archives (BACKUP_DIR).
RUN mkdir -p /app/media /backups && chown 10001:10001 /app/media /backups
VOLUME ["/app/media"]

# By number, so a runtime can tell it is not root without reading /etc/passwd.
USER 10001:10001
EXPOSE 8000

# Cheap: one query and one cache round trip (sciencecity/health.py), over plain HTTP, with a Host the site accepts;
# 200 while pages can be served (a cache that does not answer is "degraded", still 200), 503 while the database does not answer.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "/app/deploy/docker/healthcheck.py"]

# gunicorn reads /app/gunicorn.conf.py (HOST, PORT, WEB_CONCURRENCY, GUNICORN_TIMEOUT, FORWARDED_ALLOW_IPS); in the
# container it listens on every address (HOST), for the edge on the compose network.
CMD ["gunicorn", "sciencecity.wsgi"]
