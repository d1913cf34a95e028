"""Template tags for the server-drawn world map."""

from django import template

from districts import map as world_map

register = template.Library()


@register.simple_tag
def map_viewbox() -> str:
    """The map's SVG viewBox."""
    return world_map.VIEWBOX


@register.simple_tag
def world_outline() -> str:
    """The land outline's path data (read once per process)."""
    return world_map.world_outline_path()


@register.simple_tag
def map_position(district) -> tuple[str, str]:
    """Where a district's marker goes, as SVG numbers (a decimal point whatever the page's language)."""
    x, y = district.position
    return f"{x:.1f}", f"{y:.1f}"
