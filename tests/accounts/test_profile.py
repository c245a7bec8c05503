"""The public profile at /people/<id>/ and editing my own at /account/profile/."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from PIL import Image
from taggit.models import Tag

from accounts.models import User, UserLink
from tests.factories.accounts import UserFactory
from tests.factories.listings import OrganisationFactory, ProjectFactory
from tests.factories.taxonomy import PlaceFactory

pytestmark = pytest.mark.django_db


def png_upload(name="me.png", size=(200, 200), **kwargs):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, "PNG", **kwargs)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def profile_data(**overrides):
    """A complete, valid POST for the profile form (links formset empty)."""
    data = {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "job_title": "",
        "company": "",
        "bio": "",
        "country": "",
        "city": "",
        "skills": "",
        "language": "en",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "10",
    }
    data.update(overrides)
    return data


@pytest.fixture
def person():
    user = UserFactory(
        email="ada@example.org",
        first_name="Ada",
        last_name="Lovelace",
        job_title="Analyst",
        company="Engines Ltd",
        bio="Line one.\nLine two.",
        country="BE",
        city=PlaceFactory(name="Testville", country="BE"),
        languages=["fr", "en"],
    )
    user.skills.set(["open data", "design"])
    UserLink.objects.create(user=user, kind="github", url="https://github.com/ada")
    return user


# Public profile ---------------------------------------------------------------------------


def test_profile_shows_the_public_fields(client, person):
    response = client.get(f"/people/{person.pk}/")

    text = response.text
    assert '<h1 class="page-header__title">Ada Lovelace</h1>' in text
    assert "Analyst, Engines Ltd" in text
    assert "Testville, Belgium" in text
    assert "<p>Line one.<br>Line two.</p>" in text
    assert '<li class="tag">design</li>' in text
    assert '<li class="tag">open data</li>' in text
    assert "English, French" in text
    assert 'GitHub: <a href="https://github.com/ada"' in text


def test_profile_hides_the_email_address_by_default(client, person):
    response = client.get(person.get_absolute_url())

    assert response.status_code == 200
    assert "ada@example.org" not in response.text


def test_profile_shows_the_email_address_when_the_person_chose_to(client, person):
    person.show_email = True
    person.save()

    response = client.get(person.get_absolute_url())

    assert '<a href="mailto:ada@example.org">ada@example.org</a>' in response.text


def test_profile_bio_is_shown_as_text_not_html(client):
    person = UserFactory(bio='<script>alert("x")</script> <b>bold</b>')

    response = client.get(person.get_absolute_url())

    assert "<script>alert" not in response.text
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt;" in response.text
    )


def test_profile_of_a_deactivated_account_is_not_found(client):
    person = UserFactory(is_active=False)

    response = client.get(person.get_absolute_url())

    assert response.status_code == 404


def test_profile_of_a_nameless_account_does_not_fall_back_to_the_email(client):
    person = UserFactory(email="nameless@example.org", first_name="", last_name="")

    response = client.get(person.get_absolute_url())

    assert '<h1 class="page-header__title">Hub member</h1>' in response.text


def test_profile_lists_only_published_organisations_and_projects(client, person):
    OrganisationFactory(name="Open Kitchen", owner=person)
    OrganisationFactory(name="Secret Draft Org", owner=person, pending=True)
    ProjectFactory(name="Seed Library", members=[person])
    ProjectFactory(name="Hidden Draft Project", owner=person, pending=True)

    response = client.get(person.get_absolute_url())

    assert "Open Kitchen" in response.text
    assert "Seed Library" in response.text
    assert "Secret Draft Org" not in response.text
    assert "Hidden Draft Project" not in response.text


def test_profile_offers_its_owner_an_edit_link(client, person):
    client.force_login(person)

    response = client.get(person.get_absolute_url())

    assert 'href="/account/profile/"' in response.text


def test_profile_offers_no_edit_link_to_others(client, person):
    client.force_login(UserFactory())

    response = client.get(person.get_absolute_url())

    assert 'href="/account/profile/"' not in response.text


def test_profile_offers_others_a_report_link(client, person):
    client.force_login(UserFactory())

    response = client.get(person.get_absolute_url())

    assert f'href="/report/accounts/user/{person.pk}/"' in response.text


@pytest.mark.parametrize("count", [1, 20])
def test_profile_costs_the_same_queries_whatever_it_holds(client, django_assert_num_queries, count):
    person = UserFactory(city=PlaceFactory(), country="BE")
    person.skills.set([f"skill {n}" for n in range(count)])
    for n in range(count):
        UserLink.objects.create(user=person, kind="website", url=f"https://example.org/{n}")
        OrganisationFactory(name=f"Org {n}", members=[person])
        ProjectFactory(name=f"Project {n}", members=[person])

    with django_assert_num_queries(5):
        response = client.get(person.get_absolute_url())

    assert response.text.count('<li class="tag">skill') == count


# Editing my profile -----------------------------------------------------------------------


def test_profile_edit_needs_a_login(client):
    response = client.get("/account/profile/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_profile_edit_shows_my_current_values(client, person):
    client.force_login(person)

    response = client.get("/account/profile/")

    assert 'value="Analyst"' in response.text
    assert 'value="Testville"' in response.text
    assert 'value="&quot;open data&quot;, design"' in response.text


def test_profile_edit_saves_every_field_and_shows_the_result(client):
    person = UserFactory(first_name="Ada")
    PlaceFactory(name="Qxyburg", ascii_name="Qxyburg", country="BE", population=5)
    ghent = PlaceFactory(name="Qxyburg", ascii_name="Qxyburg", country="BE", population=9)
    client.force_login(person)

    response = client.post(
        "/account/profile/",
        profile_data(
            job_title="Community organiser",
            company="Open Kitchen",
            bio="Cooking with code.",
            country="BE",
            city="qxyburg",
            skills="cooking, open data",
            languages=["nl", "en"],
            show_email="on",
            **{
                "links-TOTAL_FORMS": "1",
                "links-0-kind": "mastodon",
                "links-0-url": "https://social.example/@ada",
            },
        ),
        follow=True,
    )

    person.refresh_from_db()
    assert response.redirect_chain[-1][0] == person.get_absolute_url()
    assert "Your profile has been saved." in response.text
    assert (person.job_title, person.company) == ("Community organiser", "Open Kitchen")
    assert person.bio == "Cooking with code."
    assert (person.country, person.city) == ("BE", ghent)
    assert sorted(person.skills.names()) == ["cooking", "open data"]
    assert person.languages == ["nl", "en"]
    assert person.show_email is True
    assert [link.url for link in person.links.all()] == ["https://social.example/@ada"]


def test_profile_edit_reuses_existing_skills_whatever_their_case(client):
    UserFactory().skills.set(["Open Data"])
    person = UserFactory()
    client.force_login(person)

    client.post("/account/profile/", profile_data(skills="open data, OPEN DATA, Design"))

    assert sorted(person.skills.names()) == ["Design", "Open Data"]
    assert Tag.objects.filter(name__iexact="open data").count() == 1


def test_profile_edit_removes_a_link_marked_for_deletion(client, person):
    link = person.links.get()
    client.force_login(person)

    client.post(
        "/account/profile/",
        profile_data(
            **{
                "links-TOTAL_FORMS": "1",
                "links-INITIAL_FORMS": "1",
                "links-0-id": str(link.pk),
                "links-0-kind": link.kind,
                "links-0-url": link.url,
                "links-0-DELETE": "on",
            }
        ),
    )

    assert person.links.count() == 0


def test_profile_edit_keeps_my_input_and_saves_nothing_when_a_field_is_wrong(client, person):
    client.force_login(person)

    response = client.post(
        "/account/profile/",
        profile_data(
            job_title="Chief cook",
            bio="x" * 2001,
            **{"links-TOTAL_FORMS": "1", "links-0-kind": "website", "links-0-url": "not a url"},
        ),
    )

    assert response.status_code == 200
    assert "Ensure this value has at most 2000 characters (it has 2001)." in response.text
    assert "Enter a valid URL." in response.text
    assert 'value="Chief cook"' in response.text
    assert 'value="not a url"' in response.text
    person.refresh_from_db()
    assert person.job_title == "Analyst"
    assert person.links.count() == 1


def test_profile_edit_explains_an_unknown_city(client, person):
    PlaceFactory(name="Qxyville", country="BE")
    client.force_login(person)

    response = client.post("/account/profile/", profile_data(country="BE", city="Qxytown"))

    assert "We could not find “Qxytown” in Belgium. Did you mean: Qxyville?" in response.text
    person.refresh_from_db()
    assert person.city.name == "Testville"


def test_profile_edit_asks_for_the_country_of_a_city(client, person):
    client.force_login(person)

    response = client.post("/account/profile/", profile_data(city="Testville"))

    assert "Choose the country your city is in." in response.text


def test_profile_edit_clears_the_city(client, person):
    client.force_login(person)

    client.post("/account/profile/", profile_data(country="BE", city=""))

    person.refresh_from_db()
    assert person.city is None


def test_profile_edit_stores_a_photo_without_its_metadata(client, person):
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"  # Make
    Image.new("RGB", (300, 200), "orange").save(buffer, "JPEG", exif=exif)
    upload = SimpleUploadedFile("holiday.jpg", buffer.getvalue(), content_type="image/jpeg")
    client.force_login(person)

    client.post("/account/profile/", profile_data(photo=upload))

    person.refresh_from_db()
    # stored under a random name: the upload's own name ("holiday") says nothing about the person
    assert re.fullmatch(r"people/photos/[0-9a-f]{32}\.jpg", person.photo.name)
    with Image.open(person.photo.open("rb")) as stored:
        assert stored.size == (300, 200)
        assert dict(stored.getexif()) == {}


def test_profile_edit_refuses_a_text_file_named_png(client, person):
    fake = SimpleUploadedFile("me.png", b"I am not a picture", content_type="image/png")
    client.force_login(person)

    response = client.post("/account/profile/", profile_data(job_title="Kept", photo=fake))

    assert "This file is not a picture we can read." in response.text
    assert 'value="Kept"' in response.text
    person.refresh_from_db()
    assert not person.photo


def test_profile_edit_refuses_a_picture_over_5_mb(client, person):
    noise = Image.frombytes("RGB", (1400, 1400), bytes(range(256)) * 22968 + b"\0" * 192)
    buffer = io.BytesIO()
    noise.save(buffer, "BMP")
    big = SimpleUploadedFile("big.bmp", buffer.getvalue(), content_type="image/bmp")
    client.force_login(person)

    response = client.post("/account/profile/", profile_data(photo=big))

    assert "the largest we accept is 5.0\xa0MB" in response.text
    person.refresh_from_db()
    assert not person.photo


def test_profile_edit_does_not_change_the_header_name_on_error(client, person):
    client.force_login(person)

    response = client.post("/account/profile/", profile_data(first_name="Eve", bio="x" * 2001))

    assert '<span class="account-name">Ada Lovelace</span>' in response.text
    assert User.objects.get(pk=person.pk).first_name == "Ada"


# Person card component ----------------------------------------------------------------------


def test_person_card_shows_name_work_and_role_without_the_email(person):
    html = render_to_string("components/person_card.html", {"person": person, "role": "Owner"})

    assert f'<a href="/people/{person.pk}/">Ada Lovelace</a>' in html
    assert "Analyst, Engines Ltd" in html
    assert '<span class="tag tag--neutral">Owner</span>' in html
    assert "ada@example.org" not in html


def test_profile_edit_removes_the_file_of_a_replaced_photo(
    client, person, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(person)
    client.post("/account/profile/", profile_data(photo=png_upload("first.png")))
    person.refresh_from_db()
    first = tmp_path / person.photo.name

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/account/profile/", profile_data(photo=png_upload("second.png")))

    person.refresh_from_db()
    assert re.fullmatch(r"people/photos/[0-9a-f]{32}\.png", person.photo.name)
    assert person.photo.name != first.relative_to(tmp_path).as_posix()
    assert (tmp_path / person.photo.name).exists()
    assert not first.exists()
