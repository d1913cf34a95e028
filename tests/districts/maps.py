"""Reading the server-drawn map of a page as a visitor would: its markers, and what its clusters lead to."""

from bs4 import BeautifulSoup


def page_soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def markers(html):
    """The map's links: (href, accessible name, count shown or 1, centre x, centre y)."""
    found = []
    for link in html.select("svg.world-map__svg a.world-map__marker"):
        count = link.select_one("text:not(.world-map__name)")
        found.append((link["href"], link["aria-label"], int(count.get_text()) if count else 1,
                      float(link.circle["cx"]), float(link.circle["cy"])))
    return found


def view_box(html):
    return [float(number) for number in html.select_one("svg.world-map__svg")["viewbox"].split()]


def labels_reached(client, url, depth=0):
    """The accessible names of every single marker reachable from the map at ``url``, following clusters' links.

    A cluster's closer view may show more than the cluster (its whole part of the world), so names are a set.
    """
    assert depth < 4, "a cluster's link must show its districts closer, not the same map again"
    labels = set()
    for href, label, count, _x, _y in markers(page_soup(client, url)):
        if count == 1:
            labels.add(label)
        else:
            inner = labels_reached(client, href.split("#")[0], depth + 1)
            assert len(inner) >= count
            labels |= inner
    return labels
