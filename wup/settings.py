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
    # The admin with the product's two-factor check (wup.accounts.admin_site).
    "wup.accounts.apps.WupAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "guardian",
    "django_fsm",
    "django_ratelimit",
    "auditlog",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "mozilla_django_oidc",
    "wup.apps.WupConfig",
    "wup.accounts.apps.AccountsConfig",
    "wijktoets.apps.WijktoetsConfig",
    "techniek.apps.TechniekConfig",
    "participatie.apps.ParticipatieConfig",
    "keuze.apps.KeuzeConfig",
    "uitwerking.apps.UitwerkingConfig",
    "besluitvorming.apps.BesluitvormingConfig",
]

MIDDLEWARE = [
    # Outermost: gives every request its id and logs it once, with the final status and time.
    "wup.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After the messages: both tell the user why they must log in (again).
    "wup.accounts.middleware.SessieverloopMiddleware",
    "wup.accounts.middleware.TweestapMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wup.api.middleware.ApiVersionMiddleware",
    # After authentication: who made a change (also a token user the API authenticates later).
    "wup.audit.AuditMiddleware",
    # Last, as django-axes requires: turns a locked-out login attempt into its response.
    "axes.middleware.AxesMiddleware",
]

if PRODUCTION:
    # gunicorn serves the collected static files itself; runserver and tests need no copy.
    # After the security headers, so static files carry them too.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django_permissions_policy.PermissionsPolicyMiddleware") + 1,
        "whitenoise.middleware.WhiteNoiseMiddleware",
    )

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
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # A Redis that stops answering must not hang requests or the health probe.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
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
# A task is acknowledged only when it has finished, and a task whose worker died (killed, out
# of memory) goes back on the queue: every task is idempotent, so a second delivery is safe.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Every task has a time limit (the PDF task its own, shorter one); nothing runs for ever.
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=840)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=900)
# Redis hands an unacknowledged message to another worker after the visibility timeout. It
# must be longer than the longest task, or a task still running would be started a second
# time (tests/wup/test_settings.py checks it against every task). The kill test sets a few
# seconds for its own worker, so the redelivery of a killed task comes quickly.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)
}
# Under acks_late a task that is still running when the broker connection is lost is
# redelivered anyway; cancel it instead of letting it finish alongside its second delivery.
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
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
# Axes first: it refuses a locked-out username+address before any backend checks a password.
# The OIDC backend only answers the identity provider's callback (and only when configured).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "wup.accounts.oidc.GemeenteOIDCBackend",
    "guardian.backends.ObjectPermissionBackend",
]
GUARDIAN_RAISE_403 = False
ANONYMOUS_USER_NAME = None  # the public never holds object permissions
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"
# ASVS 2.1: at least 12 characters, at most 128 (long passphrases allowed, never truncated),
# no composition rules, refused when common, only digits or too close to the user's details.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "wup.accounts.validators.MinimaleLengteValidator",
        "OPTIONS": {"min_length": 12},
    },
    {
        "NAME": "wup.accounts.validators.MaximaleLengteValidator",
        "OPTIONS": {"max_length": 128},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Lockout (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username from one
# address, that combination is refused for AXES_COOLOFF_MINUTES; a good login resets the count.
# Counting per username *and* address keeps an attacker from locking a colleague out from
# elsewhere. The product's login and the admin's both authenticate through Django, so both count.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # no configuration banner on every start of every process
AXES_LOCKOUT_CALLABLE = "wup.accounts.views.uitgesloten"
# Behind a proxy the client's address is in the header the proxy sets; the same header as the
# rate limits of the public forms (RATELIMIT_IP_META_KEY), unless AXES_IPWARE_META_PRECEDENCE_ORDER
# names others (comma-separated META keys, the first present wins).
AXES_IPWARE_META_PRECEDENCE_ORDER = tuple(
    env.list(
        "AXES_IPWARE_META_PRECEDENCE_ORDER",
        default=[k for k in (env.str("RATELIMIT_IP_META_KEY", default=""), "REMOTE_ADDR") if k],
    )
)

# Sessions: an absolute lifetime (SESSION_COOKIE_AGE, from the login on, not renewed by
# activity) and an idle timeout (SESSION_IDLE_TIMEOUT seconds without a request), both enforced
# by wup.accounts.middleware; logging out deletes the session.
SESSION_IDLE_TIMEOUT = env.int("SESSION_IDLE_TIMEOUT", default=30 * 60)

# Two-factor authentication (django-otp, TOTP with backup codes): required for "beheerder"
# (every staff or superuser account and the Beheerder group) or for "alle" (everyone). Anyone
# who has set it up is asked for a code at every login.
WUP_2FA_VERPLICHT_VOOR = env.str("WUP_2FA_VERPLICHT_VOOR", default="beheerder")
if WUP_2FA_VERPLICHT_VOOR not in {"beheerder", "alle"}:
    raise ImproperlyConfigured(
        f"WUP_2FA_VERPLICHT_VOOR={WUP_2FA_VERPLICHT_VOOR!r}: kies beheerder of alle."
    )
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="WUP-platform")
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # the admin never shows a device's secret

# Login through the municipality's identity provider (OpenID Connect, mozilla-django-oidc):
# off unless OIDC_RP_CLIENT_ID is set. See docs/accounts.md for every variable.
OIDC_RP_CLIENT_ID = env.str("OIDC_RP_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env.str("OIDC_RP_CLIENT_SECRET", default="")
OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("OIDC_OP_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env.str("OIDC_OP_TOKEN_ENDPOINT", default="")
OIDC_OP_USER_ENDPOINT = env.str("OIDC_OP_USER_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env.str("OIDC_OP_JWKS_ENDPOINT", default="")
OIDC_RP_SIGN_ALGO = env.str("OIDC_RP_SIGN_ALGO", default="RS256")
OIDC_RP_SCOPES = env.str("OIDC_RP_SCOPES", default="openid email profile")
OIDC_USE_PKCE = env.bool("OIDC_USE_PKCE", default=True)
OIDC_TIMEOUT = env.int("OIDC_TIMEOUT", default=10)
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc-terug"
#: Create an account (without any role) for someone the identity provider knows but we don't.
OIDC_CREATE_USER = env.bool("OIDC_CREATE_USER", default=False)
#: The claim that names an existing account: "email" (its e-mail address) or another claim
#: whose value is the username (e.g. "preferred_username").
OIDC_KOPPEL_CLAIM = env.str("OIDC_KOPPEL_CLAIM", default="email")
#: The name on the button ("Inloggen via ..."); the organisation's name by default.
OIDC_NAAM = env.str("OIDC_NAAM", default="")
#: ``acr`` and ``amr`` values of the ID token that mean the provider did multi-factor
#: authentication, so it counts as the second factor. Empty: TOTP is still asked.
OIDC_MFA_ACR_WAARDEN = env.list("OIDC_MFA_ACR_WAARDEN", default=[])
OIDC_MFA_AMR_WAARDEN = env.list("OIDC_MFA_AMR_WAARDEN", default=[])

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
# Another site opened from a page of ours (or one that opens ours) gets no handle on our window.
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# A load balancer may probe the health endpoint over plain HTTP, inside the network.
SECURE_REDIRECT_EXEMPT = [r"^gezondheid$"]
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Content-Security-Policy (django-csp), on every response; docs/security.md explains each
# directive. Nothing inline and nothing from another origin: every script, stylesheet, font and
# image is the project's own file. `data:` images are the icons inside the vendored NL Design
# System and Swagger UI stylesheets.
_CSP_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["'none'"],
    "worker-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# Where browsers send violation reports (empty: nowhere). Not named CSP_REPORT_URI as a
# setting: django-csp reads that name as its old format and refuses to start (csp.E001).
_csp_report_uri = env.str("CSP_REPORT_URI", default="")
if _csp_report_uri:
    _CSP_DIRECTIVES["report-uri"] = [_csp_report_uri]
# Report violations without blocking anything: only to try out a change of the policy.
if env.bool("CSP_REPORT_ONLY", default=False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": _CSP_DIRECTIVES}
else:
    CONTENT_SECURITY_POLICY = {"DIRECTIVES": _CSP_DIRECTIVES}

# Permissions-Policy (django-permissions-policy): the application uses no device or sensor, so
# no page (nor anything it might embed) may ask for one.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# /.well-known/security.txt (RFC 9116): where to report a vulnerability. Without a contact in
# production the file is not served and the deploy check warns (wup.W001).
WUP_SECURITY_CONTACT = env.list(
    "WUP_SECURITY_CONTACT",
    default=[] if PRODUCTION else ["mailto:security@example.invalid"],
)
WUP_SECURITY_POLICY_URL = env.str("WUP_SECURITY_POLICY_URL", default="")

# --- API ------------------------------------------------------------------------------------
API_VERSION = "1.0.0"
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        # The browser's session, refused while its second factor is still due.
        "wup.accounts.api.SessieMetTweestap",
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
# One JSON object per line in production (for the log collector), readable lines elsewhere.
# Every line carries the request's id; each request is logged once by wup.middleware. No line
# holds a query string, a request body or an e-mail address (docs/operations.md, "Logs").
LOG_FORMAT = env.str("LOG_FORMAT", default="") or ("json" if PRODUCTION else "plain")
if LOG_FORMAT not in {"json", "plain"}:
    raise ImproperlyConfigured(f"LOG_FORMAT={LOG_FORMAT!r}: kies json of plain.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "wup.logging.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "wup.logging.JsonFormatter"},
        "plain": {
            "()": "wup.logging.PlainFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s [%(rid)s] %(message)s",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Each request is logged once, as wup.request; runserver's own line would repeat it
        # with the query string.
        "django.server": {"level": "ERROR"},
    },
}

# --- Audit trail (django-auditlog) ------------------------------------------------------------
# Every change to plan content, roles and parameters lands in wup.Wijziging, append-only (see
# docs/audit.md). The models are declared per app through wup.audit, never all at once.
AUDITLOG_LOGENTRY_MODEL = "wup.Wijziging"
# django-auditlog's own migrations would create its (swapped, unused) table, whose foreign keys
# to the users then block `flush`/TRUNCATE; without migrations its swapped model gets no table.
MIGRATION_MODULES = {"auditlog": None}
# No IP addresses: residents' requests on the public pages must leave no personal data behind.
AUDITLOG_DISABLE_REMOTE_ADDR = True
AUDITLOG_STORE_JSON_CHANGES = True
AUDITLOG_MASK_CALLABLE = "wup.audit.afschermen"
AUDITLOG_USE_BASE_MANAGER = True

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

# --- Swagger UI under the CSP ---------------------------------------------------------------
# Swagger UI would fetch a badge from validator.swagger.io: another origin, refused by the CSP,
# and it would tell that site which document was read. Off; the rest as drf-spectacular has it.
SPECTACULAR_SETTINGS["SWAGGER_UI_SETTINGS"] = {"deepLinking": True, "validatorUrl": None}
