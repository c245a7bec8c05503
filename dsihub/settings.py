"""DSI Hub settings: one module, every value read from the environment.

Development defaults are embedded so that `make run` works on a bare machine (SQLite, eager
Celery, local-memory cache, e-mail written to files). Production values have no defaults:
with DJANGO_DEBUG off the process refuses to start without DJANGO_SECRET_KEY.
See docs/configuration.md for every variable.
"""

from email.utils import getaddresses
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from wagtail.embeds import oembed_providers

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
# An optional .env file for development (`make install` writes one with DJANGO_DEBUG=1 so that
# `manage.py` works by hand). Variables already in the environment always win.
if (BASE_DIR / ".env").is_file():
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)

if DEBUG:
    SECRET_KEY = env("DJANGO_SECRET_KEY", default="dev-only-insecure-key-never-use-in-production")
else:
    SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off. "
            "Set it to a long random value, or set DJANGO_DEBUG=1 for local development."
        )
    if SECRET_KEY.startswith("replace-me"):  # the placeholder of .env.example
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is still the placeholder from .env.example. Generate one: "
            'python3 -c "import secrets; print(secrets.token_urlsafe(50))"'
        )

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# The right-hand side of calendar UIDs (events, funding deadlines): one name whatever host a
# subscriber reached the site by, so a feed fetched under two names never gives duplicates.
CALENDAR_UID_DOMAIN = env("CALENDAR_UID_DOMAIN", default=urlsplit(SITE_URL).hostname or "localhost")

# Applications ------------------------------------------------------------------------------

LOCAL_APPS = [
    "core",
    "accounts",
    "taxonomy",
    "listings",
    "organisations",
    "projects",
    "clusters",
    "events",
    "funding",
    "stories",
    "newsletter",
    "explore",
    "dsiindex",
    "opendata",
    "dsi4eu",
    "demo",
]

SOCIAL_PROVIDERS = {
    "github": {
        "client_id": env("GITHUB_CLIENT_ID", default=""),
        "secret": env("GITHUB_CLIENT_SECRET", default=""),
    },
    "google": {
        "client_id": env("GOOGLE_CLIENT_ID", default=""),
        "secret": env("GOOGLE_CLIENT_SECRET", default=""),
    },
}
ENABLED_SOCIAL_PROVIDERS = [name for name, app in SOCIAL_PROVIDERS.items() if app["client_id"]]

