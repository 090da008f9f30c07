"""The one settings module, read from the environment (django-environ).

``WUP_ENV`` picks the defaults: ``production`` (the default), ``development`` (``make run``)
or ``test`` (pytest). Every value below can be overridden by its environment variable; the
environments only change defaults, never the shape of the configuration.

With nothing set, the embedded default runs: an SQLite file and eager Celery tasks. With
``DATABASE_URL`` and ``CELERY_BROKER_URL`` (or ``REDIS_URL``) set, PostgreSQL and Redis with
real workers. Production refuses to start without ``SECRET_KEY`` and ``ALLOWED_HOSTS``.
"""

import datetime
import tempfile
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    environ.Env.read_env(BASE_DIR / ".env")

WUP_ENV = env.str("WUP_ENV", "production")
if WUP_ENV not in {"production", "development", "test"}:
    raise ImproperlyConfigured(
        f"WUP_ENV={WUP_ENV!r}: kies production, development of test.",
    )
PRODUCTION = WUP_ENV == "production"
TESTING = WUP_ENV == "test"

DEBUG = env.bool("DEBUG", default=WUP_ENV == "development")

# Secrets and hosts have no production default on purpose: a deployment that forgets them
# must fail loudly instead of running with a known key or accepting any Host header.
_NON_PRODUCTION_KEY = "insecure-key-for-development-and-tests-only-never-use-it-in-production"
SECRET_KEY = env.str("SECRET_KEY", default="" if PRODUCTION else _NON_PRODUCTION_KEY)
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS",
    default=[] if PRODUCTION else ["localhost", "127.0.0.1", "[::1]", "testserver"],
)
if PRODUCTION and not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY ontbreekt: zet deze omgevingsvariabele.")
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS ontbreekt: zet deze omgevingsvariabele.")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "guardian",
    "django_fsm",
    "django_ratelimit",
    "wup.apps.WupConfig",
    "wijktoets.apps.WijktoetsConfig",
    "techniek.apps.TechniekConfig",
    "participatie.apps.ParticipatieConfig",
    "keuze.apps.KeuzeConfig",
    "uitwerking.apps.UitwerkingConfig",
    "besluitvorming.apps.BesluitvormingConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wup.api.middleware.ApiVersionMiddleware",
]

if PRODUCTION:
    # gunicorn serves the collected static files itself; runserver and tests need no copy.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "wup.urls"
WSGI_APPLICATION = "wup.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wup.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# The embedded default is an SQLite file beside the project; DATABASE_URL selects PostgreSQL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DB_CONN_MAX_AGE", default=60))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL and not TESTING:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Rate limits on the public forms (django-ratelimit) count in the default cache. Django's own
# Redis backend increments atomically, as the library needs, but is not on its list (W001);
# the in-process cache of `make run` and the tests is not shared between processes (E003),
# which is fine for one process and never the case in production.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
if not PRODUCTION:
    SILENCED_SYSTEM_CHECKS.append("django_ratelimit.E003")
# Behind a proxy the client's address is in a header the proxy sets (e.g. HTTP_X_REAL_IP).
if env.str("RATELIMIT_IP_META_KEY", default=""):
    RATELIMIT_IP_META_KEY = env.str("RATELIMIT_IP_META_KEY")

# --- Celery ---------------------------------------------------------------------------------
_BROKER = env.str("CELERY_BROKER_URL", default=REDIS_URL)
#: A real broker (Redis) is configured, so tasks can go to workers.
WUP_BROKER_CONFIGURED = bool(_BROKER)
# Without a broker the tasks run in-process (`make run` needs no Redis); the in-memory
# transport keeps Celery from looking for a broker host it will never use. Tests run tasks
# in-process too; the one test with a real worker overrides this.
CELERY_BROKER_URL = _BROKER or "memory://"
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=_BROKER or None)
CELERY_TASK_ALWAYS_EAGER = env.bool(
    "CELERY_TASK_ALWAYS_EAGER", default=TESTING or not WUP_BROKER_CONFIGURED
)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="wup")
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "Europe/Amsterdam"
# The beat process (docker-compose `beat`, `make beat`) starts these on schedule.
CELERY_BEAT_SCHEDULE = {
    "persoonsgegevens-anonimiseren": {
        "task": "participatie.tasks.persoonsgegevens_anonimiseren",
        "schedule": crontab(hour=3, minute=15),  # daily, at night
    },
}

# --- Authentication and permissions --------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
GUARDIAN_RAISE_403 = False
ANONYMOUS_USER_NAME = None  # the public never holds object permissions
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# --- Internationalisation -----------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
# Tests write uploads to a scratch folder, never into the checkout.
MEDIA_ROOT = env.path(
    "MEDIA_ROOT",
    default=Path(tempfile.gettempdir()) / "wup-test-media" if TESTING else BASE_DIR / "media",
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url(
    "EMAIL_URL", default="smtp://localhost:25" if PRODUCTION else "consolemail://"
)
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="wup@localhost")

