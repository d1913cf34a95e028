"""The network page's directory filters (read from the query string, checked, explained when unknown) and its map."""

from dataclasses import dataclass

from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries import countries

from districts import map as world_map
from districts.models import Continent, District

# Where a cluster's link lands: the directory's map, shown closer.
MAP_ANCHOR = "network-map"


@dataclass(frozen=True)
class DirectoryFilters:
    """The visitor's choice of country and continent, and what the choices are."""

    country: str = ""
    continent: str = ""
    country_choices: tuple[tuple[str, str], ...] = ()
    continent_choices: tuple[tuple[str, str], ...] = ()
    problems: tuple[str, ...] = ()

    @classmethod
    def from_query(cls, query, districts: list[District]) -> "DirectoryFilters":
        """Read ``country`` and ``continent``; an unknown value is kept, and explained, not dropped."""
        country = query.get("country", "").strip()[:60]
        continent = query.get("continent", "").strip()[:60]
        problems = []
        if country and country.upper() not in dict(countries):
            problems.append(_("We do not know the country “%(value)s”.") % {"value": country})
        if continent and continent not in Continent.values:
            problems.append(_("We do not know the continent “%(value)s”.") % {"value": continent})
        present_countries = {district.country.code for district in districts}
        present_continents = {district.continent for district in districts}
        return cls(
            country=country.upper() if country.upper() in dict(countries) else country,
            continent=continent,
            country_choices=tuple(sorted(((code, countries.name(code)) for code in present_countries), key=lambda c: c[1])),
            continent_choices=tuple((value, label) for value, label in Continent.choices if value in present_continents),
            problems=tuple(problems),
        )

    @property
    def active(self) -> bool:
        """Whether the visitor chose anything."""
        return bool(self.country or self.continent)

    def matches(self, district: District) -> bool:
        """Whether the district passes both filters."""
        if self.country and district.country.code != self.country:
            return False
        return not (self.continent and district.continent != self.continent)

    @property
    def form_fields(self) -> list[dict]:
        """The selects of the filter form."""
        return [
            {"id": "filter-country", "name": "country", "label": _("Country"), "all": _("All countries"),
             "choices": self.country_choices, "selected": self.country},
            {"id": "filter-continent", "name": "continent", "label": _("Continent"),
             "all": _("All continents"), "choices": self.continent_choices, "selected": self.continent},
        ]

    @property
    def description(self) -> str:
        """The filters in words, for the result summary."""
        parts = []
        if self.country:
            parts.append(dict(countries).get(self.country, self.country))
        if self.continent:
            parts.append(str(dict(Continent.choices).get(self.continent, self.continent)))
        return ", ".join(str(part) for part in parts)

    def closer(self, districts: list[District]) -> dict[str, str] | None:
        """The filter that shows these districts closer than now (their one country or part of the world), or None."""
        codes = {district.country.code for district in districts}
        parts = {district.continent for district in districts}
        if len(codes) == 1 and self.country not in codes:
            return {"country": codes.pop()}
        if len(parts) == 1 and not self.country and self.continent not in parts:
            return {"continent": parts.pop()}
        return None


def district_map(district: District, directory_url: str) -> world_map.DrawnMap:
    """A small map of where one district is, named; its marker opens the network's map of that country."""
    label = _("%(name)s, %(city)s, %(country)s: show on the network's map") % {
        "name": district.name, "city": district.city, "country": district.country.name,
    }
    url = f"{directory_url}?{urlencode({'country': district.country.code})}#{MAP_ANCHOR}"
    place = world_map.Place(*district.position, url, label, district, partner=district.is_partner, name=district.name)
    # Shown about a third as wide as the network's map, so its one name is drawn larger.
    return world_map.draw([place], lambda group: None, name_size=0.9)


def network_map(
    shown: list[tuple[District, str]], filters: DirectoryFilters, directory_url: str, partners: list[tuple[District, str]] = ()
) -> world_map.DrawnMap:
    """The map of the shown participants and the partners the filters match; a cluster links to a closer view.

    The partners are marked apart from the participants, each named with its role.
    """

    def cluster_link(group: list[world_map.Place]):
        query = filters.closer([place.item for place in group])
        if query is None:
            return None
        names = ", ".join(sorted((place.item.name for place in group), key=str.casefold))
        label = ngettext("%(count)d district: %(names)s. Zoom in", "%(count)d districts: %(names)s. Zoom in",
                         len(group)) % {"count": len(group), "names": names}
        return f"{directory_url}?{urlencode(query)}#{MAP_ANCHOR}", label

    places = [
        world_map.Place(
            *district.position, url, f"{district.name}, {district.city}, {district.country.name}", district,
            name=district.name,
        )
        for district, url in shown
    ]
    places += [
        world_map.Place(
            *partner.position,
            url,
            f"{partner.name} ({partner.get_role_display()}), {partner.city}, {partner.country.name}",
            partner,
            partner=True,
            name=partner.name,
        )
        for partner, url in partners
        if filters.matches(partner)
    ]
    return world_map.draw(places, cluster_link)
