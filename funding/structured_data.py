"""schema.org description of a funding call (a MonetaryGrant), rendered as JSON-LD.

Only properties schema.org gives a MonetaryGrant (Grant and Thing's): it has none for opening
and closing dates, which the page says in words."""


def call_data(call, *, url, image_url=""):
    """The call's JSON-LD; `image_url` is what reviewed pages pass (calls have no picture)."""
    data = {
        "@context": "https://schema.org",
        "@type": "MonetaryGrant",
        "name": call.title,
        "description": call.summary,
        "url": url,
        "sameAs": call.url,
    }
    if call.funder_name:
        data["funder"] = {"@type": "Organization", "name": call.funder_name}
    if call.amount_min is not None or call.amount_max is not None:
        data["amount"] = _amount(call)
    return data


def _amount(call):
    amount = {"@type": "MonetaryAmount", "currency": call.currency}
    if call.amount_min is not None:
        amount["minValue"] = call.amount_min
    if call.amount_max is not None:
        amount["maxValue"] = call.amount_max
    return amount