INSTALLED_APPS = [
    *LOCAL_APPS,
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # After wagtail.admin: its ready() replaces Wagtail's submitter e-mails with the hub's own.
    "moderation",
    "modelcluster",
    "taggit",
    "django_filters",
    "ninja",  # its Swagger UI served from our static files, not a CDN
    "django_countries",
    "template_partials",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    *[f"allauth.socialaccount.providers.{name}" for name in ENABLED_SOCIAL_PROVIDERS],
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",  # FORM_RENDERER uses the project engine, which must find Django's widgets
    "post_office",
    "anymail",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "core.middleware.permissions_policy",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions: a cached page for an anonymous visitor needs no session lookup.
    "core.page_cache.AnonymousPageCacheMiddleware",
    "opendata.middleware.api_headers",  # the read API's ETags and CORS headers
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.middleware.reject_control_characters",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.verified_admins_only",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# django-zeal raises on N+1 queries; the test suite switches it on (and developers may).
if env.bool("DJANGO_ZEAL", default=False):
    INSTALLED_APPS.append("zeal")
    MIDDLEWARE.append("core.middleware.nplusone_guard")
    # Django's session backend and allauth's login flow look the same row up more than once
    # per request; and when modelcluster rebuilds a listing from its latest revision (edit page,
    # members' preview) it checks each keyword and each link's parent with a get(): bounded by
    # what the owner typed into one listing, not by the length of any list.
    ZEAL_ALLOWLIST = [
        {"model": "sessions.Session"},
        {"model": "account.EmailAddress"},
        {"model": "taggit.Tag", "field": "get()"},
        {"model": "organisations.Organisation", "field": "get()"},
        {"model": "projects.Project", "field": "get()"},
        # Wagtail's page routing looks up one child per segment of the address: bounded by
        # the depth of the page tree (three levels for a story), not by any list.
        {"model": "wagtailcore.Page", "field": "get()"},
        # The first view of an image at a new size creates its renditions, one query per size
        # of the srcset; lists prefetch renditions and pin their query counts in tests instead.
        {"model": "wagtailimages.Image", "field": "renditions"},
    ]

ROOT_URLCONF = "dsihub.urls"
WSGI_APPLICATION = "dsihub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.site",
            ],
        },
    },
    {
        # Plain text (e-mail bodies and subjects): the same templates, never HTML-escaped.
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

FORM_RENDERER = "core.forms.FormRenderer"

# Data --------------------------------------------------------------------------------------

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
# A kept-open connection is checked before reuse, so a database restart costs no failed requests.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")

if REDIS_URL:
    # Falls back to this process's memory while Redis is unreachable, and logs it: pages, logins
    # and forms keep working, rate limits count per process (see core/cache.py).
    CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "dsihub",
            "RETRY_SECONDS": 30,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# In the database, not the cache: a Redis outage logs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Accounts ----------------------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# Confirming the address from the browser that signed up signs the person in (allauth only
# resumes a login pending in the same session) and lands on their dashboard; from another
# browser the login page leads to the dashboard too.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SIGNUP_REDIRECT_URL = "dashboard"
ACCOUNT_EMAIL_CONFIRMATION_ANONYMOUS_REDIRECT_URL = "/accounts/login/?next=/dashboard/"
# allauth's messages are rendered and sent by accounts.mail (branded, multipart, the outbox).
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[DSI Hub] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if SITE_URL.startswith("http://") else "https"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "website"
# allauth's own rate limits stay on (its defaults); listed here so they are easy to tune.
# Password-reset mail also has hourly windows: a minute's alone let one client send ~300 reset
# e-mails an hour to one inbox.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,100/h/ip,5/m/key,10/h/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
}
SOCIALACCOUNT_PROVIDERS = {
    name: {"APP": {"client_id": app["client_id"], "secret": app["secret"], "key": ""}}
    for name, app in SOCIAL_PROVIDERS.items()
    if name in ENABLED_SOCIAL_PROVIDERS
}
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False

# E-mail ------------------------------------------------------------------------------------

EMAIL_URL = env("EMAIL_URL", default="")
if EMAIL_URL:
    vars().update(env.email_url_config(EMAIL_URL))
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
# A mail server that stops answering must not hold a worker for ever (seconds, per operation).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
# Every message is written to the outbox (post_office) in the sender's transaction; Celery sends
# it through the delivery backend chosen above (accounts.outbox).
EMAIL_DELIVERY_BACKEND = EMAIL_BACKEND
EMAIL_BACKEND = "accounts.outbox.OutboxBackend"  # post_office's, subjects cleaned
EMAIL_OUTBOX_MAX_ATTEMPTS = env.int("EMAIL_OUTBOX_MAX_ATTEMPTS", default=40)
POST_OFFICE = {
    "BACKENDS": {"default": EMAIL_DELIVERY_BACKEND},
    "DEFAULT_PRIORITY": "medium",  # queued, never sent inside the request
    "CELERY_ENABLED": False,  # accounts.tasks kicks the hub's own sender after each commit
    "MESSAGE_ID_ENABLED": True,
    "MESSAGE_ID_FQDN": urlsplit(SITE_URL).hostname or "localhost",
    "LOG_LEVEL": 1,  # keep a log row for each failed attempt
}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="DSI Hub <hello@localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
# Who is told about mail the outbox can never send (accounts.outbox) and, as Django does with
# ADMINS, about server errors: "Ops <ops@example.org>, alice@example.org".
ADMINS = [
    (name, address)
    for name, address in getaddresses([env("DJANGO_ADMINS", default="")])
    if "@" in address
]

