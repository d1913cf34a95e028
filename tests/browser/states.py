"""What the sweep checks: every public address, and the states an address can be in.

An address alone hides most of what visitors meet: a filter with no result,
an unknown filter value, a search too long, the second page of a listing, an
alias page, a password form and its error, the 405 and 500 pages, and the
project's own admin screens. Each state here is one test item (per viewport),
so one failure never hides another. The list is made while the tests are
collected, from the page tree (``tests/site_urls.py``) and from ``SweepData``:
test data made for the sweep and removed after it, at fixed addresses.
"""

from dataclasses import dataclass, field

from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.users.models import UserProfile

from sciencecity.models import InformationPage
from tests.factories import ImageFactory, UserFactory
from tests.site_urls import collect_site_urls
from workshops.models import GraphicRecording, Kind, Workshop

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
SOURCE, *TARGETS = LANGUAGES
PASSWORD = "sweep-hemmelighed"
LONG_QUERY = "innovation " * 25  # past search's 200 characters
# The test-only address that raises, so the real 500 page is drawn through every middleware.
SERVER_ERROR_URLCONF = "tests.browser.urls"
# How the project's own admin screens are reached: a superuser who must still set up two-factor
# sign-in, one who must enter a code, and one who has.
ENROLLING, UNVERIFIED, VERIFIED = "enrolling", "unverified", "verified"


@dataclass(frozen=True)
class State:
    """One thing to check: an address, reached in a certain way, with what it must answer and show."""

    path: str
    language: str | None
    status: int = 200
    method: str = "GET"
    submit: dict[str, str] = field(default_factory=dict)  # fields filled in, then the form sent
    signed_in: str | None = None  # ENROLLING, UNVERIFIED or VERIFIED
    shows: str | None = None  # a CSS selector that proves the state is the one meant
    cookies: frozenset[str] = frozenset()  # what it may set: a form's CSRF cookie, a session
    urlconf: str | None = None
    name: str = ""

    @property
    def id(self) -> str:
        """The test id: the address, and how it was reached where that is not a plain GET."""
        return self.name or (self.path if self.method == "GET" else f"{self.method} {self.path}")


def page_states() -> list[State]:
    """Every public HTML address the site lists, as it is."""
    return [
        State(url.path, url.language, url.status)
        for url in collect_site_urls()
        if url.kind == "html"
    ]


def paths_by_source() -> dict[tuple[str, str | None], str]:
    """The address of each page type's first page, by (source, language)."""
    paths: dict[tuple[str, str | None], str] = {}
    for url in collect_site_urls():
        paths.setdefault((url.source, url.language), url.path)
    return paths


def state_variants(language: str, paths) -> list[State]:
    """The states of one language's pages that a plain address does not reach."""
    home = paths[("page:partnerships.HomePage", language)]
    network = paths[("page:partnerships.NetworkPage", language)]
    workshops = paths[("page:partnerships.WorkshopsPage", language)]
    search = paths[("url:search", language)]
    form = frozenset({"csrftoken"})
    return [
        State(f"{network}?country=US", language, shows=".district-card"),
        State(f"{network}?country=US&continent=oceania", language,
              shows=".directory__result:not(:has(.district-card)):not(:has(.notice))"),
        State(f"{network}?country=atlantis&continent=midgard", language, shows=".directory__result .notice"),
        State(f"{workshops}?topic=talent", language, shows=".workshop-item"),
        State(f"{workshops}?topic=startups&district=ucity-square", language,
              shows=".workshop-listing:not(:has(.workshop-item)):not(:has(.notice))"),
        State(f"{workshops}?topic=ukendt-emne", language, shows=".workshop-listing .notice"),
        State(f"{workshops}?page=2", language, shows=".pagination a[rel=prev]"),
        State(f"{workshops}{SweepData.DRAWN_SLUG}/", language, shows=".graphic-recording details"),
        State(f"{search}?q=innovation", language, shows=".search-result"),
        State(f"{search}?q=innovation&page=2", language, shows=".pagination a[rel=prev]"),
        State(f"{search}?q=zzyzx", language, shows=".search-results:not(:has(.search-result)) .search-results__summary"),
        State(f"{search}?q={LONG_QUERY.strip().replace(' ', '+')}", language, shows=".search-results .notice",
              name=f"{search}?q=<a query of {len(LONG_QUERY)} characters>"),
        State(home + SweepData.PRIVATE_SLUGS[language] + "/", language, shows="input[name=password]", cookies=form),
        State(home + SweepData.PRIVATE_SLUGS[language] + "/", language, submit={"password": "forkert"},
              shows=".field--error", cookies=form, name=f"{home}{SweepData.PRIVATE_SLUGS[language]}/ wrong password"),
        State(f"/{language}/_util/login/?next={home}", language, shows="input[name=username]", cookies=form),
        State(f"/{language}/_util/login/?next={home}", language, submit={"username": "ingen", "password": "forkert"},
              shows=".site-form__errors", cookies=form, name=f"/{language}/_util/login/ wrong password"),
        State(home, language, 405, method="POST"),
        State(f"/{language}/test-only-server-error/", language, 500, urlconf=SERVER_ERROR_URLCONF),
    ]


