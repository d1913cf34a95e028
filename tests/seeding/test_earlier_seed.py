"""An install an earlier seed wrote gets the corrected wording from ``load_site_content``, in every language.

Where the text still reads exactly as the earlier seed wrote it, the Danish
source gets a new published revision and its Swedish and English translations
follow through wagtail-localize; where an editor or a translator has written
their own, it stays. A second run changes nothing. wagtail-localize publishes
a translation once the transaction commits, so the tests run those callbacks.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Revision
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from districts.content import seeded_districts
from districts.models import District, Role
from partnerships.content import NETWORK, WORKSHOPS
from partnerships.models import NetworkPage, WorkshopsPage
from sciencecity.models import FooterText, InformationPage
from seeding.legal_pages import ACCESSIBILITY_STATEMENT
from seeding.site_content import FOOTER
from seeding.tools import _segment_pairs, in_language, revised, seed_key
from tests.conftest import load_site_content
from workshops.content import TOPICS, workshop_fields
from workshops.models import Topic, Workshop

pytestmark = pytest.mark.django_db

TARGETS = ("sv", "en")


def as_the_earlier_seed_wrote_it(model, key, fields):
    """Put back what the earlier seed wrote, as it wrote it: the Danish version, then its translations."""
    source = model.objects.get(translation_key=seed_key(key), locale__language_code="da")
    earlier = in_language(fields, "da", key, earlier=True)
    for name, value in fields.items():
        if revised(value):
            setattr(source, name, earlier[name])
    source.save_revision().publish()
    translation_source, _created = TranslationSource.update_or_create_from_instance(source)
    for language in TARGETS:
        locale = Locale.objects.get(language_code=language)
        pairs = _segment_pairs(model, earlier, in_language(fields, language, key, earlier=True))
        for segment in StringSegment.objects.filter(source=translation_source).select_related("string", "context"):
            StringTranslation.objects.update_or_create(
                translation_of=segment.string, locale=locale, context=segment.context,
                defaults={"data": pairs[(segment.context.path, segment.string.data)]},
            )
        Translation.objects.get(source=translation_source, target_locale=locale).save_target(publish=True)
    return source


def version(model, key, language):
    return model.objects.get(translation_key=seed_key(key), locale__language_code=language)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit (wagtail-localize's publication of a translation) as the block ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def load(committed) -> str:
    with committed():
        return load_site_content()


@pytest.fixture
def earlier_install(site_content, committed):
    """The seeded site as the seed before issue 38 left it, for the objects that seed worded differently."""
    with committed():
        earlier_objects()
    return site_content


def earlier_objects():
    as_the_earlier_seed_wrote_it(NetworkPage, "giid-network", NETWORK)
    as_the_earlier_seed_wrote_it(WorkshopsPage, "giid-workshops", WORKSHOPS)
    as_the_earlier_seed_wrote_it(InformationPage, "accessibility-statement", ACCESSIBILITY_STATEMENT)
    as_the_earlier_seed_wrote_it(Workshop, "workshop:investing-in-startups", workshop_fields("investing-in-startups"))
    as_the_earlier_seed_wrote_it(Topic, "topic:talent", {**TOPICS["talent"], "slug": "talent"})
    districts = seeded_districts()
    as_the_earlier_seed_wrote_it(District, "district:science-city-lyngby", districts["science-city-lyngby"])
    as_the_earlier_seed_wrote_it(District, "district:mind-milano-innovation-district",
                                 districts["mind-milano-innovation-district"])
    as_the_earlier_seed_wrote_it(FooterText, "footer", FOOTER)


def test_the_earlier_install_really_reads_as_the_earlier_seed(earlier_install):
    assert "mødes hver måned online" in version(NetworkPage, "giid-network", "da").introduction
    assert version(WorkshopsPage, "giid-workshops", "sv").title == "Workshoppar och peer sessions"
    assert version(InformationPage, "accessibility-statement", "en").last_reviewed == datetime.date(2026, 11, 27)
    assert version(District, "district:mind-milano-innovation-district", "en").city == "Milano"
    assert version(District, "district:science-city-lyngby", "da").role == Role.PARTNER
    assert list(version(Workshop, "workshop:investing-in-startups", "da").topics.all()) == []


def test_load_site_content_brings_an_earlier_install_up_to_date_in_every_language(client, earlier_install, committed):
    output = load(committed)
    assert "updated the Danish page 'GIID-netværket'" in output
    assert "updated the sv translation of 'Workshops og peer sessions'" in output

    network = {language: version(NetworkPage, "giid-network", language).introduction for language in ("da", *TARGETS)}
    assert network["da"].endswith("og har mødtes hver måned online.")
    assert network["sv"].endswith("och har träffats varje månad online.")
    assert network["en"].endswith("and have met online every month.")
    assert version(WorkshopsPage, "giid-workshops", "sv").title == "Workshoppar och peer-sessioner"
    assert version(WorkshopsPage, "giid-workshops", "en").introduction.endswith("Here you can read about the meetings.")
    for language in ("da", *TARGETS):
        statement = version(InformationPage, "accessibility-statement", language)
        assert statement.last_reviewed is None
        assert [block.block_type for block in statement.body] == ["text", "contact_text", "organisation_contact", "text"]
        session = version(Workshop, "workshop:investing-in-startups", language)
        assert "grafisk" not in session.summary and "graphic" not in session.summary
        assert [topic.slug for topic in session.topics.all()] == ["startups"]
        assert version(District, "district:science-city-lyngby", language).role == Role.NETWORK_PARTNER
    assert version(District, "district:mind-milano-innovation-district", "en").city == "Milan"
    assert version(District, "district:mind-milano-innovation-district", "sv").city == "Milano"
    assert version(Topic, "topic:talent", "sv").question == "Hur lockar och behåller man talanger?"
    assert "works to build" in version(FooterText, "footer", "en").text

    # What visitors read, from the published versions.
    html = BeautifulSoup(client.get(version(NetworkPage, "giid-network", "en").url).content, "html.parser")
    assert "have met online every month" in html.select_one(".lead").get_text()
    assert "Milan, Italy" in html.get_text()

    revisions = Revision.objects.count()
    again = load(committed)
    assert "updated" not in again and "created" not in again
    assert Revision.objects.count() == revisions


def test_an_editors_and_a_translators_own_wording_survive(earlier_install, committed):
    from tests.factories import UserFactory

    editor = UserFactory(is_superuser=True)
    network = version(NetworkPage, "giid-network", "da")
    network.introduction = "Netværkets distrikter mødes nu hvert kvartal."
    network.save_revision(user=editor).publish()
    workshops = version(WorkshopsPage, "giid-workshops", "da")
    source = TranslationSource.objects.get(object_id=workshops.translation_key, locale=workshops.locale)
    intro = StringTranslation.objects.get(locale__language_code="sv", context__object=source.object,
                                          translation_of__data__startswith="Netværkets distrikter mødes")
    intro.data, intro.last_translated_by = "Våra egna ord om mötena.", editor
    intro.save()
    with committed():
        Translation.objects.get(source=source, target_locale__language_code="sv").save_target(user=editor, publish=True)

    load(committed)

    assert version(NetworkPage, "giid-network", "da").introduction == "Netværkets distrikter mødes nu hvert kvartal."
    # Its translations are the translators' to bring up to date from the editor's new Danish.
    assert "möts varje månad online" in version(NetworkPage, "giid-network", "sv").introduction
    assert version(WorkshopsPage, "giid-workshops", "sv").introduction == "Våra egna ord om mötena."
    # The rest of that page, and its Danish source, are corrected all the same.
    assert version(WorkshopsPage, "giid-workshops", "da").introduction.endswith("Her kan du læse om møderne.")
    assert version(WorkshopsPage, "giid-workshops", "en").introduction.endswith("Here you can read about the meetings.")


def test_a_waiting_draft_is_never_published_over(earlier_install, committed):
    network = version(NetworkPage, "giid-network", "da")
    network.introduction = "Et udkast, der venter på godkendelse."
    network.save_revision()
    load(committed)
    network.refresh_from_db()
    assert "mødes hver måned online" in network.introduction
    assert network.get_latest_revision_as_object().introduction == "Et udkast, der venter på godkendelse."
