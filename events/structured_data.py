"""schema.org Event for an event's page (JSON-LD), with what Google requires of an Event: a name,
a start and a location (a Place with its address, or a VirtualLocation with a URL)."""

from urllib.parse import urljoin

from .choices import EventFormat

ATTENDANCE = {
    EventFormat.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    EventFormat.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    EventFormat.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def event_data(event, *, url, image_url=""):
    start = event.next_start or event.start
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": url,
        "startDate": start.astimezone(event.zone).isoformat(),
        "endDate": (start + event.duration).astimezone(event.zone).isoformat(),
        "eventAttendanceMode": ATTENDANCE[event.format],
        "eventStatus": "https://schema.org/EventScheduled",
        "location": _locations(event, url),
    }
    if image_url:
        data["image"] = image_url
    if event.organiser_id:
        data["organizer"] = {
            "@type": "Organization",
            "name": event.organiser.name,
            "url": urljoin(url, event.organiser.get_absolute_url()),
        }
    if event.is_free:
        data["isAccessibleForFree"] = True
    return data


def _locations(event, page_url):
    """Where to go. An online event whose link is sent later (the form allows it) is reached
    from its page on the hub, so that is its VirtualLocation's URL."""
    locations = []
    if event.is_placed and event.city_id:
        address = {
            "@type": "PostalAddress",
            "addressLocality": event.city.name,
            "addressCountry": event.city.country.code,
        }
        if event.address:
            address["streetAddress"] = event.address
        locations.append(
            {"@type": "Place", "name": event.venue or event.city.name, "address": address}
        )
    if event.format != EventFormat.IN_PERSON:
        locations.append({"@type": "VirtualLocation", "url": event.online_url or page_url})
    return locations
