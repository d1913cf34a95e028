"""A world map drawn as inline SVG on the server: the land outline, the projection, and the markers' layout.

The outline is generated once from Natural Earth data by the
``build_world_outline`` management command and kept in ``world_outline.txt``,
so the site needs neither npm nor map tiles at run time. Markers placed with
``project()`` land on the same map because the command uses the same function.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass
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


# Markers are sized for the narrowest map: a 320 px phone less the page's padding.
# Their hit area is TARGET CSS px across there (WCAG 2.2 SC 2.5.8 asks for 24)
# and grows with the map on wider screens, since SVG scales as a whole.
NARROWEST_MAP_PX = 280
TARGET_PX = 26
# A filtered map shows at least this much of the world's width, so a single
# district still has its surroundings around it.
MIN_VIEW_WIDTH = 160.0
# Room around the outermost markers, as a share of the view's width on each side.
MARGIN = 0.1


@dataclass(frozen=True)
class Place:
    """Something to mark on the map: its SVG position, its link and its accessible name."""

    x: float
    y: float
    url: str
    label: str
    item: object = None  # what the caller marks (a district), for deciding how to zoom into a cluster


@dataclass(frozen=True)
class Marker:
    """One drawn marker: a place, or a cluster of places too close to tell apart (``count`` > 1)."""

    x: str
    y: str
    url: str
    label: str
    count: int = 1


@dataclass(frozen=True)
class DrawnMap:
    """A map ready for the template: its viewBox, the sizes of its markers, and the markers."""

    view_box: str
    hit_radius: str
    dot_radius: str
    font_size: str
    markers: tuple[Marker, ...]

    @property
    def has_clusters(self) -> bool:
        """Whether any marker stands for more than one place (the caption then explains the numbers)."""
        return any(marker.count > 1 for marker in self.markers)


def fit_view(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """The x, y, width and height of a view that shows every point with a margin, in the map's proportions."""
    if not points:
        return 0.0, 0.0, float(WIDTH), float(HEIGHT)
    xs, ys = [x for x, _y in points], [y for _x, y in points]
    content = max(max(xs) - min(xs), (max(ys) - min(ys)) * WIDTH / HEIGHT, MIN_VIEW_WIDTH)
    width = min(content / (1 - 2 * MARGIN), float(WIDTH))
    height = width * HEIGHT / WIDTH
    # Centred on the points, then moved (never shrunk) to stay on the world.
    left = min(max((max(xs) + min(xs) - width) / 2, 0.0), WIDTH - width)
    top = min(max((max(ys) + min(ys) - height) / 2, 0.0), HEIGHT - height)
    return left, top, width, height


ClusterLink = Callable[[list[Place]], tuple[str, str] | None]


@dataclass
class _Group:
    """Places drawn together: as one cluster marker (``link`` set), or spread in a ring around their centre."""

    places: list[Place]
    link: tuple[str, str] | None
    centre: tuple[float, float]
    reach: float  # how far from the centre its markers' hit areas go


def _group(places: list[Place], radius: float, cluster_link: ClusterLink) -> _Group:
    """The places as one group, and how far it reaches once drawn."""
    link = cluster_link(places) if len(places) > 1 else None
    ring = radius / math.sin(math.pi / len(places)) if len(places) > 1 and not link else 0.0
    return _Group(places, link, _centre(places), ring + radius)


def _groups(places: list[Place], radius: float, cluster_link: ClusterLink) -> list[_Group]:
    """The places grouped so that no two markers' hit areas overlap: the groups that overlap most merge first."""
    groups = [_group([place], radius, cluster_link) for place in places]
    while True:
        overlaps = [
            (math.dist(groups[a].centre, groups[b].centre) - groups[a].reach - groups[b].reach, a, b)
            for a in range(len(groups))
            for b in range(a + 1, len(groups))
        ]
        worst = min((overlap for overlap in overlaps if overlap[0] < 0), default=None)
        if worst is None:
            return groups
        _overlap, a, b = worst
        merged = _group(groups[a].places + groups[b].places, radius, cluster_link)
        groups = [group for index, group in enumerate(groups) if index not in (a, b)] + [merged]


def _centre(group: list[Place]) -> tuple[float, float]:
    """The mean position of a group of places."""
    return sum(place.x for place in group) / len(group), sum(place.y for place in group) / len(group)


def _spread(group: list[Place], radius: float) -> list[tuple[Place, tuple[float, float]]]:
    """Each place of the group on a ring around their centre, on which neighbouring hit areas just touch.

    The places keep their order around the centre, so each stays on its own
    side of the others; one place alone stays where it is.
    """
    if len(group) == 1:
        return [(group[0], (group[0].x, group[0].y))]
    cx, cy = _centre(group)
    ring = radius / math.sin(math.pi / len(group))
    ordered = sorted(group, key=lambda place: (math.atan2(place.y - cy, place.x - cx), place.label))
    start = math.atan2(ordered[0].y - cy, ordered[0].x - cx)
    angles = [start + 2 * math.pi * index / len(group) for index in range(len(group))]
    return [(place, (cx + ring * math.cos(angle), cy + ring * math.sin(angle))) for place, angle in zip(ordered, angles)]


def _number(value: float) -> str:
    """An SVG number: a decimal point whatever the page's language."""
    return f"{value:.1f}"


def draw(places: list[Place], cluster_link: ClusterLink) -> DrawnMap:
    """Fit the view to the places and mark them, clustering those too close together to tap apart.

    ``cluster_link(group)`` gives a cluster's (url, label): a view that shows
    the group closer. Where it gives None (no closer view exists, say the
    places are in one city), the group's markers are spread in a ring around
    their centre instead, each still its own link.
    """
    points = [(place.x, place.y) for place in places]
    # Rings can reach past the places; the view then grows to hold them (and the markers with it).
    for _attempt in range(3):
        left, top, width, height = fit_view(points)
        radius = TARGET_PX / 2 * width / NARROWEST_MAP_PX
        groups = _groups(places, radius, cluster_link)
        reaches = [(*group.centre, group.reach - radius) for group in groups]
        corners = [(x + dx * reach, y + dy * reach) for x, y, reach in reaches for dx, dy in ((-1, -1), (1, 1))]
        if all(left + radius <= x <= left + width - radius and top + radius <= y <= top + height - radius
               for x, y in corners):
            break
        points = [*points, *corners]
    markers = []
    for group in groups:
        if group.link:
            markers.append(Marker(_number(group.centre[0]), _number(group.centre[1]), *group.link, len(group.places)))
        else:
            markers.extend(Marker(_number(x), _number(y), place.url, place.label) for place, (x, y) in _spread(group.places, radius))
    return DrawnMap(
        view_box=" ".join(_number(value) for value in (left, top, width, height)),
        hit_radius=_number(radius),
        dot_radius=_number(radius * 0.55),
        font_size=_number(radius * 1.05),
        markers=tuple(markers),
    )