# Newsletter (newsletter/, docs/newsletter.md): its own bulk pipeline on the same delivery backend.
NEWSLETTER_FROM_EMAIL = env("NEWSLETTER_FROM_EMAIL", default=DEFAULT_FROM_EMAIL)
NEWSLETTER_UNSUBSCRIBE_MAILTO = env(
    "NEWSLETTER_UNSUBSCRIBE_MAILTO",
    default=f"unsubscribe@{urlsplit(SITE_URL).hostname or 'localhost'}",
)
NEWSLETTER_RATE_LIMIT = env.int(
    "NEWSLETTER_RATE_LIMIT", default=0
)  # messages/s, all workers; 0: none
NEWSLETTER_CHUNK_SIZE = env.int("NEWSLETTER_CHUNK_SIZE", default=500)
NEWSLETTER_PARALLEL_CHUNKS = env.int("NEWSLETTER_PARALLEL_CHUNKS", default=2)
NEWSLETTER_RETRY_BASE_SECONDS = env.int("NEWSLETTER_RETRY_BASE_SECONDS", default=60)
NEWSLETTER_MAX_ATTEMPTS = env.int("NEWSLETTER_MAX_ATTEMPTS", default=12)
# A chunk's claim on its rows, renewed every third of it while the chunk works: a dead worker's
# rows are taken over this long after it died.
NEWSLETTER_CLAIM_LEASE_SECONDS = env.int("NEWSLETTER_CLAIM_LEASE_SECONDS", default=30)
# Bounce and complaint webhooks (anymail): mounted under /newsletter/webhooks/ only when a
# basic-auth secret is set; each provider's signing key is read by anymail itself.
ANYMAIL = {
    key: value
    for key, value in {
        "WEBHOOK_SECRET": env("ANYMAIL_WEBHOOK_SECRET", default=""),
        "MAILGUN_WEBHOOK_SIGNING_KEY": env("ANYMAIL_MAILGUN_WEBHOOK_SIGNING_KEY", default=""),
        "POSTMARK_WEBHOOK_SECRET": env("ANYMAIL_POSTMARK_WEBHOOK_SECRET", default=""),
        "SENDGRID_TRACKING_WEBHOOK_VERIFICATION_KEY": env(
            "ANYMAIL_SENDGRID_TRACKING_WEBHOOK_VERIFICATION_KEY", default=""
        ),
    }.items()
    if value
}
# The one provider whose tracking webhook is mounted (newsletter/webhooks.py). Empty: none.
_ESP_WEBHOOK_KEYS = {
    "mailgun": "MAILGUN_WEBHOOK_SIGNING_KEY",
    "postmark": "POSTMARK_WEBHOOK_SECRET",
    "sendgrid": "SENDGRID_TRACKING_WEBHOOK_VERIFICATION_KEY",
}
_ESP_SMTP_DOMAINS = {
    "mailgun.org": "mailgun",
    "postmarkapp.com": "postmark",
    "sendgrid.net": "sendgrid",
    "sparkpostmail.com": "sparkpost",
    "mailjet.com": "mailjet",
    "brevo.com": "brevo",
    "mandrillapp.com": "mandrill",
}


def _webhook_esp():
    """Named by ANYMAIL_WEBHOOK_ESP, else the provider whose webhook key is set, else the one
    EMAIL_URL's relay or an anymail delivery backend belongs to."""
    if named := env("ANYMAIL_WEBHOOK_ESP", default=""):
        return named
    for esp, key in _ESP_WEBHOOK_KEYS.items():
        if key in ANYMAIL:
            return esp
    host = urlsplit(EMAIL_URL).hostname or ""
    for domain, esp in _ESP_SMTP_DOMAINS.items():
        if host == domain or host.endswith(f".{domain}"):
            return esp
    if EMAIL_DELIVERY_BACKEND.startswith("anymail.backends."):
        return EMAIL_DELIVERY_BACKEND.split(".")[2]
    return ""


ANYMAIL_WEBHOOK_ESP = _webhook_esp()

