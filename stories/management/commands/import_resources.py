from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from stories.resource_import import import_resources


class Command(BaseCommand):
    help = "Import resources from a CSV file (columns as in stories.resource_import.COLUMNS)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path, **options):
        try:
            report = import_resources(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        for error in report.errors:
            self.stderr.write(
                f"line {error.line} ({error.title or 'no title'}): {'; '.join(error.reasons)}"
            )
        self.stdout.write(f"{len(report.imported)} imported, {len(report.errors)} rejected")
        if report.errors:
            raise CommandError(f"{len(report.errors)} row(s) were not imported")