def admin_states(language: str) -> list[State]:
    """The project's own admin screens, signed in, in the admin language ``language``."""
    session = frozenset({"sessionid", "csrftoken"})
    return [
        State("/admin/two-factor/set-up/", language, signed_in=ENROLLING, shows="form", cookies=session,
              name=f"{language}: /admin/two-factor/set-up/"),
        State("/admin/two-factor/verify/", language, signed_in=UNVERIFIED, shows="input[name=code]", cookies=session,
              name=f"{language}: /admin/two-factor/verify/"),
        State("/admin/two-factor/", language, signed_in=VERIFIED, cookies=session,
              name=f"{language}: /admin/two-factor/"),
        State("/admin/reports/translation-status/", language, signed_in=VERIFIED, cookies=session,
              name=f"{language}: /admin/reports/translation-status/"),
        State("/admin/", language, signed_in=VERIFIED, cookies=session, shows=".launch-checklist",
              name=f"{language}: /admin/ (launch checklist)"),
    ]


def collect_states() -> list[State]:
    """The whole sweep: every public address, every state of them, the admin screens of ours."""
    paths = paths_by_source()
    states = page_states()
    for language in LANGUAGES:
        states += state_variants(language, paths)
    # Each language's alias of a page nobody has translated: the original's text, marked as such, under a notice.
    states += [
        State(paths[("page:partnerships.HomePage", language)] + SweepData.ALIAS_SLUG + "/", language,
              shows=f".main__content[lang={SOURCE}]")
        for language in TARGETS
    ]
    for language in LANGUAGES:
        states += admin_states(language)
    return states


class SweepData:
    """The test data the states need, made before a module's sweep and removed after it (browser tests commit)."""

    ALIAS_SLUG = "side-kun-paa-dansk"  # Danish, and every other language's alias of it
    PRIVATE_SLUGS = {language: f"intern-side-{language}" for language in LANGUAGES}
    WORKSHOPS = 11  # one more than a page of the listing
    DRAWN_SLUG = "netvaerksmoede-1"  # the session given a graphic recording

    def __init__(self):
        self.pages: list[Page] = []
        homes = {language: Page.objects.get(depth=2, locale__language_code=language) for language in LANGUAGES}
        # A Danish page nobody has translated: other languages' visitors get an alias of it, with a notice.
        danish = homes[SOURCE].add_child(
            instance=InformationPage(title="Side kun på dansk", slug=self.ALIAS_SLUG, locale=homes[SOURCE].locale)
        )
        self.pages.append(danish)
        for language in TARGETS:
            # wagtail-localize's synchronisation may have made the alias already.
            alias = Page.objects.filter(alias_of=danish, locale__language_code=language).first()
            self.pages.append(alias or danish.copy_for_translation(Locale.objects.get(language_code=language), alias=True))
        for language, slug in self.PRIVATE_SLUGS.items():
            private = homes[language].add_child(
                instance=InformationPage(title=slug.replace("-", " ").capitalize(), slug=slug, locale=homes[language].locale)
            )
            PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD)
            self.pages.append(private)
        danish_locale = homes[SOURCE].locale
        self.workshops = [
            Workshop.objects.create(
                slug=f"netvaerksmoede-{number}", locale=danish_locale, title=f"Netværksmøde {number}", kind=Kind.PEER_SESSION
            )
            for number in range(1, self.WORKSHOPS + 1)
        ]
        self.drawing = ImageFactory(title="Tegning fra netværksmødet")
        GraphicRecording.objects.create(
            workshop=self.workshops[0], locale=danish_locale, image=self.drawing,
            alt_text="Tegning af netværksmødet", description="Øverst: mødets spørgsmål.\n\nNederst: tre svar.",
        )
        self.users = {}

    def session_cookie(self, kind: str, language: str, url: str) -> dict:
        """A signed-in superuser's session for the browser: ``kind`` says how far two-factor sign-in got."""
        user = self.users.get((kind, language))
        if user is None:
            user = UserFactory(username=f"sweep-{kind}-{language}", is_superuser=True, is_staff=True)
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = language
            profile.save()
            if kind != ENROLLING:
                TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
            self.users[(kind, language)] = user
        client = Client()
        client.force_login(user)
        if kind == VERIFIED:
            session = client.session
            session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=user).persistent_id
            session.save()
        return {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": url}

    @staticmethod
    def forget_failed_sign_ins() -> None:
        """Forget every failed sign-in django-axes counted."""
        AccessAttempt.objects.all().delete()

    def remove(self) -> None:
        """Delete everything made for the sweep, aliases before what they show."""
        for page in reversed(self.pages):
            # wagtail-localize's synchronisation gives every page aliases in the other languages.
            Page.objects.filter(alias_of=page).delete()
            Page.objects.filter(pk=page.pk).delete()
        for workshop in self.workshops:
            workshop.delete()
        self.drawing.delete()
        for user in self.users.values():
            user.delete()
        self.forget_failed_sign_ins()

