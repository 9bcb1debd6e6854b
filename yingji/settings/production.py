"""Production: HTTPS only, secret key from the environment. `yingji check --deploy` is clean."""

from yingji.settings.base import *  # noqa: F403
from yingji.settings.env import env_bool, env_int, env_str

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = False

# TLS is usually terminated by the reverse proxy in front of `yingji serve`.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
YINGJI_2FA_REQUIRED = env_bool("YINGJI_2FA_REQUIRED", True)
YINGJI_PASSWORD_MAX_DAYS = env_int("YINGJI_PASSWORD_MAX_DAYS", 90)
CSRF_COOKIE_SECURE = True
