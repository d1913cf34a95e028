"""The submit-translation form ticks the target language when there is only one to choose.

Upstream gap (wagtail-localize 1.14.5, ``views.submit_translations.SubmitTranslationForm``): the
locales start unticked unless ``?select_locale=`` is given, so with one target language every
translator must tick the only box before submitting. Delete this module (and its call in
``translations.apps``) once upstream preselects a single choice.

Upstream: no issue found (searched 2026-12-07); to report: SubmitTranslationForm: preselect the only target locale.
"""

from wagtail_localize.views.submit_translations import SubmitTranslationForm

_init = SubmitTranslationForm.__init__


def __init__(self, instance, *args, **kwargs):
    """Upstream's form, with the only locale ticked on an unsubmitted form."""
    _init(self, instance, *args, **kwargs)
    choices = list(self.fields["locales"].queryset)
    if not self.is_bound and len(choices) == 1 and not self.initial.get("locales"):
        self.initial["locales"] = choices


def apply() -> None:
    """Patch the form once, at start-up."""
    SubmitTranslationForm.__init__ = __init__
