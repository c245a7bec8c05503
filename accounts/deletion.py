"""What stops a person from deleting their account, asked of every app that registered a check.

An app whose content must not be left without an owner (a listing whose only owner would vanish)
registers `blocker(user) -> list of objects` from its `AppConfig.ready()`; each object has a
`name` and a `get_absolute_url()`, shown on the deletion page with what to do first.
"""

_BLOCKERS = []


def register_deletion_blocker(blocker):
    """Add `blocker(user) -> [objects]` (usable as a decorator)."""
    if blocker not in _BLOCKERS:
        _BLOCKERS.append(blocker)
    return blocker


def deletion_blockers(user):
    """Everything that must be handed over or deleted before `user` can delete the account."""
    return [obj for blocker in _BLOCKERS for obj in blocker(user)]


_STEPS = []


def register_deletion_step(step):
    """Add `step(user)`, run inside the deletion's transaction before the account row goes:
    an app removes personal data that is not tied to the account by a cascade (the newsletter
    subscription of the account's address)."""
    if step not in _STEPS:
        _STEPS.append(step)
    return step


def run_deletion_steps(user):
    for step in _STEPS:
        step(user)
