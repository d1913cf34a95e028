"""The server-drawn world map: the committed land outline, the projection, and the layout of the markers."""

import io
import math
import re

import pytest
from django.core.management import call_command

from districts.management.commands.build_world_outline import SOURCE
from districts.map import (
    CROP_SOUTH, HEIGHT, NARROWEST_MAP_PX, OUTLINE_FILE, VIEWBOX, WIDTH, Place, draw, fit_view, project, world_outline_path,
)
from tests.services import require

CITIES = {
    "Copenhagen": (55.68, 12.57),
    "Dublin": (53.35, -6.26),
    "Melbourne": (-37.81, 144.96),
    "Milan": (45.46, 9.19),
    "Monterrey": (25.69, -100.32),
    "Toronto": (43.65, -79.38),
}

PATH_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]|-?(?:\d+\.?\d*|\.\d+)|[\s,]+")
NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)")


def xy(city):
    return project(*CITIES[city])


def inside_viewbox(x, y):
    return 0 <= x <= WIDTH and 0 <= y <= HEIGHT


def test_the_viewbox_frames_the_world_from_180_west_to_180_east_and_the_pole_to_the_cropped_south():
    left, top, width, height = (float(number) for number in VIEWBOX.split())
    assert (left, top) == (0, 0)
    assert project(0, -180)[0] == pytest.approx(left) and project(0, 180)[0] == pytest.approx(left + width)
    assert project(90, 0)[1] == pytest.approx(top)
    # Rounded up to a whole unit: nothing north of the crop is cut off, and no more than a unit is left below it.
    assert 0 <= height - project(CROP_SOUTH, 0)[1] < 1


def test_outline_file_is_committed_small_and_one_line():
    data = OUTLINE_FILE.read_bytes()
    assert 0 < len(data) < 30_000
    assert data.count(b"\n") == 1 and data.endswith(b"\n")


def test_outline_is_svg_path_data():
    path = world_outline_path()
    assert path[0] in "Mm"
    assert "".join(PATH_TOKEN.findall(path)) == path


def test_every_outline_point_is_inside_the_viewbox():
    # The generator writes only relative m, l and z, so the points can be followed here.
    x = y = 0.0
    start = (x, y)
    for command, arguments in re.findall(r"([mlz])([^mlz]*)", world_outline_path()):
        values = [float(number) for number in NUMBER.findall(arguments)]
        assert len(values) % 2 == 0
        for dx, dy in zip(values[::2], values[1::2]):
            x, y = x + dx, y + dy
            assert inside_viewbox(x, y), (x, y)
            if command == "m":
                start = (x, y)
        if command == "z":
            x, y = start


def test_projection_places_cities():
    assert all(inside_viewbox(*xy(city)) for city in CITIES)
    copenhagen, dublin = xy("Copenhagen"), xy("Dublin")
    assert copenhagen[0] > dublin[0]  # east
    assert copenhagen[1] < dublin[1]  # north: SVG's y grows downwards
    assert xy("Melbourne")[1] > project(0, 144.96)[1]  # south of the equator
    assert xy("Toronto")[0] < xy("Milan")[0]
    assert xy("Monterrey")[1] > xy("Toronto")[1]


def test_projection_centres_the_map():
    assert project(0, 0) == pytest.approx((WIDTH / 2, project(0, 100)[1]))
    assert project(0, -180)[0] == pytest.approx(0)
    assert project(0, 180)[0] == pytest.approx(WIDTH)
    assert project(90, 0)[1] == pytest.approx(0)


def test_outline_is_read_once():
    assert world_outline_path() is world_outline_path()


def test_command_reproduces_the_committed_outline(tmp_path):
    require(SOURCE.exists(), "world-atlas is not installed; run `make checkers`")
    output = tmp_path / "world_outline.txt"
    call_command("build_world_outline", output=output, stdout=io.StringIO())
    assert output.read_bytes() == OUTLINE_FILE.read_bytes()


# The layout of markers: sized to be tapped on a phone, never overlapping, zoomed to what is shown.
SEED_CITIES = {
    "Cleveland": (41.4993, -81.6944), "Galway": (53.2707, -9.0568), "Dublin": (53.3498, -6.2603),
    "Halifax": (44.6488, -63.5752), "Liverpool": (-33.9206, 150.9238), "Toronto": (43.6532, -79.3832),
    "Milano": (45.4642, 9.19), "Melbourne": (-37.8136, 144.9631), "Monterrey": (25.6866, -100.3161),
    "Atlanta": (33.749, -84.388), "Adelaide": (-34.9285, 138.6007), "Philadelphia": (39.9526, -75.1652),
}


