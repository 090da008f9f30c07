"""What the benchmarks share: a throwaway database, gunicorn, percentiles, tables, the machine.

Every script keeps its own data and its own measurement; this module only holds the machinery
they have in common, so that ``alle.py`` can collect their results (``--json``) into
``benchmarks/RESULTS.md`` with one description of the machine.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import platform
import secrets
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The server the HTTP benchmarks make their throwaway database on, unless told otherwise.
STANDAARD_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"


# --- A throwaway database ----------------------------------------------------------------------


def server_url() -> str:
    """The PostgreSQL server of ``DATABASE_URL`` if that names one, else the local default."""
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else STANDAARD_SERVER


def database_url(server: str, naam: str) -> str:
    """The URL of database ``naam`` on the server of ``server`` (same host, port and user)."""
    delen = urllib.parse.urlsplit(server)
    return urllib.parse.urlunsplit(delen._replace(path=f"/{naam}"))


def wegwerpnaam(server: str, doel: str) -> str:
    """A database name of its own per server database and benchmark (``wup_bench_belasting``
    for ``.../wup``), so two people on one server, or a benchmark and a test run, never share
    one, and the configured database itself is never touched."""
    basis = urllib.parse.urlsplit(server).path.lstrip("/") or "postgres"
    basis = "wup" if basis == "postgres" else basis
    return f"{basis}_bench_{doel}"


def beheer_sql(server: str, sql: str) -> None:
    import psycopg2

    verbinding = psycopg2.connect(server)
    try:
        verbinding.autocommit = True  # CREATE and DROP DATABASE run outside a transaction
        with verbinding.cursor() as cursor:
            cursor.execute(sql)
    finally:
        verbinding.close()


@contextlib.contextmanager
def wegwerpdatabase(server: str, naam: str, *, bewaren: bool = False) -> Iterator[str]:
    """A fresh, empty database ``naam`` on ``server``, dropped afterwards unless ``bewaren``."""
    if not naam.replace("_", "").isalnum():
        raise ValueError(f"ongeldige databasenaam: {naam!r}")
    beheer_sql(server, f"DROP DATABASE IF EXISTS {naam} WITH (FORCE)")
    beheer_sql(server, f"CREATE DATABASE {naam}")
    try:
        yield database_url(server, naam)
    finally:
        if not bewaren:
            beheer_sql(server, f"DROP DATABASE IF EXISTS {naam} WITH (FORCE)")


# --- gunicorn on production settings -------------------------------------------------------------


def vrije_poort(voorkeur: int = 0) -> int:
    """``voorkeur`` if given, else a free port on 127.0.0.1."""
    if voorkeur:
        return voorkeur
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def productie_env(database: str, redis: str, static_root: str, **extra: str) -> dict[str, str]:
    """Production settings as a deployment has them, but for plain HTTP on 127.0.0.1."""
    return {
        **os.environ,
        "WUP_ENV": "production",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database,
        "REDIS_URL": redis,
        "CELERY_BROKER_URL": redis,
        "STATIC_ROOT": static_root,
        "EMAIL_URL": "consolemail://",
        # Plain HTTP to 127.0.0.1: no HTTPS redirect, cookies without the Secure flag.
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
        **extra,
    }


@contextlib.contextmanager
def gunicorn(env: dict[str, str], poort: int, workers: int) -> Iterator[str]:
    """Collect the static files, start gunicorn with ``workers`` sync workers, yield its base
    URL, and stop it afterwards."""
    bin_ = Path(sys.executable).parent
    # Our own executables with fixed arguments.
    subprocess.run(  # noqa: S603
        [str(bin_ / "python"), "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    proces = subprocess.Popen(  # noqa: S603
        [
            str(bin_ / "gunicorn"),
            "wup.wsgi",
            "--bind",
            f"127.0.0.1:{poort}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(150):
            if proces.poll() is not None:
                raise RuntimeError(f"gunicorn stopte met code {proces.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", poort), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("gunicorn start niet")
        yield f"http://127.0.0.1:{poort}"
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait()


# --- Figures -------------------------------------------------------------------------------------


def percentiel_ms(waarden: Sequence[float], p: float) -> float:
    """The ``p``-th percentile of durations in seconds, in milliseconds (100 = the maximum)."""
    if not waarden:
        return float("nan")
    if p >= 100:
        return max(waarden) * 1000
    if len(waarden) == 1:
        return waarden[0] * 1000
    return statistics.quantiles(waarden, n=100, method="inclusive")[int(p) - 1] * 1000


@dataclass
class Tabel:
    """A Markdown table: printed by the script and copied as is into RESULTS.md."""

    kop: list[str]
    #: "l" or "r" per column.
    uitlijning: str
    rijen: list[list[str]] = field(default_factory=list)
    titel: str = ""

    def rij(self, *cellen: object) -> None:
        self.rijen.append([str(c) for c in cellen])

    def markdown(self) -> str:
        streep = {"l": "---", "r": "---:"}
        regels = [
            "| " + " | ".join(self.kop) + " |",
            "| " + " | ".join(streep[u] for u in self.uitlijning) + " |",
        ]
        regels += ["| " + " | ".join(r) + " |" for r in self.rijen]
        return "\n".join(regels)


@dataclass
class Doel:
    """A target of a benchmark and whether this run met it."""

    wat: str
    doel: str
    gemeten: str
    gehaald: bool


@dataclass
class Uitkomst:
    """What a script reports to ``alle.py``: its tables, targets and notes."""

    benchmark: str
    titel: str
    omgeving: str
    tabellen: list[Tabel] = field(default_factory=list)
    doelen: list[Doel] = field(default_factory=list)
    opmerkingen: list[str] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    def schrijf(self, pad: str | None) -> None:
        """Write the result as JSON to ``pad`` (``--json``); nothing without a path."""
        if not pad:
            return
        data = asdict(self)
        data["gemeten_op"] = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
        data["machine"] = machine()
        Path(pad).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def json_argument(parser) -> None:
    parser.add_argument("--json", metavar="PAD", help="write the results as JSON to this file")


# --- The machine ---------------------------------------------------------------------------------


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for regel in Path("/proc/cpuinfo").read_text().splitlines():
            if regel.startswith("model name"):
                return regel.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def _geheugen_gb() -> float | None:
    with contextlib.suppress(OSError, ValueError):
        for regel in Path("/proc/meminfo").read_text().splitlines():
            if regel.startswith("MemTotal:"):
                return round(int(regel.split()[1]) / 1024**2, 1)
    return None


def _os() -> str:
    with contextlib.suppress(OSError):
        velden = dict(
            regel.split("=", 1)
            for regel in Path("/etc/os-release").read_text().splitlines()
            if "=" in regel
        )
        return f"{velden.get('PRETTY_NAME', '').strip(chr(34))}, Linux {platform.release()}"
    return platform.platform()


def postgresql_versie(url: str | None = None) -> str | None:
    """The server version of ``url`` (default: the configured server), None without one."""
    url = url or server_url()
    try:
        import psycopg2

        verbinding = psycopg2.connect(url, connect_timeout=15)
    except Exception:
        return None
    try:
        with verbinding.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return cursor.fetchone()[0].split()[0]
    finally:
        verbinding.close()


def machine() -> dict[str, object]:
    """What the figures were measured on."""
    import django

    versies = {}
    for pakket in ("numpy", "pandas", "weasyprint", "gunicorn"):
        with contextlib.suppress(Exception):
            versies[pakket] = __import__(pakket).__version__
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gb": _geheugen_gb(),
        "os": _os(),
        "architectuur": platform.machine(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "postgresql": postgresql_versie(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        **versies,
    }
