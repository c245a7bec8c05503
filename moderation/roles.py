"""Who someone is on the hub, site-wide: the one answer every app asks.

- A **moderator** reviews submissions and reports, sees content that is not published yet and
  manages any listing's members: superusers and the "Moderators" group.
- An **editor** writes stories and newsletters: superusers and the "Editors" group.
- A **staff member** publishes without review: Django staff, moderators and editors. Staff
  status alone (a Django admin account) gives no moderation powers.
- A **trusted** person's new submissions publish at once: staff members, and anyone whose earlier
  submission a moderator approved (`User.trusted_at`).

Group lookups are cached on the user object, so a request asks the database at most once.
"""

MODERATORS_GROUP = "Moderators"
EDITORS_GROUP = "Editors"


def _group_names(user):
    if not hasattr(user, "_hub_group_names"):
        user._hub_group_names = frozenset(user.groups.values_list("name", flat=True))
    return user._hub_group_names


def is_moderator(user):
    if not user.is_authenticated:
        return False
    return user.is_superuser or MODERATORS_GROUP in _group_names(user)


def is_editor(user):
    if not user.is_authenticated:
        return False
    return user.is_superuser or EDITORS_GROUP in _group_names(user)


def is_staff_member(user):
    if not user.is_authenticated:
        return False
    return user.is_staff or is_moderator(user) or is_editor(user)


def is_trusted(user):
    return user.is_authenticated and (bool(user.trusted_at) or is_staff_member(user))
