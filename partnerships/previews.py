"""Previews of data as the pages that show it: a district as its page and on the network's map, a workshop as its page,
a topic as the workshops it filters.

The object previewed is the editor's unsaved version; everything around it is
what visitors see now. Nothing here reads or fills the content cache, so a
draft never reaches a visitor.
"""

from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

from districts.models import District, by_role
from navigation.previews import frameable
from workshops.models import Topic, Workshop, reading_order

from .models import NetworkPage, WorkshopsPage
from .workshop_listing import WorkshopFilters, attach_localized_relations, filter_choices


def _page_for(model, obj):
    """The live page of ``model`` in the object's language (the Danish one standing in), or None."""
    pages = model.objects.live()
    return pages.filter(locale_id=obj.locale_id).first() or pages.first()


def _rendered(obj, draw):
    """Render in the object's language, whatever language the editor's admin is in."""
    with translation.override(obj.locale.language_code):
        response = draw()
        if hasattr(response, "render"):
            response.render()
    return frameable(response)


def _no_page(model) -> HttpResponse:
    """The preview when the site has no page that shows such objects yet."""
    message = _("There is no published %(page)s to show the preview on yet.") % {"page": model._meta.verbose_name}
    return frameable(HttpResponse(f"<p>{message}</p>", content_type="text/html; charset=utf-8"))


def district_page(request, district: District):
    """The district's own page below the network page."""
    network_page = _page_for(NetworkPage, district)
    if network_page is None:
        return _no_page(NetworkPage)

    def draw():
        workshops_page = network_page.workshops_page
        workshops = reading_order(Workshop.objects.with_district(district.translation_key).in_language())
        pairs = [(w, workshops_page.workshop_url(w) if workshops_page else None) for w in workshops]
        return network_page.render_district(request, district, pairs, district.nearest(District.objects.in_language()))

    return _rendered(district, draw)


def district_on_map(request, district: District):
    """The network page's directory and map, with this version of the district in place of the published one."""
    network_page = _page_for(NetworkPage, district)
    if network_page is None:
        return _no_page(NetworkPage)

    def draw():
        def with_draft(districts):
            others = [d for d in districts if d.translation_key != district.translation_key]
            return sorted([*others, district], key=lambda d: d.name.casefold())

        members, partners = District.objects.members().in_language(), District.objects.partners().in_language()
        if district.is_partner:
            partners = by_role(with_draft(partners))
        else:
            members = with_draft(members)
        return network_page.render_directory(request, list(members), list(partners))

    return _rendered(district, draw)


def workshop_page(request, workshop: Workshop):
    """The workshop's own page below the workshops page."""
    workshops_page = _page_for(WorkshopsPage, workshop)
    if workshops_page is None:
        return _no_page(WorkshopsPage)

    def draw():
        attach_localized_relations([workshop])
        network_page = workshops_page.network_page
        return workshops_page.render_workshop(request, workshop, network_page.url if network_page else None)

    return _rendered(workshop, draw)


def topic_listing(request, topic: Topic):
    """The workshops page filtered by the topic, this version of it in place of the published one."""
    workshops_page = _page_for(WorkshopsPage, topic)
    if workshops_page is None:
        return _no_page(WorkshopsPage)

    def draw():
        topics, districts, discussed = filter_choices()
        topics = [*(t for t in topics if t.translation_key != topic.translation_key), topic]
        # The previewed topic is offered even before a published workshop discusses it.
        filters = WorkshopFilters.from_query({"topic": topic.slug}, (topics, districts, discussed | {topic.translation_key}))
        return workshops_page.render_listing(request, filters)

    return _rendered(topic, draw)
