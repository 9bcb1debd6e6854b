"""Settings shared by every environment. Each value comes from the environment (see README)."""

import secrets
from pathlib import Path

import dj_database_url

from yingji.settings.env import env_bool, env_int, env_list, env_path, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = env_path("YINGJI_VAR", BASE_DIR.parent / "var")


def _secret_key() -> str:
    # The embedded default keeps a generated key beside the SQLite file, so a one-machine
    # install needs no configuration and never runs on a key published in the source.
    key = env_str("SECRET_KEY", "")
    if key:
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()


def _field_keys() -> list[str]:
    # Keys for personal information encrypted at rest (yingji.core.crypto): from the environment
    # in production, else generated once beside the SQLite file as the SECRET_KEY is.
    keys = env_list("YINGJI_FIELD_KEYS", "")
    if keys:
        return keys
    path = VAR_DIR / "field_key"
    if not path.exists():
        from cryptography.fernet import Fernet

        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_bytes(Fernet.generate_key())
        path.chmod(0o600)
    return [path.read_text().strip()]


YINGJI_FIELD_KEYS = _field_keys()
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "django_htmx",
    "ninja",
    "django_tasks_db",
    "yingji.core",
    "yingji.regions",
    "yingji.enterprises",
    "yingji.accounts",
    "yingji.audit",
    "yingji.inspections",
    "yingji.hazards",
    "yingji.imports",
    "yingji.accidents",
    "yingji.enforcement",
    "yingji.warnings",
    "yingji.emergency",
    "yingji.duty",
    "yingji.preparedness",
    "yingji.supplies",
    "yingji.training",
    "yingji.complaints",
    "yingji.campaigns",
    "yingji.tasks",
    "yingji.meetings",
    "yingji.assessments",
    "yingji.notices",
    "yingji.notifications",
    "yingji.jobs",
    "yingji.stats",
    "yingji.reports",
    "yingji.privacy",
    "yingji.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "yingji.web.language.ChineseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "yingji.accounts.policy.SignInPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "yingji.audit.context.AuditContextMiddleware",
    "yingji.audit.security.SecurityAuditMiddleware",
    # Last, so that a locked-out login gets axes' answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "yingji.urls"
WSGI_APPLICATION = "yingji.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "yingji.web.navigation.navigation",
                "yingji.notifications.context.badges",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'yingji.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web workers read while one writes; the wait avoids "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Statistics are many short aggregates: JIT compiling costs them more than it saves, and
    # on SSDs a random read costs little more than a sequential one (so indexes get chosen).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = env_str(
        "DATABASE_PG_OPTIONS", "-c jit=off -c random_page_cost=1.1"
    )


# Statistics and reports may read from PostgreSQL streaming replicas (yingji/core/replicas.py,
# docs/scaling.md): replica1..N, in the order given. In tests each mirrors the primary.
def _replica(url: str) -> dict:
    replica = dj_database_url.parse(
        url, conn_max_age=DATABASES["default"]["CONN_MAX_AGE"], conn_health_checks=True
    )
    # A replica that does not answer is passed over after this long, not waited for.
    timeout = env_int("DATABASE_REPLICA_CONNECT_TIMEOUT", 2)
    replica["OPTIONS"] = DATABASES["default"].get("OPTIONS", {}) | {"connect_timeout": timeout}
    replica["TEST"] = {"MIRROR": "default"}
    return replica


DATABASE_REPLICAS = []
for _url in env_list("DATABASE_REPLICA_URLS", ""):
    DATABASE_REPLICAS.append(f"replica{len(DATABASE_REPLICAS) + 1}")
    DATABASES[DATABASE_REPLICAS[-1]] = _replica(_url)
if DATABASE_REPLICAS:
    DATABASE_ROUTERS = ["yingji.core.replicas.ReplicaRouter"]
