"""What runs when (Celery beat): each app registers its own periodic tasks.

An app calls `register_periodic_task(name, task, schedule, **options)` from its
`AppConfig.ready()`, with the entry's name, the task's name (`<app>.<action>`), a schedule
(seconds, a `timedelta` or a `crontab`, read in `CELERY_TIMEZONE`) and any options Celery's
`apply_async` takes. `dsihub/celery.py` copies the registered entries into the Celery app's
beat schedule once the app is finalized, so settings keep no list of every app's tasks.

The same name registered twice with the same task and schedule changes nothing; the same name
for another task or schedule is a mistake and raises at start-up.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class PeriodicTask:
    name: str
    task: str
    schedule: object
    options: dict = field(default_factory=dict)


_entries = {}


def register_periodic_task(name, task, schedule, **options):
    entry = PeriodicTask(name, task, schedule, options)
    existing = _entries.get(name)
    if existing is not None and existing != entry:
        raise ImproperlyConfigured(
            f"The periodic task {name!r} is registered twice, for {existing.task} and {task}."
        )
    _entries[name] = entry


def periodic_tasks():
    """The registered entries, in registration order (for dsihub/celery.py, docs and tests)."""
    return tuple(_entries.values())


def forget_periodic_task(name):
    """Take an entry out again (for tests that register one of their own)."""
    _entries.pop(name, None)
