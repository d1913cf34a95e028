"""Make sure an administrator account exists, so a newcomer can sign in to the Wagtail admin."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create a superuser if none exists: ADMIN_USERNAME, ADMIN_PASSWORD and ADMIN_EMAIL from the "
        "environment, or 'admin' with a generated password that is printed once."
    )

    def handle(self, *args, **options):
        user_model = get_user_model()
        if user_model.objects.filter(is_superuser=True, is_active=True).exists():
            self.stdout.write("An administrator account exists; sign in at /admin/.")
            return
        username = os.environ.get("ADMIN_USERNAME") or "admin"
        password = os.environ.get("ADMIN_PASSWORD")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(15)
        user_model.objects.create_superuser(
            username=username, email=os.environ.get("ADMIN_EMAIL", ""), password=password
        )
        self.stdout.write(self.style.SUCCESS(f"Created the administrator account {username!r}."))
        if generated:
            self.stdout.write(
                self.style.WARNING(
                    f"Its password is {password}\nIt is shown only this once; change it with "
                    f"`manage.py changepassword {username}`."
                )
            )
