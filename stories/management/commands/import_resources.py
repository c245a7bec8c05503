from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from core.jobs import check_header, create_job, run_job
from stories.resource_import import COLUMNS, KIND


class Command(BaseCommand):
    help = (
        "Import resources from a CSV file (columns as in stories.resource_import.COLUMNS), "
        "in this process: the same job and row handler as the admin's background import."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path, **options):
        try:
            with path.open("rb") as binary:
                check_header(binary, COLUMNS)
                job = create_job(KIND, file=File(binary), by=None, file_name=path.name)
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        run_job(job.pk)
        job.refresh_from_db()
        for error in job.report:
            self.stderr.write(
                f"line {error['line']} ({error['label'] or 'no title'}): "
                f"{'; '.join(error['reasons'])}"
            )
        self.stdout.write(f"{job.succeeded} imported, {job.failed} rejected")
        if job.failed:
            raise CommandError(f"{job.failed} row(s) were not imported")
