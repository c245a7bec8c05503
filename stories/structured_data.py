"""schema.org description of a story (an Article), rendered as JSON-LD on its page."""


def article_data(page, *, url, image_url=None, authors=()):
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": page.seo_title or page.title,
        "description": page.search_description or page.intro,
        "url": url,
        "datePublished": page.date.isoformat(),
        "publisher": {"@type": "Organization", "name": "DSI Hub"},
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if image_url:
        data["image"] = image_url
    if authors:
        data["author"] = [{"@type": "Person", "name": name} for name in authors]
    return data
