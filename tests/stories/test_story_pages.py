import json

import pytest
from zeal import zeal_ignore

from tests.factories.stories import BlogPageFactory, CaseStudyPageFactory, ImageFactory
from tests.support.people import login

pytestmark = pytest.mark.django_db


def test_blog_page_shows_authors_intro_and_tags(client, owner):
    BlogPageFactory(
        title="Repair cafés go digital",
        slug="repair-cafes",
        authors=[owner, "Guest Writer"],
        tags=["repair"],
    )

    response = client.get("/stories/repair-cafes/")

    assert '<h1 class="page-header__title">Repair cafés go digital</h1>' in response.text
    assert "By Olga Owner, Guest Writer" in response.text
    assert 'href="/stories/?tag=repair"' in response.text


def test_blog_page_body_image_has_alt_text_and_srcset(client):
    image = ImageFactory()
    BlogPageFactory(
        slug="with-image",
        body=[
            {
                "type": "image",
                "value": {
                    "image": image.pk,
                    "alt_text": "Volunteers fixing a bike",
                    "caption": "Saturday",
                    "credit": "Ana",
                },
            }
        ],
    )

    response = client.get("/stories/with-image/")

    assert 'alt="Volunteers fixing a bike"' in response.text
    assert "srcset=" in response.text
    assert (
        '<figcaption>Saturday <small class="story-figure__credit">Ana</small></figcaption>'
        in response.text
    )


def test_case_study_links_its_project_and_organisation(client, project, organisation):
    CaseStudyPageFactory(
        title="Mapping repairs",
        slug="mapping-repairs",
        project=project,
        organisation=organisation,
        cta_label="Join the map",
        cta_url="https://repair.example.org/",
    )

    response = client.get("/stories/mapping-repairs/")

    assert '<a href="/projects/repair-map/">Repair Map</a>' in response.text
    assert '<a href="/organisations/open-commons/">Open Commons</a>' in response.text
    assert (
        '<a class="btn btn--primary" href="https://repair.example.org/">Join the map</a>'
        in response.text
    )
    assert "The issue" in response.text


def test_project_page_shows_featured_in_case_study(client, project):
    CaseStudyPageFactory(title="Mapping repairs", slug="mapping-repairs", project=project)
    CaseStudyPageFactory(title="Unpublished case", project=project, live=False)

    response = client.get("/projects/repair-map/")

    assert "Featured in case study" in response.text
    assert '<a href="/stories/mapping-repairs/">Mapping repairs</a>' in response.text
    assert "Unpublished case" not in response.text


def test_organisation_page_shows_featured_in_case_study(client, organisation):
    CaseStudyPageFactory(title="Commons at work", slug="commons-at-work", organisation=organisation)

    response = client.get("/organisations/open-commons/")

    assert '<a href="/stories/commons-at-work/">Commons at work</a>' in response.text


def test_listing_without_case_study_has_no_featured_section(client, project):
    response = client.get("/projects/repair-map/")

    assert "Featured in case study" not in response.text


def test_draft_story_is_not_public_but_its_editor_can_preview(client, editor):
    page = BlogPageFactory(slug="draft", live=False)

    assert client.get("/stories/draft/").status_code == 404
    preview = login(client, editor).get(f"/admin/pages/{page.pk}/view_draft/")
    assert preview.status_code == 200
    assert page.title in preview.text


def test_story_page_has_seo_meta_opengraph_and_article_json_ld(client, owner):
    page = BlogPageFactory(
        title="Repair cafés go digital",
        slug="repair-cafes",
        seo_title="Repair cafés, online",
        search_description="How repair cafés moved online.",
        authors=[owner],
        listing_image=True,
    )

    html = client.get("/stories/repair-cafes/").text

    assert "<title>Repair cafés, online – DSI Hub</title>" in html
    assert '<meta name="description" content="How repair cafés moved online.">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:image" content="http://testserver/media/images/' in html
    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["@type"] == "Article"
    assert data["headline"] == "Repair cafés, online"
    assert data["author"] == [{"@type": "Person", "name": "Olga Owner"}]
    # the host this page was asked by, as og:image, never the Wagtail Site's "localhost"
    assert data["url"] == "http://testserver/stories/repair-cafes/"
    assert '<link rel="canonical" href="http://testserver/stories/repair-cafes/">' in html
    assert data["datePublished"] == f"{page.date.isoformat()}T09:00:00+0{utc_offset(page)}:00"


def utc_offset(page):
    from stories.structured_data import published_at

    return int(published_at(page).utcoffset().total_seconds() // 3600)


def test_case_study_json_ld_names_the_hub_as_its_author(client):
    CaseStudyPageFactory(slug="open-maps")

    html = client.get("/stories/open-maps/").text

    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["author"] == [{"@type": "Organization", "name": "DSI Hub"}]


def test_admin_preview_of_a_story_may_be_framed_by_the_admin(client, editor):
    page = BlogPageFactory(title="Preview me", slug="preview-me")

    response = login(client, editor).get(f"/admin/pages/{page.pk}/view_draft/")

    assert "Preview me" in response.text
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


def test_public_story_page_may_not_be_framed(client):
    BlogPageFactory(slug="framed")

    response = client.get("/stories/framed/")

    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_unpublishing_or_renaming_a_story_moves_its_address_at_once(client, editor, settings):
    settings.PAGE_CACHE = False
    story = BlogPageFactory(slug="first-name", title="A story")
    assert client.get("/stories/first-name/").status_code == 200  # its route is kept

    story.slug = "second-name"
    story.save_revision(user=editor).publish(user=editor)
    renamed = client.get("/stories/second-name/")
    assert client.get("/stories/first-name/").status_code == 404
    story.unpublish(user=editor)

    assert renamed.status_code == 200
    assert "A story" in renamed.text
    assert client.get("/stories/second-name/").status_code == 404


def test_moving_a_page_moves_its_address_at_once(client, editor, settings):
    from stories.models import HomePage, StandardPage

    settings.PAGE_CACHE = False
    home = HomePage.objects.get()
    about = home.add_child(instance=StandardPage(title="About", slug="about"))
    team = home.add_child(instance=StandardPage(title="Team", slug="team"))
    assert client.get("/team/").status_code == 200

    team.move(about, pos="last-child", user=editor)

    old_address = client.get("/team/")  # not found any more: Wagtail's redirect answers
    with zeal_ignore():  # Wagtail's routing reads each level's StandardPage, one at a time
        new_address = client.get("/about/team/")

    assert old_address.status_code == 301
    assert old_address["Location"] == "/about/team/"
    assert new_address.status_code == 200
