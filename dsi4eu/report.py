"""The import's report as CSV: one line per record, safe to open in a spreadsheet."""

import csv

COLUMNS = ("kind", "original_id", "name", "outcome", "reason", "url")
#: A cell starting with one of these is a formula to a spreadsheet: it is quoted with "'".
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def write_report(results, stream):
    """Write `results` (anything with kind, legacy_id, name, outcome, reason, url) to `stream`."""
    writer = csv.writer(stream)
    writer.writerow(COLUMNS)
    for result in results:
        row = (
            result.kind,
            result.legacy_id,
            result.name,
            result.outcome,
            result.reason,
            result.url,
        )
        writer.writerow([_safe(value) for value in row])


def counts(results):
    """{(kind, outcome): number} of `results`."""
    totals = {}
    for result in results:
        key = (result.kind, result.outcome)
        totals[key] = totals.get(key, 0) + 1
    return totals


def _safe(value):
    value = str(value or "")
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value