# --- Security -------------------------------------------------------------------------------
# Secure by default; only the development and test environments relax what needs HTTPS.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=PRODUCTION)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=PRODUCTION)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=PRODUCTION)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=PRODUCTION)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=PRODUCTION)
if env.bool("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
X_FRAME_OPTIONS = "DENY"
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# --- API ------------------------------------------------------------------------------------
API_VERSION = "1.0.0"
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["wup.api.renderers.CamelCaseJSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["djangorestframework_camel_case.parser.CamelCaseJSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "wup.api.exceptions.problem_exception_handler",
    "DEFAULT_PAGINATION_CLASS": "wup.api.pagination.Paginering",
    "PAGE_SIZE": 50,
    "JSON_UNDERSCOREIZE": {"no_underscore_before_number": True},
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "WUP-platform API",
    "DESCRIPTION": (
        "API voor wijkuitvoeringsplannen in de warmtetransitie: gebieden, wijkplannen, "
        "faseovergangen en historie. Volgt de Nederlandse API Design Rules."
    ),
    "VERSION": API_VERSION,
    "CONTACT": {
        "name": "WUP-platform",
        "url": "https://wup-platform.nl",
        "email": "api@wup-platform.nl",
    },
    "LICENSE": {"name": "EUPL-1.2"},
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "CAMELIZE_NAMES": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.contrib.djangorestframework_camel_case.camelize_serializer_fields",
        "drf_spectacular.hooks.postprocess_schema_enums",
    ],
    "ENUM_NAME_OVERRIDES": {"FaseEnum": "wup.constants.Fase"},
}

# --- Logging --------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# --- The product ----------------------------------------------------------------------------
WUP_ORGANISATIE = env.str("WUP_ORGANISATIE", default="Gemeente")
#: The accessibility statement (/toegankelijkheid), after the Dutch model statement: the status
#: of compliance (A-E, see digitoegankelijk.nl), the date of the statement, its page in the
#: register toegankelijkheidsverklaring.nl, and where visitors report an accessibility problem.
#: C ("eerste maatregelen genomen") until a full manual audit supports A or B.
WUP_TOEGANKELIJKHEID_STATUS = env.str("WUP_TOEGANKELIJKHEID_STATUS", default="C").upper()
if WUP_TOEGANKELIJKHEID_STATUS not in {"A", "B", "C", "D", "E"}:
    raise ImproperlyConfigured(
        f"WUP_TOEGANKELIJKHEID_STATUS={WUP_TOEGANKELIJKHEID_STATUS!r}: kies A, B, C, D of E."
    )
_datum = env.str("WUP_TOEGANKELIJKHEID_DATUM", default="")
try:
    WUP_TOEGANKELIJKHEID_DATUM = datetime.date.fromisoformat(_datum) if _datum else None
except ValueError as exc:
    raise ImproperlyConfigured(
        f"WUP_TOEGANKELIJKHEID_DATUM={_datum!r}: een datum als 2026-12-31 (JJJJ-MM-DD)."
    ) from exc
WUP_TOEGANKELIJKHEID_URL = env.str("WUP_TOEGANKELIJKHEID_URL", default="")
WUP_TOEGANKELIJKHEID_EMAIL = env.str("WUP_TOEGANKELIJKHEID_EMAIL", default="")
#: Months after the decision on a plan that residents' names and addresses are kept, for a plan
#: without a public page of its own (a page sets its own term).
WUP_BEWAARTERMIJN_MAANDEN = env.int("WUP_BEWAARTERMIJN_MAANDEN", default=12)
#: Overrides the rate limit of every public form ("1000/m"; empty: each form's own rate). Only
#: for load tests from one address; in production each form keeps its own limit.
WUP_PUBLIEK_RATE = env.str("WUP_PUBLIEK_RATE", default="")
#: The municipality's logo on the title page of the council PDF: the path of a static file.
WUP_GEMEENTE_LOGO = env.str("WUP_GEMEENTE_LOGO", default="img/gemeente-logo.svg")
#: Limits of rendering the council PDF: seconds per render, bytes of the finished PDF, and bytes
#: of one image, stylesheet or font it may load (from the project's own static and media files).
WUP_PDF_TIJDLIMIET = env.int("WUP_PDF_TIJDLIMIET", default=120)
WUP_PDF_MAX_BYTES = env.int("WUP_PDF_MAX_BYTES", default=50 * 1024 * 1024)
WUP_PDF_MAX_BRON_BYTES = env.int("WUP_PDF_MAX_BRON_BYTES", default=5 * 1024 * 1024)
