"""Seed the controlled vocabularies. Slugs are written by hand: they are stable identifiers."""

from django.db import migrations

TERMS = {
    "AreaOfImpact": [
        ("health-and-care", "Health and care"),
        ("skills-and-learning", "Skills and learning"),
        ("food-environment-and-climate-change", "Food, environment and climate change"),
        ("migration-and-integration", "Migration and integration"),
        ("digital-democracy", "Digital democracy"),
        ("cities-and-urban-development", "Cities and urban development"),
        ("work-and-employment", "Work and employment"),
        ("culture-and-arts", "Culture and arts"),
        ("science", "Science"),
        ("finance-and-economy", "Finance and economy"),
    ],
    "Technology": [
        ("social-networks-and-social-media", "Social networks and social media"),
        (
            "crowdsourcing-crowdmapping-and-crowdfunding",
            "Crowdsourcing, crowdmapping and crowdfunding",
        ),
        ("open-data", "Open data"),
        ("mobile-and-web-apps", "Mobile and web apps"),
        ("open-source-technologies", "Open-source technologies"),
        ("peer-to-peer-networks", "Peer-to-peer networks"),
        ("online-learning-and-moocs", "Online learning and MOOCs"),
        ("online-marketplaces-and-noticeboards", "Online marketplaces and noticeboards"),
        ("big-data", "Big data"),
        ("sensors-and-internet-of-things", "Sensors and internet of things"),
        ("geotagging-gps-and-gis", "Geotagging, GPS and GIS"),
        ("digital-fabrication-and-3d-printing", "Digital fabrication and 3D-printing"),
        ("wearables-and-personal-monitoring", "Wearables and personal monitoring"),
        ("ai-and-machine-learning", "AI and machine learning"),
        ("digital-democracy-tools", "Digital democracy tools"),
        ("blockchain-and-distributed-networks", "Blockchain and distributed networks"),
        ("robotics", "Robotics"),
        ("vr-and-ar", "VR and AR"),
    ],
    "DSIFocus": [
        ("open-hardware", "Open hardware"),
        ("open-networks", "Open networks"),
        ("open-data", "Open data"),
        ("open-knowledge", "Open knowledge"),
    ],
    "OrganisationType": [
        ("non-profit", "Social enterprise, charity, foundation or other non-profit"),
        ("for-profit", "For-profit business"),
        ("academia-research", "Academia/research organisation"),
        ("grassroots-community", "Grassroots organisation or community network"),
        ("government-public-sector", "Government/public sector"),
    ],
    "OrganisationSize": [
        ("0-5", "0-5 people"),
        ("6-10", "6-10 people"),
        ("11-25", "11-25 people"),
        ("26-50", "26-50 people"),
        ("51-100", "51-100 people"),
        ("101-500", "101-500 people"),
        ("501-1000", "501-1000 people"),
        ("over-1000", "Over 1000 people"),
    ],
}


def seed_terms(apps, schema_editor):
    for model_name, terms in TERMS.items():
        model = apps.get_model("taxonomy", model_name)
        for sort_order, (slug, name) in enumerate(terms, start=1):
            model.objects.update_or_create(
                slug=slug, defaults={"name": name, "sort_order": sort_order}
            )


def remove_terms(apps, schema_editor):
    for model_name, terms in TERMS.items():
        model = apps.get_model("taxonomy", model_name)
        model.objects.filter(slug__in=[slug for slug, __ in terms]).delete()


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(seed_terms, remove_terms)]
