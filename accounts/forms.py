"""The code fields of the two-factor screens: an authenticator code and a recovery code."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .devices import normalise_code, normalise_recovery_code


class CodeForm(forms.Form):
    """A six-digit code from an authenticator app."""

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=12,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autocapitalize": "off",
                "spellcheck": "false",
            }
        ),
        error_messages={"required": _("Enter the six-digit code from your authenticator app.")},
    )

    def clean_code(self):
        """Six digits; spaces are allowed and ignored."""
        code = normalise_code(self.cleaned_data["code"])
        if not re.fullmatch(r"[0-9]{6}", code):
            raise forms.ValidationError(_("The code has six digits, for example 123456."))
        return code


class RecoveryCodeForm(forms.Form):
    """One of the recovery codes the user saved when they set up two-factor sign-in."""

    recovery_code = forms.CharField(
        label=_("Recovery code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
        error_messages={"required": _("Enter one of your recovery codes.")},
    )

    def clean_recovery_code(self):
        """The code as stored: lower case, without the dash."""
        return normalise_recovery_code(self.cleaned_data["recovery_code"])
