"""Registering an organisation at /organisations/new/: who may, what is checked, what is saved."""

import io
import os
import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from PIL import Image
from taggit.models import Tag

from listings.choices import Role
from organisations.models import Organisation
from tests.factories.accounts import UserFactory
from tests.factories.listings import OrganisationFactory
from tests.support.forms import (
    camera_exif,
    image_bytes,
    image_upload,
    organisation_data,
)

pytestmark = pytest.mark.django_db

CREATE_URL = reverse("organisations:organisation-create")


def submit(client, user, **overrides):
    client.force_login(user)
    return client.post(CREATE_URL, organisation_data(**overrides))


def test_create_page_sends_anonymous_visitors_to_log_in(client):
    response = client.get(CREATE_URL)

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={CREATE_URL}"


def test_create_by_unverified_user_is_refused_with_a_way_to_verify(client):
    user = UserFactory(verified=False)
    client.force_login(user)

    response = client.post(CREATE_URL, organisation_data())

    assert response.status_code == 403
    assert "Please verify your e-mail address first" in response.text
    assert f'href="{reverse("account_email")}"' in response.text
    assert Organisation.objects.count() == 0


def test_create_form_shows_the_sections(client, owner):
    client.force_login(owner)

    response = client.get(CREATE_URL)

    legends = ["About", "The organisation", "Where", "Themes", "Links", "Images"]
    for legend in legends:
        assert f'<legend class="listing-form__legend">{legend}</legend>' in response.text
    assert 'data-places-url="/places/"' in response.text


def test_create_saves_a_draft_in_review_owned_by_the_submitter(client, owner):
    response = submit(client, owner, address="Carrer de Mallorca 1")

    organisation = Organisation.objects.get()
    assert response.status_code == 302
    assert response.url == "/organisations/open-kitchen-collective/"
    assert (organisation.live, organisation.awaiting_review) == (False, True)
    assert list(Organisation.objects.published()) == []
    assert [(m.user, m.role) for m in organisation.memberships.all()] == [(owner, Role.OWNER)]
    assert str(organisation.city) == "Barcelona, Spain"
    assert [area.slug for area in organisation.areas.all()] == ["health-and-care"]
    assert sorted(tag.name for tag in organisation.keywords.all()) == [
        "community kitchens",
        "food",
    ]
    assert [(link.kind, link.url) for link in organisation.links.all()] == [
        ("github", "https://github.com/openkitchen")
    ]
    assert (
        organisation.description == "<p>We run community kitchens.</p>\n\n<p>Anyone can join.</p>"
    )


def test_create_confirms_and_shows_the_draft_to_its_owner(client, owner):
    response = submit(client, owner)

    page = client.get(response.url)
    assert "is saved and waiting for a moderator" in page.text
    assert "Awaiting review" in page.text
    assert '<h1 class="listing__title">Open Kitchen Collective</h1>' in page.text


def test_create_by_trusted_person_publishes_at_once(client, moderator):
    submit(client, moderator)

    organisation = Organisation.objects.get()
    assert organisation.live is True
    assert organisation.awaiting_review is False
    assert client.get(organisation.get_absolute_url()).status_code == 200


def test_create_by_person_trusted_after_an_approval_publishes_at_once(client, owner):
    owner.trusted_at = owner.date_joined
    owner.save()

    response = submit(client, owner)

    assert Organisation.objects.get().live is True
    assert "“Open Kitchen Collective” is published." in client.get(response.url).text


def test_create_with_invalid_fields_shows_each_message_and_keeps_the_input(client, owner):
    response = submit(
        client,
        owner,
        name="",
        website="not a web address",
        city="Atlantis",
        **{"links-1-kind": "mastodon"},
    )

    html = response.text
    assert response.status_code == 200
    assert Organisation.objects.count() == 0
    errors = response.context["form"].errors
    assert errors["name"] == ["This field is required."]
    assert errors["website"] == ["Enter a valid URL."]
    assert errors["city"] == [
        "We could not find “Atlantis” in Spain. Check the spelling, or choose the nearest "
        "larger town."
    ]
    assert response.context["form"].links.forms[1].errors["url"] == [
        "Enter the address of the link."
    ]
    assert 'id="id_name_error"' in html
    assert "There is a problem with what you entered" in html
    assert 'value="Neighbours cooking together and sharing what is left."' in html
    assert 'value="Atlantis"' in html
    assert 'value="https://github.com/openkitchen"' in html


def test_create_with_a_city_but_no_country_takes_the_country_from_the_city(client, owner):
    submit(client, owner, country="")

    organisation = Organisation.objects.get()
    assert (organisation.country.code, str(organisation.city)) == ("ES", "Barcelona, Spain")


def test_create_with_an_unknown_city_and_no_country_asks_for_the_country(client, owner):
    response = submit(client, owner, country="", city="Xyzzyville")

    assert response.context["form"].errors["country"] == ["Choose the country the city is in."]
    assert Organisation.objects.count() == 0


def test_the_country_list_offers_eu_members_first_then_every_country(client, owner):
    client.force_login(owner)

    response = client.get(CREATE_URL)

    page = BeautifulSoup(response.text, "html.parser")
    groups = page.select("select[name=country] optgroup")
    assert [group["label"] for group in groups] == ["European Union", "All countries"]
    eu = [option["value"] for option in groups[0].select("option")]
    assert (len(eu), eu[:3]) == (27, ["AT", "BE", "BG"])
    assert groups[1].select_one("option").text == "Afghanistan"


