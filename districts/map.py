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


def distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The great-circle distance between two (latitude, longitude) points in degrees, in radians of arc."""
    (lat1, lon1), (lat2, lon2) = (tuple(map(math.radians, point)) for point in (a, b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * math.asin(min(1.0, math.sqrt(h)))


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
    partner: bool = False  # drawn apart from the network's participants, as the legend explains
    name: str = ""  # written beside the marker on a map shown closer than the whole world


@dataclass(frozen=True)
class Marker:
    """One drawn marker: a place, or a cluster of places too close to tell apart (``count`` > 1)."""

    x: str
    y: str
    url: str
    label: str
    count: int = 1
    partner: bool = False
    name: str = ""
    name_x: str = ""
    name_y: str = ""
    name_anchor: str = "start"


@dataclass(frozen=True)
class DrawnMap:
    """A map ready for the template: its viewBox, the sizes of its markers, and the markers."""

    view_box: str
    hit_radius: str
    dot_radius: str
    font_size: str
    markers: tuple[Marker, ...]
    name_size: str = ""  # the font size of a marker's name
    has_partners: bool = False
    named: bool = False  # the view is close enough for each single marker to carry its name

    @property
    def partner_points(self) -> str:
        """The diamond a partner's marker is drawn as, around (0, 0): the template moves it to each partner."""
        size = float(self.dot_radius) * 1.3
        return " ".join(f"{_number(x)},{_number(y)}" for x, y in ((0, -size), (size, 0), (0, size), (-size, 0)))

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


# A name's size as a share of a marker's hit radius, and a guess at a letter's width as a share of that size.
NAME_SIZE = 0.45
# A view at most this share of the world's width is close enough for names.
CLOSE_VIEW = 0.6
LETTER_WIDTH = 0.6

Box = tuple[float, float, float, float]


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]


def _place_names(singles, clusters, view: Box, radius: float, size: float) -> dict[int, tuple[str, float, float]]:
    """Where each name goes: its text-anchor and position, right of its marker, left, above or below.

    A name goes where it stays on the map and clear of every marker and of the names
    placed before it; a name that fits on neither side is left out (the list under
    the map, and the marker's own accessible name, still name it).
    """
    discs = [(x - radius, x + radius, y - radius, y + radius) for _place, (x, y) in singles]
    discs += [(x - radius, x + radius, y - radius, y + radius) for x, y in clusters]
    placed: list[Box] = []
    sides = {}
    for index, (place, (x, y)) in enumerate(singles):
        length = len(place.name) * size * LETTER_WIDTH
        own = discs[index]
        gap, half = radius * 1.1, size * 0.6
        for anchor, name_x, name_y in (
            ("start", x + gap, y), ("end", x - gap, y), ("middle", x, y - gap - half), ("middle", x, y + gap + half),
        ):
            left = {"start": name_x, "end": name_x - length, "middle": name_x - length / 2}[anchor]
            box = (left, left + length, name_y - half, name_y + half)
            inside = view[0] <= box[0] and box[1] <= view[1] and view[2] <= box[2] and box[3] <= view[3]
            if inside and not any(_overlaps(box, other) for other in [*discs, *placed] if other is not own):
                sides[index] = (anchor, name_x, name_y)
                placed.append(box)
                break
    return sides


def draw(places: list[Place], cluster_link: ClusterLink, name_size: float = NAME_SIZE) -> DrawnMap:
    """Fit the view to the places and mark them, clustering those too close together to tap apart.

    ``cluster_link(group)`` gives a cluster's (url, label): a view that shows
    the group closer. Where it gives None (no closer view exists, say the
    places are in one city), the group's markers are spread in a ring around
    their centre instead, each still its own link. ``name_size`` sizes the markers' names
    (a share of a marker's radius): a map shown small needs them larger.
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
    # Names fit only on a view of a part of the world; on the whole world they would cover each other.
    named = width <= WIDTH * CLOSE_VIEW
    name_size = radius * name_size
    markers = []
    singles = [(place, point) for group in groups if not group.link for place, point in _spread(group.places, radius)]
    for group in groups:
        if group.link:
            markers.append(Marker(_number(group.centre[0]), _number(group.centre[1]), *group.link, len(group.places)))
    clusters = [group.centre for group in groups if group.link]
    sides = _place_names(singles, clusters, (left, left + width, top, top + height), radius, name_size) if named else {}
    for index, (place, (x, y)) in enumerate(singles):
        anchor, name_x, name_y = sides.get(index, ("start", x, y))
        markers.append(Marker(
            _number(x), _number(y), place.url, place.label, partner=place.partner,
            name=place.name if index in sides else "", name_x=_number(name_x), name_y=_number(name_y), name_anchor=anchor,
        ))
    return DrawnMap(
        view_box=" ".join(_number(value) for value in (left, top, width, height)),
        hit_radius=_number(radius),
        dot_radius=_number(radius * 0.55),
        font_size=_number(radius * 1.05),
        markers=tuple(markers),
        has_partners=any(place.partner for place in places),
        named=named,
        name_size=_number(name_size),
    )
