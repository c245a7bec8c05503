"""Screenshots of the main pages on the demo data, at 1280 and 390 px wide (`make screenshots`).

Runs on the embedded SQLite database in var/ (as `make run` does): migrates, loads the demo
data (`seed_demo --scale small`), starts the development server on 127.0.0.1:$PORT (default
8050), logs in as the demo innovator for the dashboard, and writes `<page>-<desktop|mobile>.png`
next to this file (or into the folder given as the first argument): at most two screens of each
page, reduced to a 256-colour palette to stay small.
Needs Playwright (in the dev dependencies) and Chromium at $CHROMIUM (default /usr/bin/chromium).
"""

import io
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
PORT = int(os.environ.get("PORT", "8050"))
BASE = f"http://127.0.0.1:{PORT}"
WIDTHS = {"desktop": (1280, 800), "mobile": (390, 844)}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ENV = {
    **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
    "DJANGO_DEBUG": "1",
    "DJANGO_LOG_LEVEL": "WARNING",
    "DJANGO_PAGE_CACHE": "0",
}


def manage(*args):
    subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args], cwd=ROOT, env=ENV, check=True
    )


def page_paths():
    """{name: path} of the pages to show, found in the demo data."""
    script = (
        "from clusters.models import Cluster; from events.models import Event; "
        "from organisations.models import Organisation; from stories.models import CaseStudyPage; "
        "from django.utils import timezone; "
        "orgs = Organisation.objects.published().order_by('name'); "
        "org = orgs.exclude(logo='').exclude(header_image='').first() or orgs.first(); "
        "event = Event.objects.published().upcoming(timezone.now()).exclude(image='').first() "
        "or Event.objects.published().upcoming(timezone.now()).first(); "
        "story = CaseStudyPage.objects.live().order_by('-date').first(); "
        "print(org.get_absolute_url(), Cluster.objects.first().get_absolute_url(), "
        "event.get_absolute_url(), story.url)"
    )
    out = subprocess.run(  # noqa: S603 - our own manage.py with a fixed script
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=ENV,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    detail, cluster, event, story = out[-4:]
    return {
        "home": "/",
        "list": "/organisations/",
        "detail": detail,
        "cluster": cluster,
        "event": event,
        "story": story,
        "search": "/search/?q=open",
        "explore": "/explore/",
        "map": "/explore/map/",
        "network": "/explore/network/",
        "open-data": "/open-data/",
        "dsi-index": "/dsi-index/",
        "dashboard": "/dashboard/",  # from here on logged in as the demo innovator
        "organisation-form": "/organisations/new/",
    }


def wait_for_server(server):
    for _ in range(120):
        if server.poll() is not None:
            raise SystemExit(f"The development server stopped (is port {PORT} taken? Try PORT=).")
        try:
            urllib.request.urlopen(f"{BASE}/healthz", timeout=2)  # noqa: S310 - our own server
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("The development server did not answer within a minute.")


def save(png, path):
    """Write `png` as a 256-colour PNG (a third of the size, no visible loss on these pages)."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        image.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT).save(
            path, optimize=True
        )


def log_in(page):
    page.goto(f"{BASE}/accounts/login/")
    page.fill("input[name=login]", "innovator@example.org")
    page.fill("input[name=password]", "demo-admin-password")
    page.click("form [type=submit]:not(.btn--secondary)")
    page.wait_for_load_state()


def shoot(paths):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=CHROMIUM_ARGS
        )
        for label, (width, height) in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            for name, path in paths.items():
                if name == "dashboard":
                    log_in(page)
                page.goto(f"{BASE}{path}")
                page.wait_for_load_state("networkidle")
                full = page.evaluate("document.documentElement.scrollHeight")
                clip = {"x": 0, "y": 0, "width": width, "height": min(full, 2 * height)}
                save(page.screenshot(full_page=True, clip=clip), OUT / f"{name}-{label}.png")
                print(f"  {name}-{label}.png  {path}")
            context.close()
        browser.close()


def main():
    (ROOT / "var" / "mail").mkdir(parents=True, exist_ok=True)
    manage("migrate", "--noinput", "--verbosity", "0")
    manage("seed_demo", "--scale", "small")
    paths = page_paths()
    server = subprocess.Popen(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{PORT}", "--noreload"],
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_server(server)
        shoot(paths)
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
