"""What every admin list of translatable data shares: it opens in the editor's language and names each row's language.

Wagtail's lists of translatable snippets show every language at once by
default, so each district appeared twice, a Danish and a Swedish row that
looked the same. An explicit choice in the language filter (``?locale=``,
"All" included) still wins.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import LocaleColumn
from wagtail.models import Locale
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet


def editor_language() -> str:
    """The content language that matches the language the editor uses the admin in (Danish otherwise)."""
    return Locale.get_active().language_code


class EditorLanguageIndexView(IndexView):
    """A snippet list filtered to the editor's language until they choose another."""

    def get_filterset_kwargs(self):
        """Default the language filter to the editor's language."""
        kwargs = super().get_filterset_kwargs()
        if self.i18n_enabled and "locale" not in self.request.GET:
            data = kwargs["data"].copy()
            data["locale"] = editor_language()
            kwargs["data"] = data
        return kwargs


def language_column() -> LocaleColumn:
    """The column that names each row's language."""
    return LocaleColumn(label=_("Language"))


class DataViewSet(SnippetViewSet):
    """A snippet viewset for translatable data: the list opens in the editor's language."""

    index_view_class = EditorLanguageIndexView
