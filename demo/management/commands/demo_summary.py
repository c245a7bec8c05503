"""What `make run` prints before it serves: where the hub is, who to log in as, where mail goes."""

from django.conf import settings
from django.core.management.base import BaseCommand

from demo.seeding import DEMO_PASSWORD

LOGINS = [
    ("admin@example.org", "superuser: the Wagtail admin at /admin/"),
    ("moderator@example.org", "reviews new and edited listings"),
    ("editor@example.org", "writes stories and pages"),
    ("lead@example.org", "leads the Cities and urban development cluster"),
    ("innovator@example.org", "owns a few organisations and projects"),
]


class Command(BaseCommand):
    help = "Print the URL, the demo logins and the mail folder (make run)."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/")

    def handle(self, *args, url, **options):
        lines = ["", f"DSI Hub is starting on {url}", ""]
        lines += [f"  {email:<24} {what}" for email, what in LOGINS]
        lines += [f"  (every demo login's password: {DEMO_PASSWORD})", "", self.mail_line(), ""]
        self.stdout.write("\n".join(lines))

    def mail_line(self):
        backend = getattr(settings, "EMAIL_DELIVERY_BACKEND", settings.EMAIL_BACKEND)
        if backend.endswith("filebased.EmailBackend"):
            return f"E-mail is written to files in {settings.EMAIL_FILE_PATH}/"
        return f"E-mail is sent with {backend}"
