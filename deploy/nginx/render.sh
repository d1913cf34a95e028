#!/bin/sh
# Render sciencecity.conf.template from the environment to standard output:
#
#   APP_UPSTREAM=127.0.0.1:8000 SERVER_NAME=sciencecity.dk MEDIA_ROOT=/srv/sciencecity/media \
#       sh deploy/nginx/render.sh > /etc/nginx/sites-enabled/sciencecity
#
# LISTEN         what nginx listens on (port or address:port)          80
# SERVER_NAME    the site's host names, space-separated; the first is canonical (the
#                Wagtail site's host name, which purges name) and the others are
#                redirected to it; "_" serves any name under its own   _
# APP_UPSTREAM   gunicorn's address                                    127.0.0.1:8000
# MEDIA_ROOT     the media directory (MEDIA_ROOT of the app)           /srv/sciencecity/media
# CACHE_DIR      where the edge keeps cached responses                 /var/cache/nginx/sciencecity
# PURGE_FROM     addresses or CIDR ranges (space- or comma-separated) besides
#                127.0.0.1 and ::1, allowed to PURGE (the app hosts)   (none)
# PUBLIC_SCHEME  the scheme visitors use; PURGEs are keyed with it     https
# TRUSTED_PROXIES addresses or CIDR ranges (space- or comma-separated) of the load
#                balancers or CDN in front of the edge, whose X-Forwarded-For
#                is believed; empty when visitors reach the edge directly  (none)
#
# Only these names are replaced, so nginx's own $variables pass through untouched.
set -eu
here=$(dirname "$0")
export LISTEN="${LISTEN:-80}"
export SERVER_NAME="${SERVER_NAME:-_}"
export APP_UPSTREAM="${APP_UPSTREAM:-127.0.0.1:8000}"
export MEDIA_ROOT="${MEDIA_ROOT:-/srv/sciencecity/media}"
export CACHE_DIR="${CACHE_DIR:-/var/cache/nginx/sciencecity}"
export PUBLIC_SCHEME="${PUBLIC_SCHEME:-https}"
# The canonical host name, and whether any other name is redirected to it.
CANONICAL_HOST="${SERVER_NAME%% *}"
if [ "$CANONICAL_HOST" = "_" ]; then
    OTHER_HOST=0
else
    OTHER_HOST=1
fi
export CANONICAL_HOST OTHER_HOST
PURGE_ALLOW=""
for address in $(printf '%s' "${PURGE_FROM:-}" | tr ',' ' '); do
    PURGE_ALLOW="${PURGE_ALLOW}allow ${address}; "
done
export PURGE_ALLOW
REAL_IP_FROM=""
for address in $(printf '%s' "${TRUSTED_PROXIES:-}" | tr ',' ' '); do
    REAL_IP_FROM="${REAL_IP_FROM}set_real_ip_from ${address}; "
done
export REAL_IP_FROM
exec envsubst '${LISTEN} ${SERVER_NAME} ${CANONICAL_HOST} ${OTHER_HOST} ${APP_UPSTREAM} ${MEDIA_ROOT} ${CACHE_DIR} ${PURGE_ALLOW} ${PUBLIC_SCHEME} ${REAL_IP_FROM}' \
    < "${TEMPLATE:-$here/sciencecity.conf.template}"
