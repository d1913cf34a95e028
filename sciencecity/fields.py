"""Model fields shared by the site's apps."""

from typing import Any

from wagtail.fields import StreamField as WagtailStreamField


class StreamField(WagtailStreamField):
    """A StreamField whose block definitions stay out of migrations.

    The column is JSON either way, so changing a block needs no schema change;
    leaving the definitions out keeps migrations small and rare (as ONS does).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Migrations construct the field with no block types at all.
        if args:
            block_types, args = args[0] or [], args[1:]
        else:
            block_types = kwargs.pop("block_types", [])
        super().__init__(block_types, *args, **kwargs)

    def deconstruct(self) -> tuple[str, str, list[Any], dict[str, Any]]:
        """Drop the block definitions and verbose name from the migration state."""
        name, path, args, kwargs = super().deconstruct()
        if args:
            args = args[1:]
        else:
            kwargs.pop("block_types", None)
        kwargs.pop("verbose_name", None)
        return name, path, args, kwargs
