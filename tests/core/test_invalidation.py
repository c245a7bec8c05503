import pytest
from django.core.management import call_command

from core.content_version import content_version

pytestmark = pytest.mark.django_db


def test_migrate_moves_the_content_version_so_a_release_reads_no_old_pickles():
    before = content_version()

    call_command("migrate", verbosity=0)

    assert content_version() != before
