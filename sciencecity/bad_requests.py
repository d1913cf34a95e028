"""A malformed request that the 400 page can explain: what was wrong with it, in the person's language."""

from django.core.exceptions import BadRequest
from django.utils.translation import gettext_lazy as _


class ExplainedBadRequest(BadRequest):
    """Raised where a request cannot be used; Django answers 400 through ``sciencecity.views.bad_request``."""

    explanation = _("What your browser sent was incomplete or malformed, so nothing was done.")
