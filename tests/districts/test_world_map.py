"""The server-drawn world map: the committed land outline and the projection markers use."""

import io
import re

import pytest
from django.core.management import call_command

from districts.management.commands.build_world_outline import SOURCE
from districts.map import HEIGHT, OUTLINE_FILE, VIEWBOX, WIDTH, project, world_outline_path

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


def test_viewbox_matches_width_and_height():
    assert VIEWBOX == f"0 0 {WIDTH} {HEIGHT}"


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


@pytest.mark.skipif(not SOURCE.exists(), reason="world-atlas is not installed; run `npm ci`")
def test_command_reproduces_the_committed_outline(tmp_path):
    output = tmp_path / "world_outline.txt"
    call_command("build_world_outline", output=output, stdout=io.StringIO())
    assert output.read_bytes() == OUTLINE_FILE.read_bytes()
