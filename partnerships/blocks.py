"""Blocks for the partnership story: the sections that show the network's and the workshops' data.

Each of these is a headed place on a page; what it lists comes from the
districts and workshops apps, so editors keep that data in one place and
never type it into a page. Each gives search what it lists too, in the
language active while the page is indexed (the search backends make that the
page's own).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from districts.models import District
from sciencecity.blocks import ContentStreamBlock
from workshops.models import Topic, Workshop, reading_order, recording_images


def _section(parent_context, name: str):
    """The partnership's section (``network_page``, ``workshops_page``) as the page the block is on finds it, if any."""
    return getattr((parent_context or {}).get("page"), name, None)


class NetworkMembersBlock(blocks.StructBlock):
    """The districts of the GIID network, listed from the districts app, with a link to the network page."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)

    class Meta:
        icon = "group"
        label = _("Network participants")
        template = "partnerships/blocks/network_members.html"
        description = _("Lists the innovation districts of the network; they are kept under Snippets.")
        preview_value = {"heading": "Deltagere i GIID-netværket"}

    def get_context(self, value, parent_context=None):
        """Add the network's members, each linked to its page below the partnership's network page."""
        context = super().get_context(value, parent_context)
        network_page = context["network_page"] = _section(parent_context, "network_page")
        context["members"] = [
            (member, network_page.district_url(member) if network_page else None)
            for member in District.objects.members().in_language()
        ]
        return context

    def get_searchable_content(self, value):
        """The heading and each member as the list shows it, so search finds the page by what it lists."""
        members = self.get_context(value)["members"]
        return [*super().get_searchable_content(value), *(f"{m.name}, {m.city}, {m.country.name}" for m, _url in members)]


class WorkshopTopicsBlock(blocks.StructBlock):
    """The questions the network's workshops have discussed, listed from the workshops app."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    introduction = blocks.CharBlock(label=_("Text before the list"), max_length=255, required=False)
    closing = blocks.CharBlock(label=_("Text after the list"), max_length=255, required=False)

    class Meta:
        icon = "help"
        label = _("Workshop topics")
        template = "partnerships/blocks/workshop_topics.html"
        description = _("Lists the questions discussed at the workshops; they are kept under Snippets.")
        preview_value = {"introduction": "Vi har vendt emner som:", "closing": "Og mange flere fælles udfordringer."}

    def get_context(self, value, parent_context=None):
        """Add the topics, in the visitor's language and the editors' order."""
        context = super().get_context(value, parent_context)
        context["topics"] = sorted(Topic.objects.in_language(), key=lambda topic: (topic.sort_order, topic.name))
        return context

    def get_searchable_content(self, value):
        """The texts around the list, and each topic's name and question in every language.

        The page shows the questions in its own language; a visitor searching
        another language's word for one ("talent" on the Swedish site) finds it too.
        """
        topics = self.get_context(value)["topics"]
        if not topics:
            return []
        return [*super().get_searchable_content(value), *(topic.words_in_every_language() for topic in topics)]


class GraphicRecordingsBlock(blocks.StructBlock):
    """The graphic recordings of the network's peer sessions, shown from the workshops app."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)

    class Meta:
        icon = "image"
        label = _("Graphic recordings")
        template = "partnerships/blocks/graphic_recordings.html"
        description = _("Shows the graphic recordings of the peer sessions; they are kept with each workshop.")
        preview_value = {"heading": "Grafiske opsamlinger"}

    def get_context(self, value, parent_context=None):
        """Add the sessions with a drawing, newest first, each linked to its page (none: the block shows nothing)."""
        context = super().get_context(value, parent_context)
        workshops_page = _section(parent_context, "workshops_page")
        sessions = reading_order(
            Workshop.objects.filter(recordings__image__isnull=False)
            .distinct()
            .prefetch_related(recording_images())
            .in_language()
        )
        context["sessions"] = [(session, workshops_page.workshop_url(session) if workshops_page else None) for session in sessions]
        return context

    def get_searchable_content(self, value):
        """The heading, and each session's title and its recordings' descriptions and alternative texts; nothing
        while no session has a drawing, as the page then shows nothing."""
        sessions = self.get_context(value)["sessions"]
        texts = super().get_searchable_content(value) if sessions else []
        for session, _url in sessions:
            texts.append(session.title)
            texts.extend(text for recording in session.recordings.all() for text in (recording.description, recording.alt_text) if text)
        return texts


class LatestWorkshopsBlock(blocks.StructBlock):
    """The next (or latest) workshops, from the workshops app, with a link to all of them."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    count = blocks.IntegerBlock(label=_("How many"), default=3, min_value=1, max_value=12)

    class Meta:
        icon = "date"
        label = _("Latest workshops")
        template = "partnerships/blocks/latest_workshops.html"
        description = _("Shows the coming workshops first, then the latest ones; they are kept under Snippets.")
        preview_value = {"heading": "Workshops og peer sessions", "count": 3}

    def get_context(self, value, parent_context=None):
        """Add the first workshops in reading order and the partnership's workshops page."""
        context = super().get_context(value, parent_context)
        workshops_page = context["workshops_page"] = _section(parent_context, "workshops_page")
        context["workshops"] = [
            (workshop, workshops_page.workshop_url(workshop) if workshops_page else None)
            for workshop in reading_order(Workshop.objects.in_language())[: value["count"]]
        ]
        return context

    def get_searchable_content(self, value):
        """The heading and the titles of the workshops listed."""
        return [*super().get_searchable_content(value), *(workshop.title for workshop, _url in self.get_context(value)["workshops"])]


class PartnershipStreamBlock(ContentStreamBlock):
    """The body of a partnership page: the shared content blocks and the network's sections."""

    workshop_topics = WorkshopTopicsBlock()
    latest_workshops = LatestWorkshopsBlock()
    graphic_recordings = GraphicRecordingsBlock()
    network_members = NetworkMembersBlock()