# Internationalisation ----------------------------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("de", _("German")),
    ("fr", _("French")),
    ("it", _("Italian")),
    ("es", _("Spanish")),
    ("ca", _("Catalan")),
    ("nl", _("Dutch")),
    ("pl", _("Polish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
COUNTRIES_OVERRIDE = {"XK": _("Kosovo")}  # GeoNames lists places in Kosovo; ISO has no code yet
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

# Static and media files --------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env("DJANGO_MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")

AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default=None)
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", default=None)
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN", default=None)
    AWS_ACCESS_KEY_ID = env("AWS_ACCESS_KEY_ID", default=None)
    AWS_SECRET_ACCESS_KEY = env("AWS_SECRET_ACCESS_KEY", default=None)
    AWS_DEFAULT_ACL = None
    AWS_S3_FILE_OVERWRITE = False
    MEDIA_STORAGE = {"BACKEND": "moderation.uploads.S3Storage"}
else:
    MEDIA_STORAGE = {"BACKEND": "moderation.uploads.FileSystemStorage"}


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


# Where uploaded images are loaded from, for the Content-Security-Policy below.
if AWS_STORAGE_BUCKET_NAME and AWS_S3_CUSTOM_DOMAIN:
    MEDIA_SOURCES = [f"https://{AWS_S3_CUSTOM_DOMAIN}"]
elif AWS_STORAGE_BUCKET_NAME and AWS_S3_ENDPOINT_URL:
    MEDIA_SOURCES = [_origin(AWS_S3_ENDPOINT_URL)]
elif AWS_STORAGE_BUCKET_NAME:
    MEDIA_SOURCES = ["https://*.amazonaws.com"]
elif MEDIA_URL.startswith(("http://", "https://")):
    MEDIA_SOURCES = [_origin(MEDIA_URL)]
else:
    MEDIA_SOURCES = []

STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_PERMISSIONS = 0o644
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Security ----------------------------------------------------------------------------------

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Wagtail's preview views set SAMEORIGIN on their own responses, so DENY does not break preview.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=True)
    SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Content-Security-Policy (django-csp). Public pages run no inline script or style and no
# eval; JSON-LD <script type="application/ld+json"> is data and is not blocked. Maps draw the
# vendored country outlines and request no third party; raster tiles only when MAP_TILE_URL is
# set, and then its origin is allowed for images. A social login form posts to the hub, which
# redirects to the provider, so the provider is a form target too.
MAP_TILE_URL = env("MAP_TILE_URL", default="")
MAP_TILE_ATTRIBUTION = env("MAP_TILE_ATTRIBUTION", default="")
MAP_TILE_SOURCES = [_origin(MAP_TILE_URL)] if MAP_TILE_URL else []
SOCIAL_LOGIN_ORIGINS = {"github": "https://github.com", "google": "https://accounts.google.com"}
EMBED_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MAP_TILE_SOURCES, *MEDIA_SOURCES],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [
            SELF,
            *[SOCIAL_LOGIN_ORIGINS[name] for name in ENABLED_SOCIAL_PROVIDERS],
        ],
        # Story embeds (stories.blocks): only the providers WAGTAILEMBEDS_FINDERS allows.
        "frame-src": EMBED_SOURCES,
        "frame-ancestors": [NONE],
        "upgrade-insecure-requests": not DEBUG and SECURE_SSL_REDIRECT,
    },
}
# The Wagtail and Django admins (core.middleware.ADMIN_PREFIXES) get a looser policy, tried
# in Chromium (tests/e2e/test_admin_journey.py): Wagtail 8's chooser widgets render inline
# <script>new SnippetChooser(...)</script> and Draftail injects <style> elements, so both need
# 'unsafe-inline' there (no eval); uploads preview as blob: images; page preview frames the
# admin itself.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *MAP_TILE_SOURCES, *MEDIA_SOURCES],
        "font-src": [SELF, "data:"],
        "frame-src": [SELF, *EMBED_SOURCES],
        "frame-ancestors": [SELF],
    },
}
# Browser features no page of the hub uses (core.middleware.permissions_policy).
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    ]
}

# Moderation --------------------------------------------------------------------------------

MODERATION_MAX_PENDING_PER_USER = env.int("MODERATION_MAX_PENDING_PER_USER", default=3)
MEMBERSHIP_INVITATION_MAX_AGE_DAYS = env.int("MEMBERSHIP_INVITATION_MAX_AGE_DAYS", default=14)
TAGGIT_CASE_INSENSITIVE = True  # "Open Data" and "open data" are one keyword
# Rate limits count per client address; behind a proxy, name the header that carries it.
RATELIMIT_IP_META_KEY = env("RATELIMIT_IP_META_KEY", default="REMOTE_ADDR")
# The hub's own forms (core.antispam.rate_limit): per account and per client address.
# Per-account limits do the real work; the per-address ones only stop one machine flooding the
# site, sized so a workshop of thirty people behind one address is never refused. Each can be
# set from the environment: RATE_LIMIT_<GROUP>_PER_USER / _PER_IP (docs/configuration.md).
_RATE_LIMIT_DEFAULTS = {
    "moderated-create": {"per_user": "10/h", "per_ip": "300/h"},
    "moderated-edit": {"per_user": "60/h", "per_ip": "600/h"},
    "report": {"per_user": "10/h", "per_ip": "100/h"},
    "membership-invite": {"per_user": "30/h", "per_ip": "300/h"},
    "membership-join": {"per_user": "10/h", "per_ip": "300/h"},
    "claim": {"per_user": "5/h", "per_ip": "100/h"},
    "account-export": {"per_user": "10/h"},
    "account-delete": {"per_user": "10/h"},
    "newsletter-subscribe": {"per_ip": "60/h"},
}
RATE_LIMITS = {
    group: {
        scope: env(f"RATE_LIMIT_{group.upper().replace('-', '_')}_{scope.upper()}", default=rate)
        for scope, rate in rates.items()
    }
    for group, rates in _RATE_LIMIT_DEFAULTS.items()
}

