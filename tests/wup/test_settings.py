"""Configuration by environment: each case starts a fresh process with a clean environment."""

import json
import os
import re
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

PRINT_SETTINGS = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({
    "debug": s.DEBUG,
    "engine": s.DATABASES["default"]["ENGINE"],
    "name": str(s.DATABASES["default"]["NAME"]),
    "eager": s.CELERY_TASK_ALWAYS_EAGER,
    "broker": s.CELERY_BROKER_URL,
    "cache": s.CACHES["default"]["BACKEND"],
}))
"""


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess:
    clean = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", ""),
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": "wup.settings",
        **env,
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _settings(**env: str) -> dict:
    result = _run(["-c", PRINT_SETTINGS], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


@pytest.fixture
def no_dotenv():
    # A developer's .env fills in whatever the environment leaves unset.
    if (settings.BASE_DIR / ".env").exists():
        pytest.skip("een lokaal .env-bestand vult de configuratie aan")


def _production(**env: str) -> dict[str, str]:
    # Empty values beat a local .env (django-environ never overrides what is set).
    return {"WUP_ENV": "production", "SECRET_KEY": "", "ALLOWED_HOSTS": "", **env}


def test_production_is_the_default_and_refuses_to_start_without_secret_key(no_dotenv):
    result = _run(["-c", "import django; django.setup()"])
    assert result.returncode != 0
    assert "SECRET_KEY ontbreekt" in result.stderr


def test_production_refuses_to_start_without_secret_key():
    result = _run(["manage.py", "check"], **_production(ALLOWED_HOSTS="wup.example.nl"))
    assert result.returncode != 0
    assert "SECRET_KEY ontbreekt: zet deze omgevingsvariabele." in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _run(["manage.py", "check"], **_production(SECRET_KEY=secrets.token_urlsafe(50)))
    assert result.returncode != 0
    assert "ALLOWED_HOSTS ontbreekt: zet deze omgevingsvariabele." in result.stderr


def test_with_nothing_set_the_embedded_default_is_sqlite_and_eager_celery(no_dotenv):
    config = _settings(WUP_ENV="development")
    assert config["engine"] == "django.db.backends.sqlite3"
    assert config["name"] == str(settings.BASE_DIR / "db.sqlite3")
    assert config["eager"] is True
    assert config["broker"] == "memory://"
    assert config["cache"].endswith("LocMemCache")
    assert config["debug"] is True  # the development environment of `make run`


def test_database_and_broker_urls_select_postgresql_and_real_workers():
    config = _settings(
        **_production(
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="wup.example.nl",
            DATABASE_URL="postgres://wup@db.example.nl:5432/wup",
            REDIS_URL="redis://redis.example.nl:6379/0",
        )
    )
    assert config["engine"] == "django.db.backends.postgresql"
    assert config["name"] == "wup"
    assert config["broker"] == "redis://redis.example.nl:6379/0"
    assert config["eager"] is False
    assert config["cache"].endswith("RedisCache")
    assert config["debug"] is False


def test_check_deploy_passes_without_warnings_on_production_settings():
    result = _run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        **_production(
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="wup.example.nl",
            REDIS_URL="redis://redis.example.nl:6379/0",
            WUP_SECURITY_CONTACT="mailto:security@wup.example.nl",
        ),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_without_a_shared_cache_is_reported():
    """The rate limits of the public forms count per process without Redis: useless behind
    several workers, so the deploy check says so."""
    result = _run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        **_production(SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="wup.example.nl"),
    )
    assert result.returncode != 0
    assert "django_ratelimit.E003" in result.stdout + result.stderr


def test_env_example_documents_every_variable_the_settings_read():
    source = (settings.BASE_DIR / "wup" / "settings.py").read_text(encoding="utf-8")
    read = set(re.findall(r'env(?:\.\w+)?\(\s*"([A-Z][A-Z0-9_]*)"', source))
    example = (settings.BASE_DIR / ".env.example").read_text(encoding="utf-8")
    documented = set(re.findall(r"^#?([A-Z][A-Z0-9_]*)=", example, flags=re.MULTILINE))
    assert len(read) > 20
    assert read <= documented, f"ontbreekt in .env.example: {sorted(read - documented)}"
