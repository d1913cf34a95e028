"""Show the form with its errors, not a 500, when an inline formset claims more forms than were posted.

Upstream gap (Wagtail 8, ``wagtail/admin/panels/inline_panel.py``; wagtail/wagtail#2494, closed as
not reproducible): when the form has errors, ``InlinePanel`` re-sorts the formset's forms by
``cleaned_data["ORDER"]``, but a form that was counted in ``TOTAL_FORMS`` and posted empty has no
cleaned data, so the sort raises ``KeyError: 'ORDER'``. The editor's script always posts each form's
order; a larger ``TOTAL_FORMS`` is broken or forged. Here such forms get no order (``None``, which
the sort already treats as first), so the editor is shown again with the errors of what was posted;
Django skips the empty forms when saving. Delete this module and its ``apply()`` in
``sciencecity.apps`` once Wagtail reads the order with ``.get()``.
"""

from django.forms.formsets import ORDERING_FIELD_NAME
from wagtail.admin.panels import InlinePanel

_init = InlinePanel.BoundPanel.__init__


def __init__(self, **kwargs):
    """Give every valid form of the panel's formset an order before Wagtail sorts by it."""
    form, panel = kwargs.get("form"), kwargs.get("panel")
    formset = form.formsets.get(panel.relation_name) if form is not None and panel is not None else None
    if formset is not None and formset.can_order and formset.is_valid():
        for subform in formset.forms:
            subform.cleaned_data.setdefault(ORDERING_FIELD_NAME, None)
    _init(self, **kwargs)


def apply() -> None:
    """Patch Wagtail's inline panel once, at start-up."""
    InlinePanel.BoundPanel.__init__ = __init__
