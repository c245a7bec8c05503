"""What the newsletter adds to the lower apps: personal-data export and deletion, and the
anymail receiver for bounces and complaints."""

from django.db.models import Q

from accounts.deletion import register_deletion_step
from accounts.export import register_exporter
from accounts.sections import Section, register_dashboard_section


def subscriptions_of(user):
    from .models import Subscriber

    return Subscriber.objects.filter(Q(user=user) | Q(email__iexact=user.email))


def export_subscription(user):
    from .services.subscriptions import preferences_snapshot

    data = []
    for subscriber in subscriptions_of(user).prefetch_related("consents", "clusters"):
        data.append(
            {
                "email": subscriber.email,
                "subscribed_at": subscriber.created_at,
                "confirmed_at": subscriber.confirmed_at,
                "unsubscribed_at": subscriber.unsubscribed_at,
                "preferences": preferences_snapshot(subscriber),
                "consent_records": [
                    {
                        "action": consent.action,
                        "at": consent.at,
                        "ip_address": consent.ip_address,
                        "wording_version": consent.wording_version,
                    }
                    for consent in subscriber.consents.all()
                ],
            }
        )
    return "newsletter_subscriptions", data


def delete_subscription(user):
    subscriptions_of(user).delete()


def dashboard(user):
    """The dashboard's newsletter box: the subscription of the account's address, if any."""
    from .services.subscriptions import preferences_url

    subscriber = subscriptions_of(user).first()
    return {
        "subscriber": subscriber,
        "preferences_url": preferences_url(subscriber) if subscriber else "",
    }


def on_tracking_event(sender, event, esp_name, **kwargs):
    from .services.bounces import record_tracking_event

    record_tracking_event(event)


def register():
    from anymail.signals import tracking

    register_dashboard_section(
        Section("newsletter", "newsletter/dashboard_section.html", dashboard, 900)
    )
    register_exporter(export_subscription)
    register_deletion_step(delete_subscription)
    tracking.connect(on_tracking_event, dispatch_uid="newsletter.bounces")
