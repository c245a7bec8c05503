"""Uploaded pictures (logos, header images, profile photos): checked, then re-encoded.

A file is accepted only when Pillow can open it as PNG, JPEG or WebP within the size and
dimension limits. It is then re-encoded in the same format, which drops EXIF (camera, GPS) and
other metadata, and applies the EXIF orientation so the picture still shows the right way up.
"""

import io
from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MIN_SIDE = 64
MAX_SIDE = 4000
FORMATS = {
    "PNG": (".png", "image/png"),
    "JPEG": (".jpg", "image/jpeg"),
    "WEBP": (".webp", "image/webp"),
}
MEGABYTE = 1024 * 1024
NOT_AN_IMAGE = _("This file is not a picture we can read. Upload a PNG, JPEG or WebP image.")


def _limits_help():
    return _(
        "PNG, JPEG or WebP, at most %(megabytes)s MB, between %(min)s and %(max)s pixels wide "
        "and high."
    ) % {"megabytes": MAX_UPLOAD_BYTES // MEGABYTE, "min": MIN_SIDE, "max": MAX_SIDE}


#: The help text of every picture field, from the limits above (in the reader's language).
LIMITS_HELP = lazy(_limits_help, str)()


def clean_uploaded_image(upload):
    """Return a metadata-free copy of `upload`, or raise ValidationError saying what is wrong."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("This image is %(size)s; the largest we accept is %(limit)s."),
            code="file_too_large",
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(MAX_UPLOAD_BYTES),
            },
        )
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            _check_format_and_size(image)
            image.load()
            data = _reencode(image)
            image_format = image.format
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError) as exc:
        raise ValidationError(NOT_AN_IMAGE, code="invalid_image") from exc
    extension, content_type = FORMATS[image_format]
    name = (slugify(PurePath(upload.name or "").stem) or "image")[:80] + extension
    return SimpleUploadedFile(name, data, content_type=content_type)


def _check_format_and_size(image):
    if image.format not in FORMATS:
        raise ValidationError(NOT_AN_IMAGE, code="invalid_image")
    width, height = image.size
    if min(width, height) < MIN_SIDE or max(width, height) > MAX_SIDE:
        raise ValidationError(
            _(
                "This image is %(width)s × %(height)s pixels. Each side must be between "
                "%(min)s and %(max)s pixels."
            ),
            code="invalid_dimensions",
            params={"width": width, "height": height, "min": MIN_SIDE, "max": MAX_SIDE},
        )


def _reencode(image):
    image_format = image.format
    upright = ImageOps.exif_transpose(image)
    # Only what drawing needs survives: EXIF, XMP, ICC and text chunks are left behind.
    upright.info = {key: image.info[key] for key in ("transparency",) if key in image.info}
    if image_format == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    buffer = io.BytesIO()
    options = {"quality": 88} if image_format in ("JPEG", "WEBP") else {"optimize": True}
    upright.save(buffer, format=image_format, **options)
    return buffer.getvalue()


class SafeImageField(forms.ImageField):
    """An ImageField whose cleaned value is the checked, re-encoded copy of the upload; its help
    text states the limits unless the form says otherwise."""

    default_error_messages = {"invalid_image": NOT_AN_IMAGE}

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", LIMITS_HELP)
        super().__init__(**kwargs)

    def to_python(self, data):
        if data in self.empty_values:
            return None
        if getattr(data, "size", 0) > MAX_UPLOAD_BYTES:
            return clean_uploaded_image(data)  # raises before Pillow reads a huge file
        checked = super().to_python(data)
        return clean_uploaded_image(checked) if checked else checked
