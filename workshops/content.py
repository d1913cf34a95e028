"""The workshops' seed: the four questions the organisation's page names, and the two peer sessions.

The page gives no dates, so none are invented: both sessions are undated,
and shown as what they are, past sessions of the network. It does not say
which districts took part, so no session names a district. Each session is
linked to the one question its own title names ("Investing in Startups":
startups; "Inclusive Innovation": social inclusion), so the topic's filter
and search lead to it; nothing more is claimed of them. The page shows a
graphic recording of each session, but its drawing is not in the seed: each
session gets a recording without a drawing, which the site does not show
(and the launch checklist asks for) until editors add the drawing and its
alternative text. The summaries promise no drawing.
"""

from django.conf import settings
from wagtail.models import Locale

from seeding.tools import (
    Child,
    Revised,
    SnippetRef,
    Translated,
    ensure_snippet,
    ensure_translation,
    outcome_line,
    seeded_target_locales,
)

from .models import GraphicRecording, Kind, Topic, Workshop

TOPICS = {
    "startups": {
        "name": Translated("Startups", "Startups", "Startups"),
        "question": Translated(
            "Hvordan styrker man arbejdet med startups?",
            "Hur stärker man arbetet med startups?",
            "How can you strengthen your work with startups?",
            earlier={"en": "How do you strengthen the work with startups?"},
        ),
        "sort_order": 1,
    },
    "critical-mass": {
        "name": Translated("Kritisk masse", "Kritisk massa", "Critical mass"),
        "question": Translated(
            "Hvordan opbygger man kritisk masse i et (mindre) geografisk område/distrikt?",
            "Hur bygger man upp kritisk massa i ett (mindre) geografiskt område eller distrikt?",
            "How do you build critical mass in a (smaller) geographic area or district?",
        ),
        "sort_order": 2,
    },
    "talent": {
        "name": Translated("Talent", "Talang", "Talent"),
        "question": Translated(
            "Hvordan tiltrækker og fastholder man talent?",
            "Hur lockar och behåller man talanger?",
            "How do you attract and retain talent?",
            earlier={"sv": "Hur attraherar och behåller man talang?"},
        ),
        "sort_order": 3,
    },
    "social-inclusion": {
        "name": Translated("Social inklusion", "Social inkludering", "Social inclusion"),
        "question": Translated(
            "Hvordan kan distriktet understøtte social inklusion i fx en kommune?",
            "Hur kan distriktet stödja social inkludering i till exempel en kommun?",
            "How can the district support social inclusion, for example in a municipality?",
        ),
        "sort_order": 4,
    },
}

# slug: (title, the topic its title names, its summary in each of the seed's languages: Danish, Swedish, English)
PEER_SESSIONS = {
    "inclusive-innovation": (
        "Inclusive Innovation",
        "social-inclusion",
        Translated(
            "En GIID Network Peer Session om inkluderende innovation.",
            "En GIID Network Peer Session om inkluderande innovation.",
            "A GIID Network Peer Session on inclusive innovation.",
            earlier={
                "da": "En GIID Network Peer Session om inkluderende innovation, med en grafisk opsamling.",
                "sv": "En GIID Network Peer Session om inkluderande innovation, med en grafisk sammanfattning.",
                "en": "A GIID Network Peer Session on inclusive innovation, with a graphic recording.",
            },
        ),
    ),
    "investing-in-startups": (
        "Investing in Startups",
        "startups",
        Translated(
            "En GIID Network Peer Session om at investere i startups.",
            "En GIID Network Peer Session om att investera i startups.",
            "A GIID Network Peer Session on investing in startups.",
            earlier={
                "da": "En GIID Network Peer Session om at investere i startups, med en grafisk opsamling.",
                "sv": "En GIID Network Peer Session om att investera i startups, med en grafisk sammanfattning.",
                "en": "A GIID Network Peer Session on investing in startups, with a graphic recording.",
            },
        ),
    ),
}


def workshop_fields(slug: str) -> dict:
    """A peer session's seeded fields, with its graphic recording still without a drawing."""
    title, topic, summary = PEER_SESSIONS[slug]
    return {
        "title": title,
        "title_language": "en",
        "slug": slug,
        "kind": Kind.PEER_SESSION,
        "summary": summary,
        "topics": Revised([SnippetRef(Topic, f"topic:{topic}")], earlier=[]),
        "recordings": [
            Child(GraphicRecording, f"workshop:{slug}:recording", {"image": None, "alt_text": "", "description": ""})
        ],
    }


def load() -> list[str]:
    """Create the topics and peer sessions in Danish, then their translations, where missing."""
    created = []
    danish = Locale.objects.get(language_code=settings.LANGUAGE_CODE)

    topics = {}
    for slug, fields in TOPICS.items():
        key = f"topic:{slug}"
        topics[slug], outcome = ensure_snippet(Topic, key, {**fields, "slug": slug}, danish)
        created += outcome_line(outcome, f"the topic {topics[slug].name!r}")
        for locale in seeded_target_locales():
            _translation, outcome = ensure_translation(topics[slug], key, {**fields, "slug": slug}, locale)
            created += outcome_line(outcome, f"the {locale.language_code} version of the topic {topics[slug].name!r}")

    for slug in PEER_SESSIONS:
        key = f"workshop:{slug}"
        fields = workshop_fields(slug)
        workshop, outcome = ensure_snippet(Workshop, key, fields, danish)
        created += outcome_line(outcome, f"the peer session {workshop.title!r}")
        for locale in seeded_target_locales():
            _translation, outcome = ensure_translation(workshop, key, fields, locale)
            created += outcome_line(outcome, f"the {locale.language_code} version of the peer session {workshop.title!r}")
    return created
