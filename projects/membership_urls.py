"""Membership URLs of projects, mounted under /projects/ in the "projects" namespace.

The same views and URL shapes as organisations (see organisations/membership_urls.py); names are
"project-<action>", e.g. "projects:project-invite".
"""

from organisations.membership_urls import patterns_for

from .models import Project

urlpatterns = patterns_for(Project)
