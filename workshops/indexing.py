"""Keeping the search index of topics and workshops in step when a topic changes.

Each topic and each workshop is indexed with its topics' words in every
language (``Topic.words_in_every_language``, ``Workshop.words_of_its_topics``),
so saving one version of a topic changes what its other versions and the
workshops that name it should be found by; Wagtail re-indexes only the row
saved. A workshop is indexed again once it is published, when its topics are
saved too (Wagtail indexes it as the row is written, before its topics are).
"""

from django.db import transaction
from wagtail.search.index import insert_or_update_object

from .models import Topic, Workshop


def topic_saved(instance, **kwargs) -> None:
    """After the save commits, index again every version of the topic and every workshop that names it."""
    key = instance.translation_key

    def reindex():
        for obj in [*Topic.objects.filter(translation_key=key), *Workshop.objects.filter(topics__translation_key=key)]:
            insert_or_update_object(obj)

    # robust: a failed re-index must not undo or fail the editor's save.
    transaction.on_commit(reindex, robust=True)


def workshop_published(instance, **kwargs) -> None:
    """After the publication commits, index the workshop again, now with the topics it was published with."""
    transaction.on_commit(lambda: insert_or_update_object(type(instance).objects.get(pk=instance.pk)), robust=True)