# Open data (opendata) ----------------------------------------------------------------------

OPEN_DATA_LICENCE_NAME = env("OPEN_DATA_LICENCE_NAME", default="CC BY 4.0")
OPEN_DATA_LICENCE_URL = env(
    "OPEN_DATA_LICENCE_URL", default="https://creativecommons.org/licenses/by/4.0/"
)
OPEN_DATA_SNAPSHOTS_KEPT = env.int("OPEN_DATA_SNAPSHOTS_KEPT", default=30)
# Requests to the read API per client address (RATELIMIT_IP_META_KEY), e.g. "120/m".
OPEN_DATA_API_RATE = env("OPEN_DATA_API_RATE", default="120/m")

# Wagtail -----------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "DSI Hub"
# Draftail, reading a post with a broken editor state as a form error instead of a 500.
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "moderation.richtext.FormSafeDraftailRichTextArea"}
}
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_I18N_ENABLED = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Embeds in stories come from these providers only; any other URL is refused (stories.blocks).
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [
            oembed_providers.youtube,
            oembed_providers.vimeo,
        ],
    }
]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # staff avatars: no e-mail hashes sent to a third party
# The dashboard's "new Wagtail release" notice fetches releases.wagtail.org from the browser;
# upgrades come through requirements.lock, and the admin's CSP allows no third-party fetches.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_URLS = env.list("WAGTAILSEARCH_URLS", default=[])
if WAGTAILSEARCH_URLS:
    # opensearch3 (default), opensearch2, elasticsearch8 or elasticsearch9; see configuration.md
    WAGTAILSEARCH_ENGINE = env("WAGTAILSEARCH_ENGINE", default="opensearch3")
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{WAGTAILSEARCH_ENGINE}",
            "URLS": WAGTAILSEARCH_URLS,
            "INDEX": env("WAGTAILSEARCH_INDEX", default="dsihub"),
            "TIMEOUT": 5,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Page cache (core.page_cache) --------------------------------------------------------------

PAGE_CACHE = env.bool("DJANGO_PAGE_CACHE", default=True)
PAGE_CACHE_SECONDS = env.int("DJANGO_PAGE_CACHE_SECONDS", default=600)
# Which models' changes bump the content version: each app registers its own
# (core.invalidation.register_public_content).

# Celery ------------------------------------------------------------------------------------

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_RESULT_EXPIRES = 60 * 60 * 24
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 5 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 4 * 60
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# While Redis is down, .delay() raises at once (kombu's OperationalError, or RuntimeError from
# the result consumer) instead of retrying the result store for ~20 s inside a web request.
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"retry_policy": {"max_retries": 0}}
CELERY_TIMEZONE = TIME_ZONE
# No CELERY_BEAT_SCHEDULE here: each app registers its periodic tasks from its AppConfig.ready()
# (core.schedule.register_periodic_task) and dsihub/celery.py hands them to beat.

# Benchmarks --------------------------------------------------------------------------------

# `make bench-web` measures pages against a constant 200 at /bench/floor/; off everywhere else.
BENCH_FLOOR = env.bool("DJANGO_BENCH_FLOOR", default=False)

# Logging and monitoring --------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

SENTRY_DSN = env("SENTRY_DSN", default="")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env("SENTRY_ENVIRONMENT", default="production"),
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
        send_default_pii=False,
    )
