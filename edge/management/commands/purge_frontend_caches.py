"""Queue a purge of every public address from the caches in front of the site (run after each deploy)."""

from django.core.management.base import BaseCommand

from edge.purge import purge_frontend_caches


class Command(BaseCommand):
    """``manage.py purge_frontend_caches``: pages built by the previous release must not outlive it at the edge."""

    help = "Queue a purge of every public address from the configured frontend caches."

    def handle(self, *args, **options):
        purge_frontend_caches.enqueue([])
        self.stdout.write("Queued a purge of the frontend caches.")
