"""Logos and header images for the demo content, drawn with Pillow at seed time.

No photographs to license or ship: each organisation and project gets a mark (its initials on
a geometric shape) and a header of overlapping shapes, in the colour of its first cluster
(core.design_tokens, the site's own palette). The same name always draws the same picture.
"""

import hashlib
import io

from PIL import Image, ImageDraw, ImageFont

from core.design_tokens import cluster_colour, token

LOGO_SIZE = 240
HEADER_SIZE = (1200, 480)
WHITE = (255, 255, 255)


def _rgb(hex_colour):
    value = hex_colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def _mix(colour, other, share):
    """`colour` moved `share` of the way towards `other`."""
    return tuple(round(a + (b - a) * share) for a, b in zip(colour, other, strict=True))


def _numbers(name):
    """Reproducible small numbers from `name` (the same picture on every run)."""
    return hashlib.sha256(name.encode()).digest()


def initials(name):
    words = [word for word in name.replace("-", " ").split() if word[:1].isalnum()]
    letters = "".join(word[0] for word in words if word[0].isupper()) or name[:1]
    return letters[:2].upper()


def colour_for(area_slugs):
    """The colour of the first of `area_slugs` that is a cluster's, else the brand colour."""
    for slug in area_slugs:
        colour = cluster_colour(slug)
        if colour != token("color-brand"):
            return colour
    return token("color-brand")


def _png(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def logo_png(name, colour):
    """A square mark: the initials in white on a circle, diamond or rounded square."""
    base = _rgb(colour)
    numbers = _numbers(name)
    image = Image.new("RGB", (LOGO_SIZE, LOGO_SIZE), WHITE)
    draw = ImageDraw.Draw(image)
    box = (12, 12, LOGO_SIZE - 12, LOGO_SIZE - 12)
    shape = numbers[0] % 3
    if shape == 0:
        draw.ellipse(box, fill=base)
    elif shape == 1:
        middle = LOGO_SIZE // 2
        draw.polygon(
            [(middle, 8), (LOGO_SIZE - 8, middle), (middle, LOGO_SIZE - 8), (8, middle)], fill=base
        )
    else:
        draw.rounded_rectangle(box, radius=44, fill=base)
    accent = _mix(base, WHITE, 0.45)
    corner = 40 + numbers[1] % 40
    draw.ellipse((LOGO_SIZE - corner - 6, 6, LOGO_SIZE - 6, corner + 6), fill=accent)
    font = ImageFont.load_default(size=96 if len(initials(name)) == 1 else 84)
    draw.text(
        (LOGO_SIZE / 2, LOGO_SIZE / 2 + 4), initials(name), fill=WHITE, font=font, anchor="mm"
    )
    return _png(image)


def header_png(name, colour):
    """A wide banner of overlapping circles and bands in tints of `colour`."""
    base = _rgb(colour)
    numbers = _numbers(name)
    width, height = HEADER_SIZE
    image = Image.new("RGB", HEADER_SIZE, base)
    draw = ImageDraw.Draw(image, "RGBA")
    for index in range(6):
        radius = 80 + numbers[2 + index] % 220
        x = numbers[8 + index] * width // 255
        y = numbers[14 + index] * height // 255
        tint = _mix(base, WHITE, 0.15 + (numbers[20 + index] % 5) / 10)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(*tint, 150))
    band = numbers[26] * height // 255
    draw.polygon(
        [(0, band), (width, band - 160), (width, band - 60), (0, band + 100)],
        fill=(*_mix(base, (0, 0, 0), 0.25), 110),
    )
    return _png(image)
