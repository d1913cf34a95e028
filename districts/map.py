"""A world map drawn as inline SVG on the server: the land outline and the projection.

The outline is generated once from Natural Earth data by the
``build_world_outline`` management command and kept in ``world_outline.txt``,
so the site needs neither npm nor map tiles at run time. Markers placed with
``project()`` land on the same map because the command uses the same function.
"""

import math
from functools import cache
from pathlib import Path

# Equal Earth keeps areas true and still looks familiar, unlike equirectangular,
# which makes Europe and Canada look far larger than Africa.
WIDTH = 1000
# 90°N is at the top; everything south of CROP_SOUTH (Antarctica) is cut off,
# since no district is there and it would take a quarter of the height.
CROP_SOUTH = -60.0
HEIGHT = 445
VIEWBOX = f"0 0 {WIDTH} {HEIGHT}"

OUTLINE_FILE = Path(__file__).with_name("world_outline.txt")

# Coefficients from Šavrič, Patterson & Jenny (2018), "The Equal Earth map projection".
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def _equal_earth(latitude: float, longitude: float) -> tuple[float, float]:
    """Return the Equal Earth x, y (north up, unit sphere) for a point in degrees."""
    theta = math.asin(_M * math.sin(math.radians(latitude)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = (
        2
        * math.sqrt(3)
        * math.radians(longitude)
        * math.cos(theta)
        / (3 * (9 * _A4 * t6 * t2 + 7 * _A3 * t6 + 3 * _A2 * t2 + _A1))
    )
    y = theta * (_A4 * t6 * t2 + _A3 * t6 + _A2 * t2 + _A1)
    return x, y


_SCALE = WIDTH / (2 * _equal_earth(0.0, 180.0)[0])
_TOP = _equal_earth(90.0, 0.0)[1]


def project(latitude: float, longitude: float) -> tuple[float, float]:
    """Return the SVG user-space x, y of a point given in degrees (WGS 84)."""
    x, y = _equal_earth(latitude, longitude)
    # SVG's y axis points down, so north is measured down from the pole.
    return WIDTH / 2 + x * _SCALE, (_TOP - y) * _SCALE


@cache
def world_outline_path() -> str:
    """Return the ``d`` attribute of the land outline, read from disk once per process."""
    return OUTLINE_FILE.read_text(encoding="utf-8").strip()
