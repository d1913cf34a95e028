"""Make sure an administrator account exists, so a newcomer can sign in to the Wagtail admin."""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

# Wagtail's account page saves the name and e-mail with every other preference (the admin's language
# among them) and requires all three, so the account has them from the start.
FIRST_NAME = "Administrator"


def local_address(username: str) -> str:
    """An address on this machine, where development mail is printed to the console anyway."""
    return f"{username}@localhost"


class Command(BaseCommand):
    help = (
        "Create a superuser if none exists: ADMIN_USERNAME, ADMIN_PASSWORD and ADMIN_EMAIL from the "
        "environment, or 'admin' with a generated password that is printed once; give the account it made "
        "a name and an e-mail address if it lacks them."
    )

    def handle(self, *args, **options):
        user_model = get_user_model()
        username = os.environ.get("ADMIN_USERNAME") or "admin"
        email = (os.environ.get("ADMIN_EMAIL") or "").strip() or local_address(username)
        if user_model.objects.filter(is_superuser=True, is_active=True).exists():
            self.complete(user_model.objects.filter(username=username, is_superuser=True).first(), email)
            self.stdout.write("An administrator account exists; sign in at /admin/.")
            return
        password = os.environ.get("ADMIN_PASSWORD")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(15)
        user_model.objects.create_superuser(
            username=username, email=email, password=password,
            first_name=FIRST_NAME, last_name=settings.WAGTAIL_SITE_NAME,
        )
        self.stdout.write(self.style.SUCCESS(f"Created the administrator account {username!r} ({email})."))
        if generated:
            self.stdout.write(
                self.style.WARNING(
                    f"Its password is {password}\nIt is shown only this once; change it with "
                    f"`manage.py changepassword {username}`."
                )
            )

    def complete(self, user, email: str) -> None:
        """Fill in the name and address an account made by an earlier version lacks; keep what it has."""
        if user is None:
            return
        defaults = {"first_name": FIRST_NAME, "last_name": settings.WAGTAIL_SITE_NAME, "email": email}
        changed = []
        for field, value in defaults.items():
            if not getattr(user, field):
                setattr(user, field, value)
                changed.append(field)
        if changed:
            user.save(update_fields=changed)
            self.stdout.write(f"Gave the account {user.get_username()!r} its {', '.join(changed)}.")