def test_create_refuses_a_short_description_over_140_characters(client, owner):
    response = submit(client, owner, short_description="x" * 141)

    assert response.context["form"].errors["short_description"] == [
        "Keep the short description to 140 characters or fewer (it has 141)."
    ]
    assert 'value="' + "x" * 141 + '"' in response.text
    assert Organisation.objects.count() == 0


def test_create_accepts_exactly_140_characters(client, owner):
    submit(client, owner, short_description="x" * 140)

    assert Organisation.objects.get().short_description == "x" * 140


def test_create_refuses_a_text_file_named_png(client, owner):
    fake = io.BytesIO(b"I am not a picture at all, just some text.")
    fake.name = "logo.png"

    response = submit(client, owner, logo=fake)

    assert response.context["form"].errors["logo"] == [
        "This file is not a picture we can read. Upload a PNG, JPEG or WebP image."
    ]
    assert Organisation.objects.count() == 0


def test_create_refuses_an_image_over_5_mb(client, owner):
    noise = Image.frombytes("RGB", (1500, 1500), os.urandom(1500 * 1500 * 3))
    buffer = io.BytesIO()
    noise.save(buffer, format="PNG")
    buffer.name = "huge.png"
    assert buffer.tell() > 5 * 1024 * 1024
    buffer.seek(0)

    response = submit(client, owner, logo=buffer)

    [error] = response.context["form"].errors["logo"]
    assert error.startswith("This image is 6.")
    assert error.endswith("the largest we accept is 5.0\xa0MB.")
    assert Organisation.objects.count() == 0


def test_create_refuses_an_image_smaller_than_64_pixels(client, owner):
    response = submit(client, owner, logo=image_upload(size=(32, 32)))

    assert response.context["form"].errors["logo"] == [
        "This image is 32 × 32 pixels. Each side must be between 64 and 4000 pixels."
    ]


def test_create_refuses_a_gif(client, owner):
    response = submit(client, owner, logo=image_upload("logo.gif", image_format="GIF"))

    assert response.context["form"].errors["logo"] == [
        "This file is not a picture we can read. Upload a PNG, JPEG or WebP image."
    ]


def test_create_strips_camera_metadata_from_the_logo(client, owner):
    photo = io.BytesIO(image_bytes(image_format="JPEG", exif=camera_exif()))
    photo.name = "Team Photo.JPG"
    assert Image.open(photo).getexif()[0x010F] == "PhoneMaker"
    photo.seek(0)

    submit(client, owner, logo=photo)

    organisation = Organisation.objects.get()
    assert re.fullmatch(r"pending/listings/logos/[0-9a-f]{32}\.jpg", organisation.logo.name)
    with Image.open(organisation.logo) as saved:
        assert saved.format == "JPEG"
        assert saved.size == (200, 120)
        assert dict(saved.getexif()) == {}
        assert "exif" not in saved.info


def test_create_keeps_png_as_png(client, owner):
    submit(client, owner, logo=image_upload("logo.png", size=(300, 300)))

    with Image.open(Organisation.objects.get().logo) as saved:
        assert (saved.format, saved.size) == ("PNG", (300, 300))


def test_create_neutralises_script_in_the_description(client, owner):
    description = (
        '<p onclick="steal()">Hello <strong>world</strong></p>'
        "<script>alert('owned')</script>"
        '<p><a href="javascript:alert(1)">bad</a> <a href="https://example.org">good</a></p>'
        '<img src="x" onerror="alert(2)">'
    )

    response = submit(client, owner, description=description)
    page = client.get(response.url).text

    assert "<script>alert" not in page
    assert "onclick" not in page
    assert "onerror" not in page
    assert "javascript:" not in page
    assert "<p>Hello <strong>world</strong></p>" in page
    assert '<a href="https://example.org" rel="noopener nofollow ugc">good</a>' in page


def test_create_reuses_keywords_whatever_their_case(client, owner):
    Tag.objects.create(name="Open Data", slug="open-data")

    submit(client, owner, keywords="open data, OPEN DATA, Civic tech")

    organisation = Organisation.objects.get()
    assert sorted(tag.name for tag in organisation.keywords.all()) == ["Civic tech", "Open Data"]
    assert Tag.objects.filter(name__iexact="open data").count() == 1


def test_create_refuses_a_filled_honeypot(client, owner):
    response = submit(client, owner, contact_fax="+32 2 555 0100")

    assert response.context["form"].errors["contact_fax"] == ["This field must be left empty."]
    assert Organisation.objects.count() == 0


def test_create_over_the_pending_cap_says_why_on_the_form(client, owner, settings):
    settings.MODERATION_MAX_PENDING_PER_USER = 1
    submit(client, owner, name="First Kitchen")

    response = submit(client, owner, name="Second Kitchen")

    assert response.status_code == 200
    assert "You already have 1 submissions waiting for review." in response.text
    assert 'value="Second Kitchen"' in response.text
    assert list(Organisation.objects.values_list("name", flat=True)) == ["First Kitchen"]


def test_create_is_rate_limited_per_user(client, owner, private_cache):
    for _attempt in range(10):
        submit(client, owner, name="")

    response = submit(client, owner, name="")

    assert response.status_code == 429
    assert "Slow down, please" in response.text


def test_create_gives_unique_slugs_that_never_shadow_pages(client, moderator):
    OrganisationFactory(name="Fab Lab", slug="fab-lab")

    submit(client, moderator, name="Fab Lab", not_a_duplicate="on")
    submit(client, moderator, name="New", not_a_duplicate="on")

    slugs = set(Organisation.objects.values_list("slug", flat=True))
    assert slugs == {"fab-lab", "fab-lab-2", "new-2"}
