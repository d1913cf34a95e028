"""The count of wrong passwords each address sends to each private page's or document's form."""

from django.db import models


class PasswordAttempts(models.Model):
    """One address's recent password attempts at one restriction (``throttling.py``); never shown to anyone.

    A table, not the cache: the cache is an accelerator that may be emptied or
    culled at any moment (the database cache culls a third of its entries when
    full), and a count that vanishes lets a guesser start again.
    """

    form = models.CharField(max_length=64)  # Wagtail's URL name: the page or the document form
    restriction_id = models.PositiveIntegerField()
    address = models.CharField(max_length=45, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_attempt_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["form", "restriction_id", "address"], name="privacy_one_count_per_address")
        ]

    def __str__(self) -> str:
        return f"{self.address}: {self.attempts} ({self.form} {self.restriction_id})"
