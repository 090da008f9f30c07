"""Backup and restore, end to end, on the machine's PostgreSQL (docs/backup.md).

A scratch database and MEDIA_ROOT get a plan with content and two council PDFs through the real
services; deploy/backup.sh saves them, the database is dropped and the folder deleted,
deploy/restore.sh brings them back. Then the rows are all there, every PDF is byte-identical to
its recorded SHA-256, the immutability trigger still refuses an UPDATE, and
``bestanden_controleren`` is clean. Everything runs in subprocesses with their own
DATABASE_URL: pytest's own test database is never touched.
"""

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.services

PROJECT = Path(settings.BASE_DIR)
DEPLOY = PROJECT / "deploy"


def _server_url() -> str:
    """The configured PostgreSQL server, without a database name."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.fail("Deze test heeft PostgreSQL nodig: zet DATABASE_URL op postgres://...")
    return url.split("?")[0].rsplit("/", 1)[0]


def _env(server: str, naam: str, media: Path) -> dict:
    return {
        **os.environ,
        "WUP_ENV": "test",
        "DATABASE_URL": f"{server}/{naam}",
        "MEDIA_ROOT": str(media),
        "PYTHON": sys.executable,
        "CELERY_TASK_ALWAYS_EAGER": "1",
    }


@pytest.fixture(scope="module")
def bron(tmp_path_factory):
    """Migrated once with a plan and its PDFs: each test starts from a copy (fast)."""
    server = _server_url()
    naam = f"wup_backup_bron_{uuid.uuid4().hex[:8]}"
    media = tmp_path_factory.mktemp("bron") / "media"
    media.mkdir()
    env = _env(server, naam, media)
    _psql(server, f'CREATE DATABASE "{naam}"')
    try:
        _manage(env, "migrate", "--noinput")
        _manage(
            env, "shell", "-c", "from tests.besluitvorming import backup_wereld as w; w.opbouwen()"
        )
        yield {"server": server, "naam": naam, "media": media}
    finally:
        _psql(server, f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')


@pytest.fixture
def kladblok(bron, tmp_path):
    """A scratch database and MEDIA_ROOT of this test's own, copied from ``bron``."""
    server = bron["server"]
    naam = f"wup_backup_{uuid.uuid4().hex[:10]}"
    media = tmp_path / "media"
    shutil.copytree(bron["media"], media)
    _psql(server, f'CREATE DATABASE "{naam}" TEMPLATE "{bron["naam"]}"')
    yield {
        "server": server,
        "naam": naam,
        "media": media,
        "env": _env(server, naam, media),
        "map": tmp_path,
    }
    _psql(server, f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')


def _psql(server: str, sql: str) -> None:
    subprocess.run(
        ["psql", f"{server}/postgres", "-XAtq", "-v", "ON_ERROR_STOP=1", "-c", sql],
        check=True,
        capture_output=True,
    )


def _run(args, env, check=True) -> subprocess.CompletedProcess:
    r = subprocess.run(args, env=env, cwd=PROJECT, capture_output=True, text=True, timeout=120)
    if check and r.returncode != 0:
        pytest.fail(
            f"{' '.join(map(str, args))} mislukte ({r.returncode}):\n{r.stdout}\n{r.stderr}"
        )
    return r


def _manage(env, *args, check=True):
    return _run([sys.executable, "manage.py", *args], env, check=check)


def _wereld(env, functie: str) -> dict:
    code = f"from tests.besluitvorming import backup_wereld; backup_wereld.{functie}()"
    uit = _manage(env, "shell", "-c", code).stdout
    return json.loads(uit.strip().splitlines()[-1])


def test_a_backup_brings_back_the_plan_its_pdfs_and_the_trigger(kladblok):
    env, media = kladblok["env"], kladblok["media"]
    voor = _wereld(env, "tellen")
    assert len(voor["pdfs"]) == 2
    assert voor["aantallen"]["wup_wijkplan"] == 1
    assert all(p["vastgelegd"] == p["bestand"] for p in voor["pdfs"].values())

    gemaakt = _run(["bash", DEPLOY / "backup.sh", kladblok["map"] / "backups"], env)
    backup = Path(gemaakt.stdout.strip().splitlines()[-1])
    manifest = (backup / "manifest.txt").read_text()
    assert "formaat=wup-backup-1" in manifest
    assert "laatste_migratie=" in manifest and "mediabestanden=2" in manifest
    assert oct((backup / "database.dump").stat().st_mode & 0o777) == "0o600"

    # the disaster: database and files are gone
    _psql(kladblok["server"], f'DROP DATABASE "{kladblok["naam"]}" WITH (FORCE)')
    shutil.rmtree(media)

    hersteld = _run(["bash", DEPLOY / "restore.sh", backup], env)
    assert "Alle 2 PDF-versies zijn aanwezig en ongewijzigd." in hersteld.stdout

    na = _wereld(env, "tellen")
    assert na["aantallen"] == voor["aantallen"]  # every row is back
    assert na["pdfs"] == voor["pdfs"]  # every PDF byte-identical to its recorded SHA-256
    assert na["trigger_weigert"] is True, na  # and a finished version still cannot change

    # a restore never overwrites by accident: the database now has tables, the folder files
    opnieuw = _run(["bash", DEPLOY / "restore.sh", backup], env, check=False)
    assert opnieuw.returncode != 0 and "--force" in opnieuw.stderr
    _run(["bash", DEPLOY / "restore.sh", "--force", "--zonder-app-controle", backup], env)
    assert _wereld(env, "tellen")["pdfs"] == voor["pdfs"]


def test_a_damaged_backup_is_refused_before_anything_is_touched(kladblok):
    env = kladblok["env"]
    backup = Path(
        _run(["bash", DEPLOY / "backup.sh", kladblok["map"] / "b"], env).stdout.split()[-1]
    )
    with (backup / "media.tar.gz").open("ab") as f:
        f.write(b"x")
    r = _run(["bash", DEPLOY / "restore.sh", "--force", backup], env, check=False)
    assert r.returncode != 0
    assert "controlesommen" in r.stderr
    assert "terugzetten" not in r.stdout


def test_bestanden_controleren_reports_a_changed_or_missing_pdf(kladblok):
    env, media = kladblok["env"], kladblok["media"]
    eerste, tweede = sorted(_wereld(env, "tellen")["pdfs"])
    (media / eerste).write_bytes(b"%PDF-1.7 vervalst")
    (media / tweede).unlink()
    r = _manage(env, "bestanden_controleren", check=False)
    assert r.returncode != 0
    assert "SHA-256" in r.stderr and "wijkt af" in r.stderr
    assert "bestand ontbreekt" in r.stderr
    assert "2 van 2 PDF-versies" in r.stderr
