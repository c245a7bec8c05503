import uuid

from django.db import migrations

INTRO = (
    "The home of Europe's digital social innovation community: the organisations, projects, "
    "events and funding that use technology for the common good."
)


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("stories.HomePage")
    Locale = apps.get_model("wagtailcore.Locale")

    # Replace the placeholder page that wagtailcore.0002_initial_data creates (its Site cascades).
    page_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=page_type, slug="home", depth=2).delete()

    homepage_type, __ = ContentType.objects.get_or_create(model="homepage", app_label="stories")
    homepage = HomePage.objects.create(
        title="DSI Hub",
        draft_title="DSI Hub",
        seo_title="DSI Hub: digital social innovation in Europe",
        slug="home",
        content_type=homepage_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        intro=INTRO,
        locale=Locale.objects.get(language_code="en"),
        translation_key=uuid.uuid4(),
    )
    Site.objects.create(
        hostname="localhost", site_name="DSI Hub", root_page=homepage, is_default_site=True
    )


def remove_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    HomePage = apps.get_model("stories.HomePage")
    HomePage.objects.filter(slug="home", depth=2).delete()
    ContentType.objects.filter(model="homepage", app_label="stories").delete()


class Migration(migrations.Migration):
    dependencies = [("stories", "0001_initial")]
    operations = [migrations.RunPython(create_homepage, remove_homepage)]
