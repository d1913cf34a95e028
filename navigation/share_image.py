"""The picture social media show when a page is shared, made by the site where nobody has chosen one.

A 1200 × 630 PNG with the page's title and the site's name. Its address
carries a signed description of the picture (``share_image_url``), so it
names one picture for good: a new page version with a new title gets a new
address, and the same title the same picture. The first request for an
address draws the picture and keeps it in the media storage under a hash of
the description; every later request, in any process, reads that file. Only
the site can make such an address, so nobody can have it draw pictures of
their own choosing. No web fonts: DejaVu Sans Bold from the operating system
(Debian's fonts-dejavu-core, in the Dockerfile), else the font Pillow ships.
"""

import hashlib
import io
import json
from functools import cache
from pathlib import Path

from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
# Raised when the drawing changes, so every page gets the new picture at a new address.
DESIGN = 1
SALT = "navigation.share_image"
FOLDER = "share-images"
FONT_FILES = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")]
# The site's colours (static/css/site.css): the brand's dark blue, white and a light blue rule.
BACKGROUND, TEXT, ACCENT = "#0b3a5c", "#ffffff", "#9cc3e5"
MARGIN = 80
TITLE_SIZES = (76, 64, 54, 46)
MAX_LINES = 4


def share_image_url(title: str, site_name: str) -> str:
    """The address of the picture for ``title`` on the site ``site_name``: the same for the same words."""
    # No timestamp (signing.dumps has one): the same words must give the same address.
    token = signing.Signer(salt=SALT).sign_object({"t": title, "s": site_name, "v": DESIGN}, compress=True)
    return reverse("share_image", args=[token])


def read_token(token: str) -> dict | None:
    """The description an address carries, or None when the site did not make it."""
    try:
        payload = signing.Signer(salt=SALT).unsign_object(token)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("t"), str) or not isinstance(payload.get("s"), str):
        return None
    return payload


def stored_name(payload: dict) -> str:
    """Where the picture for a description is kept in the media storage."""
    digest = hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return f"{FOLDER}/{digest[:40]}.png"


def stored_picture(payload: dict) -> bytes:
    """The PNG for a description: read from the media storage, or drawn and kept there the first time."""
    name = stored_name(payload)
    try:
        with default_storage.open(name, "rb") as stored:
            return stored.read()
    except FileNotFoundError:
        pass
    picture = draw(payload["t"], payload["s"])
    default_storage.save(name, ContentFile(picture))
    return picture


@cache
def font(size: int) -> ImageFont.FreeTypeFont:
    """DejaVu Sans Bold at ``size`` pixels where the system has it, else Pillow's own font."""
    for path in FONT_FILES:
        if path.exists():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def wrap(canvas: ImageDraw.ImageDraw, text: str, face, width: int) -> list[str]:
    """``text`` in lines no wider than ``width`` at ``face``, broken between words (inside a word too long for a line)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if canvas.textlength(candidate, font=face) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        while canvas.textlength(line, font=face) > width:
            cut = next(end for end in range(len(line), 0, -1) if canvas.textlength(line[:end], font=face) <= width)
            lines.append(line[:cut])
            line = line[cut:]
    if line:
        lines.append(line)
    return lines


def fit_title(canvas: ImageDraw.ImageDraw, title: str, width: int):
    """The largest of a few sizes at which ``title`` fits in four lines, and its lines (cut short at the smallest)."""
    for size in TITLE_SIZES:
        face = font(size)
        lines = wrap(canvas, title, face, width)
        if len(lines) <= MAX_LINES:
            return face, lines
    shown = lines[:MAX_LINES]
    last = shown[-1]
    while last and canvas.textlength(last + "…", font=face) > width:
        last = last[:-1]
    shown[-1] = last.rstrip(" .,;:–-") + "…"
    return face, shown


def draw(title: str, site_name: str) -> bytes:
    """The picture itself: the title large on the brand's blue, the site's name above a rule at the bottom."""
    picture = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    canvas = ImageDraw.Draw(picture)
    canvas.rectangle((0, 0, 24, HEIGHT), fill=ACCENT)
    text_width = WIDTH - 2 * MARGIN
    face, lines = fit_title(canvas, title or site_name, text_width)
    line_height = int(face.size * 1.2)
    top = max(MARGIN, (HEIGHT - 150 - line_height * len(lines)) // 2 + 20)
    for number, line in enumerate(lines):
        canvas.text((MARGIN, top + number * line_height), line, font=face, fill=TEXT)
    canvas.rectangle((MARGIN, HEIGHT - 130, MARGIN + 120, HEIGHT - 124), fill=ACCENT)
    canvas.text((MARGIN, HEIGHT - 104), site_name, font=font(40), fill=TEXT)
    output = io.BytesIO()
    picture.save(output, "PNG", optimize=True)
    return output.getvalue()
