"""Form widgets for the admin's data forms."""

from django import forms


class SearchableCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Checkboxes with a search field above them that hides the choices that do not match what is typed.

    For many-to-many choices such as a workshop's topics and districts: a bare
    multiple select makes editors scroll and Ctrl-click through every name.
    Without JavaScript the search field is hidden and every checkbox shows.
    """

    template_name = "sciencecity/widgets/searchable_checkboxes.html"

    class Media:
        js = ["sciencecity/admin/searchable-choices.js"]
        css = {"all": ["sciencecity/admin/searchable-choices.css"]}
