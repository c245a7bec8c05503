import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from core.models import Job
from stories.models import Resource
from tests.factories.accounts import UserFactory
from tests.factories.clusters import ClusterFactory
from tests.factories.listings import OrganisationFactory
from tests.factories.stories import ResourceFactory
from tests.support.people import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead():
    """A cluster lead: may add resources in the admin, but they wait for review."""
    user = UserFactory(email="lead@example.org", groups=["Cluster leads"])
    ClusterFactory(slug="lead-cluster").leads.add(user)
    return user


@pytest.fixture
def django_capture_on_commit_callbacks_executing(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


HEADER = ["title", "description", "link_url", "link_text", "author", "clusters", "types"]


def csv_text(rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue()


def good_row(n):
    return [
        f"Guide {n}",
        "How to start.",
        f"https://r.example.org/{n}",
        "Read",
        "Open Commons",
        "repair;care",
        "guide",
    ]


@pytest.fixture
def fifty_rows_three_bad(organisation):
    ClusterFactory(slug="repair", title="Repair")
    ClusterFactory(slug="care", title="Care")
    rows = [good_row(n) for n in range(50)]
    rows[4][0] = ""  # no title
    rows[20][2] = "not a web address"
    rows[33][5] = "repair;no-such-cluster"
    return csv_text(rows)


def test_resource_list_filters_by_cluster_type_and_author(client, organisation):
    repair = ClusterFactory(slug="repair")
    ResourceFactory(title="Repair toolkit", clusters=[repair], author=organisation)
    ResourceFactory(title="Data report", resource_type="report")

    by_cluster = client.get("/resources/?cluster=repair")
    by_type = client.get("/resources/?type=report")
    by_author = client.get("/resources/?author=open-commons")

    assert [r.title for r in by_cluster.context["resources"]] == ["Repair toolkit"]
    assert [r.title for r in by_type.context["resources"]] == ["Data report"]
    assert [r.title for r in by_author.context["resources"]] == ["Repair toolkit"]
    assert "Open Commons" in by_author.text
    assert by_cluster.cookies == {}


def test_the_library_lists_the_newest_first_and_is_the_only_public_resource_page(client):
    ResourceFactory(title="Older guide", year=2019)
    ResourceFactory(title="Newer guide", year=2024)

    response = client.get("/resources/")

    assert [r.title for r in response.context["resources"]] == ["Newer guide", "Older guide"]
    # Resources are added in the admin: no public submit form, no page of their own.
    assert client.get("/resources/new/").status_code == 404
    assert client.get("/resources/newer-guide/").status_code == 404


@pytest.mark.parametrize("count", [1, 20])
def test_resource_list_query_count_is_fixed(client, django_assert_num_queries, count):
    clusters = [ClusterFactory(), ClusterFactory()]
    for _ in range(count):
        ResourceFactory(clusters=clusters, author=OrganisationFactory())

    with django_assert_num_queries(6):  # 5, and the cluster and type facets
        response = client.get("/resources/")
    with django_assert_num_queries(0):  # the same filter and page: kept until the content changes
        again = client.get("/resources/?page=1")

    assert len(response.context["resources"]) == len(again.context["resources"]) == count


def test_resource_list_offers_a_new_author_at_once_without_the_page_cache(client, settings):
    settings.PAGE_CACHE = False
    ResourceFactory(author=OrganisationFactory(name="First Author"))
    assert "First Author" in client.get("/resources/").text

    ResourceFactory(author=OrganisationFactory(name="Second Author"))
    response = client.get("/resources/")

    assert "Second Author</option>" in response.text
    assert "2 resources" in response.text


def test_import_command_imports_47_of_50_and_reports_the_3_bad_rows(
    tmp_path, fifty_rows_three_bad, capsys
):
    path = tmp_path / "resources.csv"
    path.write_text(fifty_rows_three_bad, encoding="utf-8")

    with pytest.raises(CommandError, match="3 row"):
        call_command("import_resources", str(path))

    err = capsys.readouterr().err
    assert Resource.objects.count() == 47
    assert "line 6 (no title): title: This field is required." in err
    assert "line 22 (Guide 20): link_url: Enter a valid URL." in err
    assert "line 35 (Guide 33): clusters: Unknown cluster: no-such-cluster." in err
    guide = Resource.objects.get(title="Guide 0")
    assert guide.author.name == "Open Commons"
    assert guide.resource_type == "guide"
    assert sorted(c.slug for c in guide.clusters.all()) == ["care", "repair"]


def test_admin_import_answers_with_the_progress_page_then_shows_the_per_row_report(
    client, editor, fifty_rows_three_bad, django_capture_on_commit_callbacks_executing
):
    upload = SimpleUploadedFile("r.csv", fifty_rows_three_bad.encode(), content_type="text/csv")

    with django_capture_on_commit_callbacks_executing():
        response = login(client, editor).post("/admin/resources/import/", {"file": upload})
    job = Job.objects.get()
    page = client.get(response["Location"])

    assert response.status_code == 302
    assert response["Location"] == f"/admin/jobs/{job.pk}/"
    assert "47 rows imported" in page.text
    assert "3 rows not imported" in page.text
    assert page.text.count('class="import-error"') == 3
    assert 'http-equiv="refresh"' not in page.text  # done: the page stops reloading
    assert Resource.objects.published().count() == 47


def test_admin_import_refuses_a_file_without_the_columns_and_starts_no_job(client, editor):
    upload = SimpleUploadedFile("r.csv", b"name,url\nA,https://a.example.org\n")

    response = login(client, editor).post("/admin/resources/import/", {"file": upload})

    assert response.status_code == 200
    assert "Missing columns: title, description, link_url" in response.text
    assert Job.objects.count() == 0


@pytest.mark.parametrize("role", ["moderator", "lead"])
def test_admin_import_is_refused_to_people_whose_resources_are_reviewed_or_who_cannot_add(
    client, role, moderator, lead
):
    upload = SimpleUploadedFile("r.csv", csv_text([good_row(1)]).encode(), content_type="text/csv")
    person = {"moderator": moderator, "lead": lead}[role]

    response = login(client, person).post("/admin/resources/import/", {"file": upload})

    assert response.status_code in (302, 403)
    assert Resource.objects.count() == 0
    assert Job.objects.count() == 0
