"""How the purge queue is doing: the age of its oldest waiting task, for /health/ and the admin dashboard.

In production a worker process runs the queue (``db_worker --backend purge``).
When it stops, changes still reach the database but not the edge, which keeps
showing the old pages; nothing else would tell anyone. (A page made private or
unpublished does not wait for the queue: ``purge.py`` purges it at once too.)
"""

from django.db.models import Count, Min, Q
from django.utils import timezone
from django_tasks import task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max

BACKEND = "purge"
# A purge normally runs within seconds; a minute means the worker is not taking tasks.
WAITING_TOO_LONG_SECONDS = 60


def waiting() -> tuple[int, float]:
    """How many purges wait to run now, and for how many seconds the oldest has waited (0 when none)."""
    if not isinstance(task_backends[BACKEND], DatabaseBackend):
        return 0, 0.0  # run at once in the editor's process: nothing ever waits
    now = timezone.now()
    ready = DBTaskResult.objects.ready().filter(backend_name=BACKEND)
    # A task waits from when it was queued, or, queued to run later (a retry), from then.
    at_once = Q(run_after=get_date_max())  # how django-tasks-db stores "no time to run after"
    found = ready.aggregate(count=Count("pk"), queued=Min("enqueued_at", filter=at_once), due=Min("run_after", filter=~at_once))
    times = [moment for moment in (found["queued"], found["due"]) if moment is not None]
    if not times:
        return 0, 0.0
    return found["count"], max(0.0, (now - min(times)).total_seconds())


def health() -> dict:
    """The purge queue for /health/: ``ok`` while no purge has waited longer than a minute."""
    count, seconds = waiting()
    return {"ok": seconds <= WAITING_TOO_LONG_SECONDS, "waiting": count, "oldest_waiting_seconds": round(seconds)}
