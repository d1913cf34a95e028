"""Template tags for the server-drawn world map."""

from django import template

from districts import map as world_map

register = template.Library()


@register.simple_tag
def world_outline() -> str:
    """The land outline's path data (read once per process)."""
    return world_map.world_outline_path()
