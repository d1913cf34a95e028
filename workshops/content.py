"""The workshops' seed: the four questions the organisation's page names, and the two peer sessions.

The page gives no dates, so none are invented: both sessions are undated. Their
graphic recordings are not on the page either; the loader draws clearly
labelled placeholder images with Pillow for editors to replace.
"""

import io

from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Locale

from districts.models import District
from seeding.tools import Child, Translated, ensure_snippet, ensure_translation, seed_key

from .models import GraphicRecording, Kind, Topic, Workshop

TOPICS = {
    "startups": {
        "name": Translated("Startups", "Startups"),
        "question": Translated("Hvordan styrker man arbejdet med startups?", "Hur stärker man arbetet med startups?"),
        "sort_order": 1,
    },
    "critical-mass": {
        "name": Translated("Kritisk masse", "Kritisk massa"),
        "question": Translated(
            "Hvordan opbygger man kritisk masse i et (mindre) geografisk område/distrikt?",
            "Hur bygger man upp kritisk massa i ett (mindre) geografiskt område eller distrikt?",
        ),
        "sort_order": 2,
    },
    "talent": {
        "name": Translated("Talent", "Talang"),
        "question": Translated(
            "Hvordan tiltrækker og fastholder man talent?", "Hur attraherar och behåller man talang?"
        ),
        "sort_order": 3,
    },
    "social-inclusion": {
        "name": Translated("Social inklusion", "Social inkludering"),
        "question": Translated(
            "Hvordan kan distriktet understøtte social inklusion i fx en kommune?",
            "Hur kan distriktet stödja social inkludering i till exempel en kommun?",
        ),
        "sort_order": 4,
    },
}

# slug: (title, topic, Danish summary, Swedish summary)
PEER_SESSIONS = {
    "inclusive-innovation": (
        "Inclusive Innovation",
        "social-inclusion",
        "En GIID Network Peer Session om inkluderende innovation, opsummeret i en grafisk opsamling.",
        "En GIID Network Peer Session om inkluderande innovation, sammanfattad i en grafisk sammanfattning.",
    ),
    "investing-in-startups": (
        "Investing in Startups",
        "startups",
        "En GIID Network Peer Session om at investere i startups, opsummeret i en grafisk opsamling.",
        "En GIID Network Peer Session om att investera i startups, sammanfattad i en grafisk sammanfattning.",
    ),
}


def placeholder_image(title: str):
    """A labelled placeholder for a graphic recording, drawn with Pillow, for editors to replace."""
    width, height = 1600, 1000
    canvas = PillowImage.new("RGB", (width, height), "#f1f5f8")
    draw = ImageDraw.Draw(canvas)
    draw.rectangle([24, 24, width - 24, height - 24], outline="#0b3a5c", width=8)
    for offset in range(0, width + height, 80):
        draw.line([(offset, 40), (offset - height, height - 40)], fill="#dde6ee", width=3)
    # Plain letters only: Pillow's built-in font (the one font every machine has) lacks å, ä and ø.
    lines = [
        ("PLADSHOLDER", 72),
        ("Grafisk opsamling", 52),
        (f"GIID Network Peer Session: {title}", 48),
        ("Erstat med den rigtige tegning", 40),
    ]
    y = 300
    for text, size in lines:
        font = ImageFont.load_default(size=size)
        box = draw.textbbox((0, 0), text, font=font)
        x = (width - (box[2] - box[0])) / 2
        draw.rectangle([x - 20, y - 12, x + box[2] - box[0] + 20, y + box[3] - box[1] + 24], fill="#ffffff")
        draw.text((x, y), text, font=font, fill="#0b3a5c")
        y += size + 90
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    image = get_image_model()(title=f"Pladsholder: grafisk opsamling – {title}")
    image.file = ImageFile(buffer, name=f"pladsholder-{title.lower().replace(' ', '-')}.png")
    image.save()
    return image


def workshop_fields(slug: str, topics: dict[str, Topic], lyngby: District, image) -> dict:
    """A peer session's seeded fields, with its (placeholder) graphic recording."""
    title, topic, summary_da, summary_sv = PEER_SESSIONS[slug]
    return {
        "title": title,
        "title_language": "en",
        "slug": slug,
        "kind": Kind.PEER_SESSION,
        "summary": Translated(summary_da, summary_sv),
        "topics": [topics[topic]],
        "districts": [lyngby],
        "recordings": [
            Child(
                GraphicRecording,
                f"workshop:{slug}:recording",
                {
                    "image": image,
                    "alt_text": Translated(
                        f"Pladsholder for den grafiske opsamling af peer session om {title}",
                        f"Platshållare för den grafiska sammanfattningen av peer session om {title}",
                    ),
                    "description": Translated(
                        "Den grafiske opsamling er endnu ikke lagt på webstedet. Billedet er en pladsholder, som "
                        "redaktionen erstatter med tegningen og en beskrivelse af dens indhold.",
                        "Den grafiska sammanfattningen har ännu inte lagts upp på webbplatsen. Bilden är en "
                        "platshållare som redaktionen ersätter med teckningen och en beskrivning av dess innehåll.",
                    ),
                },
            )
        ],
    }


def load() -> list[str]:
    """Create the topics and peer sessions in Danish, then their Swedish versions, where missing."""
    created = []
    danish = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    swedish = Locale.objects.get(language_code="sv")

    topics = {}
    for slug, fields in TOPICS.items():
        key = f"topic:{slug}"
        topics[slug], new = ensure_snippet(Topic, key, {**fields, "slug": slug}, danish)
        if new:
            created.append(f"the topic {topics[slug].name!r}")
        _translation, new = ensure_translation(topics[slug], key, {**fields, "slug": slug}, swedish)
        if new:
            created.append(f"the Swedish version of the topic {topics[slug].name!r}")

    lyngby = District.objects.get(translation_key=seed_key("district:science-city-lyngby"), locale=danish)
    for slug, (title, *_rest) in PEER_SESSIONS.items():
        key = f"workshop:{slug}"
        existing = Workshop.objects.filter(translation_key=seed_key(key), locale=danish).first()
        recording = existing.recordings.first() if existing else None
        # A placeholder is drawn only for a session that is created now; an existing one keeps its image.
        image = recording.image if recording else (placeholder_image(title) if existing is None else None)
        fields = workshop_fields(slug, topics, lyngby, image)
        workshop, new = ensure_snippet(Workshop, key, fields, danish)
        if new:
            created.append(f"the peer session {workshop.title!r}")
        _translation, new = ensure_translation(workshop, key, fields, swedish)
        if new:
            created.append(f"the Swedish version of the peer session {workshop.title!r}")
    return created
