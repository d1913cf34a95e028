"""Generate the SVG land outline of the world map from Natural Earth data (run by hand, rarely)."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from districts.map import CROP_SOUTH, OUTLINE_FILE, project

SOURCE = Path(settings.BASE_DIR) / "node_modules" / "world-atlas" / "land-110m.json"

# Coordinates are kept in tenths of a user-space unit: a tenth of a pixel in a
# 1000-wide map is invisible, and integer deltas cannot drift when summed.
PRECISION = 10


class Command(BaseCommand):
    help = (
        "Write districts/world_outline.txt, the SVG path of the world's land for the district map, "
        "from Natural Earth's 1:110m land (public domain) as shipped by the npm package world-atlas "
        "(run `npm ci` first). Run it once, by hand, when the outline or the projection should "
        "change, and commit the result; the site itself never needs npm."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source", type=Path, default=SOURCE, help="TopoJSON file to read."
        )
        parser.add_argument(
            "--output", type=Path, default=OUTLINE_FILE, help="File to write the path data to."
        )

    def handle(self, *args, **options):
        source, output = options["source"], options["output"]
        try:
            topology = json.loads(source.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CommandError(f"{source} is missing; run `npm ci` to install world-atlas.") from None
        path = outline_path(topology)
        output.write_text(path + "\n", encoding="utf-8")
        size = output.stat().st_size
        self.stdout.write(self.style.SUCCESS(f"Wrote {output} ({size:,} bytes)."))


def outline_path(topology: dict) -> str:
    """Return the land of a world-atlas topology as one compact, relative SVG path."""
    arcs = decode_arcs(topology)
    commands = []
    current = (0, 0)  # the first "m" of a path counts from the origin
    for polygon in land_polygons(topology):
        rings = [ring_coordinates(ring, arcs) for ring in polygon]
        if all(lat < CROP_SOUTH for ring in rings for _, lat in ring):
            continue
        for index, ring in enumerate(rings):
            for piece in split_at_antimeridian(ring):
                points = projected_ring(piece)
                if len(points) < 3:
                    continue  # an islet that rounding shrank to a line or a dot
                # Exteriors and holes get opposite windings so the default nonzero fill shows lakes.
                if (signed_area(points) > 0) != (index == 0):
                    points.reverse()
                commands.append("m" + numbers(_delta(points[0], current)))
                steps = (value for a, b in zip(points, points[1:]) for value in _delta(b, a))
                commands.append("l" + numbers(steps))
                commands.append("z")
                current = points[0]  # "z" returns to the ring's start
    return "".join(commands)


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Return the topology's arcs as lists of (longitude, latitude), undoing quantization."""
    (scale_x, scale_y), (translate_x, translate_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        decoded.append(points)
    return decoded


def land_polygons(topology: dict):
    """Yield each polygon of the "land" object as a list of rings of arc indexes."""
    for geometry in topology["objects"]["land"]["geometries"]:
        if geometry["type"] == "Polygon":
            yield geometry["arcs"]
        elif geometry["type"] == "MultiPolygon":
            yield from geometry["arcs"]


def ring_coordinates(arc_indexes: list[int], arcs: list) -> list[tuple[float, float]]:
    """Join a ring's arcs; a negative index ~i means arc i walked backwards."""
    ring = []
    for index in arc_indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Each arc starts where the previous one ended.
        ring.extend(arc[1:] if ring else arc)
    return ring


def split_at_antimeridian(ring: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Cut a ring that crosses 180° (Chukotka, Fiji) into pieces that each stay on one side."""
    # Unwrap the longitudes so the ring is continuous, then clip each 360°-shifted copy to the map.
    unwrapped = [ring[0]]
    for longitude, latitude in ring[1:]:
        previous = unwrapped[-1][0]
        longitude += 360 * round((previous - longitude) / 360)
        unwrapped.append((longitude, latitude))
    if all(-180 <= longitude <= 180 for longitude, _ in unwrapped):
        return [ring]
    pieces = []
    for shift in (-360, 0, 360):
        shifted = [(longitude + shift, latitude) for longitude, latitude in unwrapped]
        piece = _clip(_clip(shifted, 180, below=True), -180, below=False)
        if len(piece) >= 3:
            pieces.append(_follow_meridian(piece))
    return pieces


def _clip(ring, meridian: float, below: bool):
    """Keep the part of a closed ring on one side of a meridian (Sutherland–Hodgman)."""

    def inside(point):
        return point[0] <= meridian if below else point[0] >= meridian

    clipped = []
    for start, end in zip(ring, ring[1:] + ring[:1]):
        if inside(end):
            if not inside(start):
                clipped.append(_crossing(start, end, meridian))
            clipped.append(end)
        elif inside(start):
            clipped.append(_crossing(start, end, meridian))
    return clipped


def _crossing(start, end, meridian: float) -> tuple[float, float]:
    t = (meridian - start[0]) / (end[0] - start[0])
    return meridian, start[1] + t * (end[1] - start[1])


def _follow_meridian(ring):
    """Add a point every degree where the ring runs along ±180°, which is curved on the map."""
    dense = []
    for start, end in zip(ring, ring[1:] + ring[:1]):
        dense.append(start)
        if abs(start[0]) == abs(end[0]) == 180 and start[0] == end[0]:
            steps = int(abs(end[1] - start[1]))
            dense.extend(
                (start[0], start[1] + (end[1] - start[1]) * i / (steps + 1))
                for i in range(1, steps + 1)
            )
    return dense


def projected_ring(ring: list[tuple[float, float]]) -> list[tuple[int, int]]:
    """Project and round a ring, without repeated points or the closing copy of the first."""
    points = []
    for longitude, latitude in ring:
        x, y = project(max(latitude, CROP_SOUTH), longitude)
        point = (round(x * PRECISION), round(y * PRECISION))
        if not points or point != points[-1]:
            points.append(point)
    while len(points) > 1 and points[-1] == points[0]:
        points.pop()
    return points


def signed_area(points: list[tuple[int, int]]) -> float:
    """Return the shoelace area; positive means clockwise on screen (y points down)."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1])) / 2


def _delta(point: tuple[int, int], origin: tuple[int, int]) -> tuple[int, int]:
    return point[0] - origin[0], point[1] - origin[1]


def numbers(values) -> str:
    """Format tenths as short SVG numbers, leaving out separators the grammar does not need."""
    text = previous = ""
    for value in values:
        whole, tenths = divmod(abs(value), PRECISION)
        number = ("-" if value < 0 else "") + (str(whole) if whole or not tenths else "")
        if tenths:
            number += f".{tenths}"
        # A minus sign starts a new number, and so does a second dot ("1.2.5" is 1.2, 0.5).
        if text and not (number[0] == "-" or number[0] == "." and "." in previous):
            text += " "
        text += number
        previous = number
    return text
