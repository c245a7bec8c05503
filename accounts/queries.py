"""Reads about one person for their own pages (the apps above add theirs: accounts.sections)."""


def reports_made(user):
    return list(user.reports_made.order_by("-created_at"))
