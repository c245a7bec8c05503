"""Load an edition of the DSI Index from a workbook or three CSV files (see dsiindex/loading.py).

    manage.py load_dsi_index --year 2018 --title "EDSII 2018" edsii.xlsx
    manage.py load_dsi_index --year 2018 --title "EDSII 2018" themes.csv indicators.csv values.csv

Every row is checked first; refused rows are listed and nothing is written.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dsiindex.loading import (
    TablesError,
    load_edition,
    read_tables,
    rows_from_csv,
    rows_from_workbook,
)


class Command(BaseCommand):
    help = "Load (or replace) an edition of the DSI Index and compute it."

    def add_arguments(self, parser):
        parser.add_argument(
            "files", nargs="+", help="a .xlsx workbook, or themes, indicators and values CSV files"
        )
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--title", required=True)
        parser.add_argument("--licence", default="CC BY 4.0")
        parser.add_argument("--source", default="")
        parser.add_argument("--synthetic", action="store_true")
        parser.add_argument("--publish", action="store_true")

    def handle(self, *args, files, year, title, licence, source, synthetic, publish, **options):
        paths = [Path(name) for name in files]
        try:
            if len(paths) == 1:
                with paths[0].open("rb") as workbook:
                    tables = rows_from_workbook(workbook)
            elif len(paths) == 3:
                handles = [path.open("rb") for path in paths]
                try:
                    tables = rows_from_csv(
                        dict(zip(("themes", "indicators", "values"), handles, strict=True))
                    )
                finally:
                    for handle in handles:
                        handle.close()
            else:
                raise CommandError(
                    "Give one workbook or three CSV files (themes, indicators, values)."
                )
        except (OSError, TablesError) as error:
            raise CommandError(str(error)) from error
        checked = read_tables(tables)
        if checked.problems:
            for problem in checked.problems:
                self.stderr.write(f"{problem.sheet}, row {problem.row}: {problem.message}")
            raise CommandError(f"{len(checked.problems)} rows refused; nothing was loaded.")
        edition = load_edition(
            checked,
            year=year,
            title=title,
            licence=licence,
            source=source,
            synthetic=synthetic,
            published=publish,
        )
        self.stdout.write(f"Loaded {edition}: {edition.cities.count()} cities ranked.")
