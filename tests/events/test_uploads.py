"""An event's image: checked like a logo, private while the event waits, public once approved."""

import pytest

from events.models import Event
from tests.support.forms import event_data, image_upload
from tests.support.moderation import decide
from tests.support.people import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_image_of_a_waiting_event_is_private_until_approved(client, stranger, moderator, media):
    login(client, stranger).post("/events/new/", event_data(image=image_upload("poster.png")))
    event = Event.objects.get()
    private = event.image.url

    assert event.image.name.startswith("pending/events/images/")
    assert private.startswith("/media-pending/")
    assert client.get(private).status_code == 200
    client.logout()
    assert client.get(private).status_code == 404

    decide(event, moderator, "approve")

    event.refresh_from_db()
    assert event.image.name.startswith("events/images/")
    assert (media / event.image.name).exists()
    assert f'src="{event.image.url}"' in client.get(event.get_absolute_url()).text


def test_a_file_that_is_not_a_picture_is_refused_at_the_field(client, stranger, media):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("poster.png", b"not a picture", content_type="image/png")

    response = login(client, stranger).post("/events/new/", event_data(image=fake))

    assert list(response.context["form"].errors) == ["image"]
    assert Event.objects.count() == 0
