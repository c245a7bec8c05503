"""Loading an edition: from CSV or a workbook, by an editor in the admin or by command; bad
uploads are refused row by row and nothing is half-loaded."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from dsiindex.models import City, Edition, Value
from tests.support.people import login

from .data import INDICATORS, THEMES, csv_files, load, values_csv

pytestmark = pytest.mark.django_db


def test_a_loaded_edition_is_computed_and_ranked_as_the_method_says():
    edition = load()
    ranked = list(City.objects.filter(edition=edition).order_by("rank"))
    # The hand-computed example (tests/dsiindex/test_method.py): D, C, B, A.
    assert [city.name for city in ranked] == ["Warsaw", "Lisbon", "Berlin", "Amsterdam"]
    assert [city.rank for city in ranked] == [1, 2, 3, 4]
    assert ranked[0].score == 1 and ranked[-1].score == 0
    outlier = Value.objects.get(city__name="Warsaw", indicator__code="courses")
    assert (outlier.raw, outlier.capped, outlier.rescaled) == (100, 65.5, pytest.approx(0.9))
    assert edition.computed_at is not None


def test_loading_the_same_year_again_replaces_the_edition():
    load()
    load(values=values_csv(raw=[(0, 5, 1, 4), (10, 5, 2, 3), (20, 1, 3, 2), (30, 9, 4, 1)]))
    assert Edition.objects.count() == 1
    assert Value.objects.get(city__name="Warsaw", indicator__code="courses").raw == 4


def upload(client, **files):
    data = {"year": 2018, "title": "EDSII 2018", "licence": "CC BY 4.0", "publish": "on"}
    return client.post(reverse("dsiindex_upload"), {**data, **files})


def named(files):
    for name, handle in files.items():
        handle.name = f"{name}.csv"
    return files


def test_an_editor_loads_three_csv_files_in_the_admin(client, editor):
    response = upload(login(client, editor), **named(csv_files()))
    assert response.status_code == 302
    edition = Edition.objects.get()
    assert edition.published and edition.cities.count() == 4


def test_an_editor_loads_a_workbook(client, editor):
    workbook = Workbook()
    workbook.active.title = "Themes"
    for line in THEMES.splitlines():
        workbook["Themes"].append(line.split(","))
    for name, text in (("indicators", INDICATORS), ("values", values_csv())):
        sheet = workbook.create_sheet(name)
        for number, line in enumerate(text.splitlines()):
            cells = line.split(",")
            if number and name == "values":
                cells[-1] = float(cells[-1])  # numbers as a spreadsheet stores them
            sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "edsii.xlsx"
    response = upload(login(client, editor), workbook=buffer)
    assert response.status_code == 302
    assert City.objects.get(name="Warsaw").rank == 1


@pytest.mark.parametrize(
    ("tables", "expected"),
    [
        ({"values": values_csv(extra="Atlantis,NL,orgs,3\n")}, "values row 18"),
        ({"values": values_csv(extra="Berlin,DE,orgs,lots\n")}, "“lots” is not a number"),
        ({"values": values_csv(extra="Berlin,DE,orgs,12\n")}, "Berlin has two values for “orgs”"),
        (
            {"themes": "code,name,weight\nsociety,Civil society,0\nskills,Skills,0\n"},
            "add up to zero",
        ),
        ({"indicators": INDICATORS + "orgs,Again,society,1,,higher,\n"}, "“orgs” is listed twice"),
        ({"indicators": INDICATORS + "x,X,nowhere,1,,higher,\n"}, "There is no theme"),
    ],
)
def test_bad_uploads_are_refused_with_row_messages_and_nothing_is_loaded(
    client, editor, tables, expected
):
    load(year=2017)  # an earlier edition must survive untouched
    response = upload(login(client, editor), **named(csv_files(**tables)))
    assert response.status_code == 200
    page = response.content.decode()
    assert "nothing was loaded" in page
    assert expected.split(" row ")[0] in page
    if " row " in expected:
        assert "<td>18</td>" in page  # 16 value rows + the header: the extra row is row 18
    assert list(Edition.objects.values_list("year", flat=True)) == [2017]
    assert Value.objects.count() == 16


def test_an_unknown_city_is_named(client, editor):
    response = upload(
        login(client, editor), **named(csv_files(values=values_csv(extra="Atlantis,NL,orgs,3\n")))
    )
    assert "There is no city “Atlantis” in “NL” in the gazetteer." in response.content.decode()


def test_a_file_that_is_not_a_workbook_gets_a_message(client, editor):
    junk = io.BytesIO(b"not a zip")
    junk.name = "edsii.xlsx"
    response = upload(login(client, editor), workbook=junk)
    assert "This file is not an Excel workbook (.xlsx)." in response.content.decode()
    assert not Edition.objects.exists()


def test_only_editors_may_load_an_edition(client, stranger, moderator):
    for person in (stranger, moderator):
        response = upload(login(client, person), **named(csv_files()))
        assert response.status_code in (302, 403)
        assert not Edition.objects.exists()


def test_the_command_loads_csv_files_and_refuses_bad_ones(tmp_path):
    paths = []
    for name, handle in csv_files().items():
        path = tmp_path / f"{name}.csv"
        path.write_bytes(handle.read())
        paths.append(str(path))
    call_command("load_dsi_index", *paths, "--year", "2018", "--title", "EDSII", "--publish")
    assert Edition.objects.get().published
    (tmp_path / "values.csv").write_text(values_csv(extra="Berlin,DE,orgs,n/a\n"))
    with pytest.raises(CommandError, match="1 rows refused"):
        call_command("load_dsi_index", *paths, "--year", "2019", "--title", "Bad")
    assert not Edition.objects.filter(year=2019).exists()
