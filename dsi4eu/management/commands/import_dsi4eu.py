"""manage.py import_dsi4eu organisations.json projects.json [--report FILE]

Imports the original digitalsocial.eu open-data export (dsi4eu.services). Safe to run again:
records imported before and unchanged are skipped. Prints the counts and writes the report,
one line per record with its outcome and reason, as CSV.
"""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from dsi4eu.export import load_list, read_export
from dsi4eu.models import Outcome, RecordKind
from dsi4eu.report import counts, write_report
from dsi4eu.services import import_records


class Command(BaseCommand):
    help = "Import organisations and projects from the original DSI4EU platform's export."

    def add_arguments(self, parser):
        parser.add_argument("organisations", help="organisations.json of the export")
        parser.add_argument("projects", help="projects.json of the export")
        parser.add_argument(
            "--report",
            default="dsi4eu-import-report.csv",
            help="where to write the report as CSV (default: %(default)s)",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="no progress bar, even on a terminal"
        )

    def handle(self, *args, **options):
        records = read_export(_load(options["organisations"]), _load(options["projects"]))
        quiet = options["no_progress"] or not sys.stderr.isatty()
        with tqdm(total=len(records), unit="record", disable=quiet, file=sys.stderr) as bar:
            results = import_records(records, progress=lambda _result: bar.update())
        with open(options["report"], "w", newline="", encoding="utf-8") as stream:
            write_report(results, stream)
        self._summary(results, options["report"])

    def _summary(self, results, report):
        totals = counts(results)
        for kind in RecordKind:
            numbers = ", ".join(
                f"{outcome.label} {totals.get((kind.value, outcome.value), 0)}"
                for outcome in Outcome
            )
            self.stdout.write(f"{kind.label.capitalize()}s: {numbers}")
        self.stdout.write(f"Report: {report}")


def _load(path):
    try:
        with open(path, "rb") as stream:
            return load_list(stream, path)
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror}") from error
    except ValueError as error:
        raise CommandError(str(error)) from error