# After a change of theirs, a user's statistics and reports come from the primary for this long.
DATABASE_REPLICA_PIN_SECONDS = env_int("DATABASE_REPLICA_PIN_SECONDS", 30)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling (yingji/accounts/lockout.py): a username from one address is locked after
# YINGJI_LOGIN_FAILURE_LIMIT failures, an address after YINGJI_LOGIN_ADDRESS_FAILURE_LIMIT
# failures whatever the usernames. The address is the client's behind the trusted proxies.
FORWARDED_ALLOW_IPS = env_list("FORWARDED_ALLOW_IPS", "127.0.0.1")  # as gunicorn reads it
AXES_FAILURE_LIMIT = env_int("YINGJI_LOGIN_FAILURE_LIMIT", 5)
YINGJI_LOGIN_ADDRESS_FAILURE_LIMIT = env_int("YINGJI_LOGIN_ADDRESS_FAILURE_LIMIT", 20)
AXES_COOLOFF_TIME = env_int("YINGJI_LOGIN_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "yingji.accounts.lockout.LoginLockoutHandler"
AXES_CLIENT_IP_CALLABLE = "yingji.accounts.client_address.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "yingji.accounts.lockout.lockout_response"
AXES_VERBOSE = False

SESSION_COOKIE_AGE = env_int("YINGJI_SESSION_MINUTES", 8 * 60) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_SAVE_EVERY_REQUEST = True  # the timeout counts from the last request, not the login
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}

# Two-factor sign-in (yingji/accounts/two_factor.py): these roles must enrol an authenticator
# when required (production's default); anyone enrolled is always asked for the code.
YINGJI_2FA_ROLES = env_list("YINGJI_2FA_ROLES", "admin,bureau")
YINGJI_2FA_REQUIRED = env_bool("YINGJI_2FA_REQUIRED", False)

# Days a password is good for before the user must change it (0: no expiry).
YINGJI_PASSWORD_MAX_DAYS = env_int("YINGJI_PASSWORD_MAX_DAYS", 0)

API_TOKEN_DAYS = env_int("YINGJI_API_TOKEN_DAYS", 30)

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env_path("STATIC_ROOT", VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env_path("MEDIA_ROOT", VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "yingji.core.storage.FileSystemStorage"},  # leaves no half-written file
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# Background work: Django's tasks stored in the database and run by `yingji worker` (README).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A jurisdiction's page numbers are kept until a change inside it, and at most this long
# (yingji/stats/kept.py); 0 computes them on every visit.
YINGJI_KEPT_SECONDS = env_int("YINGJI_KEPT_SECONDS", 300)
YINGJI_WORKER_INTERVAL = env_int("YINGJI_WORKER_INTERVAL", 2)  # seconds between looks for work
# Imports and exports from the web pages larger than these run as background jobs.
YINGJI_BACKGROUND_IMPORT_ROWS = env_int("YINGJI_BACKGROUND_IMPORT_ROWS", 2000)
YINGJI_BACKGROUND_EXPORT_ROWS = env_int("YINGJI_BACKGROUND_EXPORT_ROWS", 100_000)

# Notifications: SMS goes through this gateway class (the bureau plugs its provider in here);
# links in e-mails start with the site's address.
YINGJI_SMS_GATEWAY = env_str("YINGJI_SMS_GATEWAY", "yingji.notifications.channels.sms.RecordingGateway")
YINGJI_SITE_URL = env_str("YINGJI_SITE_URL", "")
# E-mail notifications through Django's mail backend (SMTP on EMAIL_HOST:EMAIL_PORT by default).
EMAIL_BACKEND_NAME = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
MAILERS = {
    "default": {
        "BACKEND": EMAIL_BACKEND_NAME,
        "OPTIONS": {"host": env_str("EMAIL_HOST", "localhost"), "port": env_int("EMAIL_PORT", 25)}
        if EMAIL_BACKEND_NAME.endswith("smtp.EmailBackend")
        else {},
    }
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "yingji@localhost")

# Warnings (预警叫应): a recipient who has not acknowledged within this many minutes is escalated
# to their superior and to the duty desk (a lead-time stage may set its own, warnings/stages.py);
# the link in the SMS stays valid this many hours.
YINGJI_WARNING_ACK_MINUTES = env_int("YINGJI_WARNING_ACK_MINUTES", 30)
YINGJI_WARNING_LINK_HOURS = env_int("YINGJI_WARNING_LINK_HOURS", 72)

YINGJI_MAX_UPLOAD_MB = env_int("YINGJI_MAX_UPLOAD_MB", 20)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# The hazards' covering indexes (INCLUDE) speed PostgreSQL up at province scale; SQLite, the
# embedded default, keeps their key columns only, which is all it needs at a county's size.
SILENCED_SYSTEM_CHECKS = ["models.W040"]
