"""`manage.py import_graph`: the apps' import graph as Mermaid and a table (core.layering).

`--write` replaces the generated part of docs/architecture.md; without it the block is printed.
tests/core/test_dependencies.py fails when the committed picture differs from the code.
"""

from pathlib import Path

from django.core.management.base import BaseCommand

from core import layering

DOCUMENT = Path("docs") / "architecture.md"


class Command(BaseCommand):
    help = "Print the apps' import graph (Mermaid), or write it into docs/architecture.md."

    def add_arguments(self, parser):
        parser.add_argument(
            "--write", action="store_true", help=f"Replace the generated block in {DOCUMENT}."
        )

    def handle(self, *args, write, **options):
        block = layering.generated_block(layering.import_graph())
        if not write:
            self.stdout.write(block)
            return
        path = layering.project_root() / DOCUMENT
        path.write_text(layering.replace_block(path.read_text(), block))
        self.stdout.write(f"Wrote the import graph into {DOCUMENT}.")
