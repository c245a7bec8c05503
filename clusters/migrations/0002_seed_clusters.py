"""Seed the six thematic clusters, one per cluster area of impact."""

from django.db import migrations

CLUSTERS = [
    (
        "health-and-care",
        "Health and care",
        "WeMake",
        "Makers, patients, carers and clinicians using open, collaborative technology to improve "
        "health and care.",
    ),
    (
        "skills-and-learning",
        "Skills and learning",
        "Fab Lab Barcelona",
        "Educators, makerspaces and learning communities using digital tools to help people gain "
        "the skills they need.",
    ),
    (
        "digital-democracy",
        "Digital democracy",
        "ePaństwo Foundation",
        "Civic-tech groups and public bodies building tools that open up government and let "
        "citizens take part in decisions.",
    ),
    (
        "food-environment-and-climate-change",
        "Food, environment and climate change",
        "Waag",
        "Communities and researchers using open data, sensors and citizen science to make food "
        "systems and cities more sustainable.",
    ),
    (
        "migration-and-integration",
        "Migration and integration",
        "betterplace lab",
        "Projects and organisations using technology to welcome and support migrants and refugees "
        "and help them build new lives.",
    ),
    (
        "cities-and-urban-development",
        "Cities and urban development",
        "Barcelona Activa",
        "City governments, entrepreneurs and residents shaping fairer, more liveable cities with "
        "digital innovation.",
    ),
]


def seed_clusters(apps, schema_editor):
    Cluster = apps.get_model("clusters", "Cluster")
    AreaOfImpact = apps.get_model("taxonomy", "AreaOfImpact")
    for sort_order, (slug, title, coordinator, intro) in enumerate(CLUSTERS, start=1):
        Cluster.objects.update_or_create(
            slug=slug,
            defaults={
                "title": title,
                "area": AreaOfImpact.objects.get(slug=slug),
                "coordinator": coordinator,
                "intro": intro,
                "sort_order": sort_order,
            },
        )


def remove_clusters(apps, schema_editor):
    Cluster = apps.get_model("clusters", "Cluster")
    Cluster.objects.filter(slug__in=[slug for slug, *__ in CLUSTERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("clusters", "0001_initial"),
        ("taxonomy", "0002_seed_terms"),
    ]

    operations = [migrations.RunPython(seed_clusters, remove_clusters)]
