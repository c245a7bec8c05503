"""The story index at /stories/, the "Editorial review" workflow on it, and who may do what.

- **Editors** publish pages anywhere (publish permission on the root page, beside the add and
  change permissions Wagtail gives them), approve the "Editorial review" task, and manage
  resources.
- **Cluster leads** (group created here if missing; the clusters app keeps its members in step
  with `Cluster.leads`) enter the admin, add and change pages under the story index only (no
  publish: their pages go to editorial review), add resources, and upload and choose images and
  documents.

Idempotent: every row is fetched or created.
"""

import uuid

from django.db import migrations

WORKFLOW_NAME = "Editorial review"
TASK_NAME = "Editors approve"
STEP = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return perm


def child_path(Page, parent):
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    number = int(last[-STEP:], 36) + 1 if last else 1
    digits = ""
    while number:
        number, rest = divmod(number, 36)
        digits = ALPHABET[rest] + digits
    return parent.path + digits.rjust(STEP, "0")


def create_story_index(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("stories.HomePage")
    StoryIndexPage = apps.get_model("stories.StoryIndexPage")
    existing = StoryIndexPage.objects.first()
    if existing:
        return existing
    home = HomePage.objects.order_by("path").first()
    if home is None:
        return None
    content_type, _ = ContentType.objects.get_or_create(app_label="stories", model="storyindexpage")
    index = StoryIndexPage.objects.create(
        title="Stories",
        draft_title="Stories",
        slug="stories",
        intro="Blog posts and case studies from the digital social innovation community.",
        content_type=content_type,
        path=child_path(Page, home),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}stories/",
        live=True,
        has_unpublished_changes=False,
        locale_id=home.locale_id,
        translation_key=uuid.uuid4(),
    )
    Page.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)
    return index


def create_workflow(apps, index):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, created = GroupApprovalTask.objects.get_or_create(
        name=TASK_NAME, defaults={"active": True, "content_type": task_type}
    )
    if created:
        task.groups.set([Group.objects.get_or_create(name="Editors")[0]])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if index is not None:
        WorkflowPage.objects.get_or_create(page_id=index.pk, defaults={"workflow": workflow})


def grant_page(apps, group, page_id, codenames):
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page_id=page_id,
            permission=permission(apps, "wagtailcore", "page", codename),
        )


def grant_collection(apps, group, perms):
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for app_label, model, codename in perms:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission(apps, app_label, model, codename)
        )


def set_up_roles(apps, index):
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    root = Page.objects.filter(depth=1).first()

    editors, _ = Group.objects.get_or_create(name="Editors")
    if root is not None:
        grant_page(apps, editors, root.pk, ["add_page", "change_page", "publish_page"])
    for action in ("add", "change", "delete"):
        editors.permissions.add(permission(apps, "stories", "resource", f"{action}_resource"))

    leads, _ = Group.objects.get_or_create(name="Cluster leads")
    leads.permissions.add(permission(apps, "wagtailadmin", "admin", "access_admin"))
    leads.permissions.add(permission(apps, "stories", "resource", "add_resource"))
    if index is not None:
        grant_page(apps, leads, index.pk, ["add_page", "change_page"])
    grant_collection(
        apps,
        leads,
        [
            ("wagtailimages", "image", "add_image"),
            ("wagtailimages", "image", "choose_image"),
            ("wagtaildocs", "document", "add_document"),
            ("wagtaildocs", "document", "choose_document"),
        ],
    )


def forwards(apps, schema_editor):
    index = create_story_index(apps)
    create_workflow(apps, index)
    set_up_roles(apps, index)


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0003_story_pages"),
        ("moderation", "0001_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