def places(*cities):
    return [Place(*project(*SEED_CITIES[city]), f"/{city}/", city, city) for city in cities]


def view(drawn):
    return [float(number) for number in drawn.view_box.split()]


def never_cluster(_group):
    return None


def always_cluster(group):
    return "/closer/", f"{len(group)} districts"


SETS = {
    "all": tuple(SEED_CITIES),
    "north america": ("Cleveland", "Halifax", "Toronto", "Monterrey", "Atlanta", "Philadelphia"),
    "europe": ("Galway", "Dublin", "Milano"),
    "ireland": ("Galway", "Dublin"),
    "australia": ("Liverpool", "Melbourne", "Adelaide"),
    "one": ("Milano",),
}


@pytest.mark.parametrize("cities", SETS.values(), ids=SETS.keys())
@pytest.mark.parametrize("cluster_link", [never_cluster, always_cluster], ids=["spread", "cluster"])
def test_markers_are_24_px_targets_on_a_320_px_phone_and_never_overlap(cities, cluster_link):
    drawn = draw(places(*cities), cluster_link)
    _left, _top, width, _height = view(drawn)
    # The map is at least NARROWEST_MAP_PX wide at 320 px, so a user unit is at least this many CSS px.
    px_per_unit = NARROWEST_MAP_PX / width
    assert 2 * float(drawn.hit_radius) * px_per_unit >= 24
    centres = [(float(marker.x), float(marker.y)) for marker in drawn.markers]
    for a in range(len(centres)):
        for b in range(a + 1, len(centres)):
            assert math.dist(centres[a], centres[b]) >= 2 * float(drawn.hit_radius) - 0.2, (cities, a, b)
    assert sum(marker.count for marker in drawn.markers) == len(cities)


@pytest.mark.parametrize("cities", SETS.values(), ids=SETS.keys())
def test_the_view_fits_the_markers_with_a_margin(cities):
    drawn = draw(places(*cities), always_cluster)
    left, top, width, height = view(drawn)
    assert width / height == pytest.approx(WIDTH / HEIGHT, rel=0.01)
    assert 0 <= left and left + width <= WIDTH + 0.1 and 0 <= top and top + height <= HEIGHT + 0.1
    radius = float(drawn.hit_radius)
    for marker in drawn.markers:
        x, y = float(marker.x), float(marker.y)
        assert left + radius <= x <= left + width - radius
        assert top + radius <= y <= top + height - radius


def test_a_filtered_view_zooms_in_and_the_whole_network_does_not():
    whole = view(draw(places(*SEED_CITIES), always_cluster))
    europe = view(draw(places("Galway", "Dublin", "Milano"), always_cluster))
    assert whole[2] > 800
    assert europe[2] <= 200
    # Europe's view is around Europe, not the Atlantic.
    milano_x = project(*SEED_CITIES["Milano"])[0]
    assert europe[0] < milano_x < europe[0] + europe[2]


def test_overlapping_markers_become_one_cluster_with_its_count_and_link():
    drawn = draw(places(*SEED_CITIES), always_cluster)
    clusters = [marker for marker in drawn.markers if marker.count > 1]
    assert clusters and drawn.has_clusters
    assert all(marker.url == "/closer/" and marker.label == f"{marker.count} districts" for marker in clusters)


def test_where_no_closer_view_exists_markers_are_spread_around_their_place_each_its_own_link():
    same_city = [Place(*project(53.35, -6.26), f"/{n}/", f"District {n}", n) for n in range(3)]
    drawn = draw(same_city, never_cluster)
    assert not drawn.has_clusters
    assert sorted(marker.url for marker in drawn.markers) == ["/0/", "/1/", "/2/"]
    assert len({(marker.x, marker.y) for marker in drawn.markers}) == 3


def test_spread_markers_keep_their_sides():
    drawn = draw(places("Galway", "Dublin"), never_cluster)
    galway, dublin = (next(m for m in drawn.markers if m.url == f"/{city}/") for city in ("Galway", "Dublin"))
    assert float(galway.x) < float(dublin.x)  # Galway is west of Dublin


def test_an_empty_map_shows_the_world():
    assert fit_view([]) == (0.0, 0.0, float(WIDTH), float(HEIGHT))
