import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.models import Job
from dsi4eu.models import ImportOutcome
from organisations.models import Organisation
from projects.models import Project
from tests.support.people import login

from .records import write_export

pytestmark = pytest.mark.django_db


def uploads(tmp_path):
    organisations, projects = write_export(tmp_path)
    return {
        "organisations": SimpleUploadedFile("organisations.json", open(organisations, "rb").read()),
        "projects": SimpleUploadedFile("projects.json", open(projects, "rb").read()),
    }


def test_a_moderator_uploads_the_export_and_gets_the_report(
    client, moderator, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = login(client, moderator).post("/admin/dsi4eu/import/", uploads(tmp_path))
    job = Job.objects.get()
    page = client.get(response["Location"])
    imports = client.get("/admin/dsi4eu/import/")
    report = client.get(f"/admin/dsi4eu/import/{job.pk}/report.csv")

    assert response["Location"] == f"/admin/jobs/{job.pk}/"
    assert "6 rows imported" in page.text  # the nameless and the duplicate ones are skipped
    assert "2 rows not imported" in page.text
    assert "organisation 104: " in page.text and "no name" in page.text
    assert "created: 6, skipped: 2" in imports.text
    assert report["Content-Type"] == "text/csv; charset=utf-8"
    assert report.content.decode().splitlines()[0] == "kind,original_id,name,outcome,reason,url"
    assert len(report.content.decode().splitlines()) == 1 + 8
    assert Organisation.objects.published().count() == 4
    assert Project.objects.published().count() == 2


def test_the_upload_refuses_a_file_that_is_not_the_export_and_starts_no_job(
    client, moderator, tmp_path
):
    files = uploads(tmp_path)
    files["projects"] = SimpleUploadedFile("projects.json", b"<html>not json</html>")

    response = login(client, moderator).post("/admin/dsi4eu/import/", files)

    assert response.status_code == 200
    assert "projects.json is not JSON" in response.text
    assert Job.objects.count() == 0


def test_the_upload_and_the_reports_are_refused_to_an_innovator(client, stranger, tmp_path):
    job = Job.objects.create(kind="dsi4eu.import", file="jobs/x.csv")

    upload = login(client, stranger).post("/admin/dsi4eu/import/", uploads(tmp_path))
    report = client.get(f"/admin/dsi4eu/import/{job.pk}/report.csv")

    assert upload.status_code in (302, 403)
    assert report.status_code in (302, 403)
    assert Job.objects.count() == 1
    assert Organisation.objects.count() == 0
    assert ImportOutcome.objects.count() == 0
