"""Names for people's uploads: random, so an address says nothing about the person or file."""

import posixpath
import uuid

from django.utils.deconstruct import deconstructible


@deconstructible
class random_name:  # noqa: N801 - used like a function in upload_to=
    """upload_to: "<folder>/<32 random hex digits>.<extension of the upload>"."""

    def __init__(self, folder):
        self.folder = folder.strip("/")

    def __call__(self, instance, filename):
        extension = posixpath.splitext(filename)[1].lower()[:10]
        return f"{self.folder}/{uuid.uuid4().hex}{extension}"

    def __eq__(self, other):
        return isinstance(other, random_name) and other.folder == self.folder
