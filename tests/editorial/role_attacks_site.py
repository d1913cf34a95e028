"""The roles table's attacks on the site's own administration, data history and PO files (see role_attacks.py).

Each family of admin addresses a group was never given is tried too: an
attacker does not need a menu item to post to a URL.
"""

import polib
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Collection, Site, Workflow
from wagtail_localize.models import StringTranslation

from editorial.roles import EDITORS
from tests.factories import UserFactory

from .role_attacks import Attempt, admin_form, attack, data_url, district, district_form, reload
from .role_attacks_other import translation_of

ATTACKERS_TEXT = "Angriberens tekst"


@attack("Danish data: revert to an earlier revision (as a draft)")
def revert_data(a: Attempt) -> bool:
    obj = district("da")
    earlier = obj.save_revision()
    url = data_url("revisions_revert", obj, earlier.pk)
    a.post(url, district_form(obj, name="Gammel version igen"))
    return reload(obj).latest_revision.as_object().name == "Gammel version igen"


@attack("Translation: upload a PO file")
def upload_po_file(a: Attempt) -> bool:
    translation = translation_of(a.site.page("lund-collaboration"), a.language)
    po = polib.pofile(translation.export_po().__unicode__())
    po[0].msgstr = ATTACKERS_TEXT
    upload = SimpleUploadedFile("oversaettelse.po", str(po).encode(), "text/x-gettext-translation")
    a.post(reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload})
    return StringTranslation.objects.filter(locale=translation.target_locale, data=ATTACKERS_TEXT).exists()


@attack("Redirects: add a redirect")
def add_redirect(a: Attempt) -> bool:
    url = reverse("wagtailredirects:add")
    a.post(url, {**admin_form(url), "old_path": ["/da/angreb/"], "redirect_link": ["https://angriber.invalid/"]})
    return Redirect.objects.filter(redirect_link="https://angriber.invalid/").exists()


@attack("Sites: change the site's address")
def change_site(a: Attempt) -> bool:
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsites:edit", args=[site.pk])
    a.post(url, {**admin_form(url), "hostname": ["angriber.invalid"]})
    return reload(site).hostname == "angriber.invalid"


@attack("Collections: add a collection")
def add_collection(a: Attempt) -> bool:
    url = reverse("wagtailadmin_collections:add")
    a.post(url, {**admin_form(url), "name": ["Angriberens samling"], "parent": [Collection.get_first_root_node().pk]})
    return Collection.objects.filter(name="Angriberens samling").exists()


@attack("Workflows: disable the approval workflow")
def disable_workflow(a: Attempt) -> bool:
    workflow = Workflow.objects.get(active=True)
    a.post(reverse("wagtailadmin_workflows:disable", args=[workflow.pk]))
    return not reload(workflow).active


@attack("Users: make a user an administrator")
def make_administrator(a: Attempt) -> bool:
    friend = UserFactory(groups=[EDITORS])
    url = reverse("wagtailusers_users:edit", args=[friend.pk])
    # The factory leaves out the last name, which the form requires.
    a.post(url, {**admin_form(url), "last_name": ["Ven"], "is_superuser": ["on"]})
    return User.objects.get(pk=friend.pk).is_superuser


@attack("Groups: rename a group")
def rename_group(a: Attempt) -> bool:
    group = Group.objects.get(name=EDITORS)
    url = reverse("wagtailusers_groups:edit", args=[group.pk])
    a.post(url, {**admin_form(url), "name": ["Angriberens gruppe"]})
    return reload(group).name == "Angriberens gruppe"
