"""Benchmark: a burst of residents answering a consultation at once, against gunicorn.

The letter with the response codes lands on every doormat of the buurt on the same morning;
many households open the page in the same minutes. This script measures that peak end to end,
over HTTP, on production settings:

1. a fresh database ``wup_bench`` on the PostgreSQL server of ``--database-url`` (migrated);
2. a plan with a published public page and an open consultation with 1,000 response codes and
   four questions (preference, ranking, statement, open), made through the services;
3. gunicorn (``--workers``, default 4) with ``WUP_ENV=production`` — without the HTTPS
   redirect and secure cookies, since the benchmark speaks plain HTTP to 127.0.0.1, and with
   one high rate limit for every public form (``WUP_PUBLIEK_RATE``): all clients come from one
   address, which the per-address limit of the forms would rightly stop after a few dozen
   posts;
4. ``--clients`` (default 50) concurrent clients, each a household with its own cookies: open the
   public page, open the consultation (CSRF cookie and token), post the code, open the
   questions, post the answers — until the 1,000 codes are used.

Afterwards every code must have exactly one response with all four answers, and no request may
have failed; the script exits with 1 otherwise. It prints the latency (p50, p95, max) of each
step and the throughput, and drops the database unless ``--keep``.

    .venv/bin/python benchmarks/bench_participatie_piek.py
    # options: --clients 50 --workers 4 --codes 1000 --redis-url redis://127.0.0.1:6379/0
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import platform
import queue
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = "wup_bench"
STAPPEN = ("publieke pagina", "raadpleging openen", "code versturen", "vragen openen", "antwoorden")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument(
        "--redis-url", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    )
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--codes", type=int, default=1000)
    parser.add_argument("--keep", action="store_true", help="keep the database wup_bench")
    return parser.parse_args()


def _bench_url(database_url: str) -> str:
    delen = urllib.parse.urlsplit(database_url)
    return urllib.parse.urlunsplit(delen._replace(path=f"/{DATABASE}"))


def _beheer_sql(database_url: str, sql: str) -> None:
    import psycopg2

    verbinding = psycopg2.connect(database_url)
    try:
        verbinding.autocommit = True  # CREATE and DROP DATABASE run outside a transaction
        with verbinding.cursor() as cursor:
            cursor.execute(sql)
    finally:
        verbinding.close()


# --- The data ------------------------------------------------------------------------------


@dataclass
class Opzet:
    slug: str
    raadpleging_id: int
    codes: list[str]
    formulier: dict[str, str | list[str]]
    vragen: int


def _opzetten(aantal_codes: int) -> Opzet:
    """Migrate, then a plan with a published page and an open consultation with codes."""
    import datetime

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.utils import timezone
    from guardian.shortcuts import assign_perm

    call_command("migrate", verbosity=0, interactive=False)

    from participatie.models import Responscode
    from participatie.services import publiek, raadplegingen
    from techniek.models import Alternatief
    from wup.models import Buurt, Gemeente, Wijk, Wijkplan

    gemeente = Gemeente.objects.create(code="GM9998", naam="Piekstad")
    wijk = Wijk.objects.create(code="WK999800", naam="Centrum", gemeente=gemeente)
    buurt = Buurt.objects.create(code="BU99980001", naam="Oude Dorp", wijk=wijk)
    user = get_user_model().objects.create_user("projectleider-piek")
    plan = Wijkplan.objects.create(naam="Warmteplan Oude Dorp", slug="oude-dorp", gemeente=gemeente)
    plan.buurten.set([buurt])
    assign_perm("wup.view_wijkplan", user, plan)
    assign_perm("wup.change_wijkplan", user, plan)
    for sjabloon, naam in (("S1a_B_LuchtWP", "Luchtwarmtepomp"), ("S2a_B_Restwarmte", "Warmtenet")):
        Alternatief.objects.create(wijkplan=plan, sjabloon=sjabloon, naam=naam)
    publiek.publicatie_opslaan(
        wijkplan=plan,
        user=user,
        gepubliceerd=True,
        waarom="De buurt gaat van het aardgas af. We horen graag wat u vindt.",
        contact="warmte@piekstad.example",
    )
    nu = timezone.now()
    r = raadplegingen.raadpleging_toevoegen(
        wijkplan=plan,
        user=user,
        titel="Hoe wilt u straks verwarmen?",
        inleiding="Vier korte vragen.",
        deelname="codes",
        opent_op=nu - datetime.timedelta(hours=1),
        sluit_op=nu + datetime.timedelta(days=14),
    )
    for soort, tekst in (
        ("voorkeur", "Welke oplossing heeft uw voorkeur?"),
        ("rangorde", "Zet de oplossingen in volgorde."),
        ("likert", "De buurt moet samen kiezen."),
        ("open", "Wat wilt u ons nog meegeven?"),
    ):
        raadplegingen.vraag_toevoegen(
            raadpleging=r, user=user, soort=soort, tekst=tekst, verplicht=soort == "voorkeur"
        )
    raadplegingen.codes_per_buurt(raadpleging=r, user=user, aantallen={buurt.pk: aantal_codes})
    r = raadplegingen.raadpleging_vrijgeven(raadpleging=r, user=user)

    vragen = {v.soort: v for v in r.vragen.all()}
    voorkeur, rangorde = vragen["voorkeur"], vragen["rangorde"]
    formulier: dict[str, str | list[str]] = {
        f"vraag-{voorkeur.pk}": voorkeur.opties[0]["sleutel"],
        f"vraag-{vragen['likert'].pk}": "4",
        f"vraag-{vragen['open'].pk}": "Graag op tijd weten wat het kost.",
        "groep": "eigenaar_bewoner",
        "website": "",
    }
    for positie, optie in enumerate(reversed(rangorde.opties), start=1):
        formulier[f"vraag-{rangorde.pk}-{optie['sleutel']}"] = str(positie)
    codes = list(Responscode.objects.filter(raadpleging=r).values_list("code", flat=True))
    return Opzet(plan.slug, r.pk, codes, formulier, len(vragen))


def _controleren(opzet: Opzet) -> list[str]:
    """Nothing lost: one response per code, each with every answer."""
    from django.db.models import Count

    from participatie.models import Respons

    fouten = []
    responsen = Respons.objects.filter(raadpleging_id=opzet.raadpleging_id)
    aantal = responsen.count()
    if aantal != len(opzet.codes):
        fouten.append(f"{aantal} responsen opgeslagen, {len(opzet.codes)} verwacht")
    onvolledig = responsen.annotate(n=Count("antwoorden")).exclude(n=opzet.vragen).count()
    if onvolledig:
        fouten.append(f"{onvolledig} responsen zonder alle {opzet.vragen} antwoorden")
    zonder_code = responsen.filter(responscode__isnull=True).count()
    if zonder_code:
        fouten.append(f"{zonder_code} responsen zonder code")
    return fouten


# --- The server ------------------------------------------------------------------------------


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _productie_env(database_url: str, redis_url: str, static_root: str) -> dict[str, str]:
    return {
        **os.environ,
        "WUP_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "CELERY_BROKER_URL": redis_url,
        "STATIC_ROOT": static_root,
        "EMAIL_URL": "consolemail://",
        # Plain HTTP to 127.0.0.1: no HTTPS redirect, cookies without the Secure flag.
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "SECURE_HSTS_SECONDS": "0",
        # One address sends every request here; the forms' own per-address limit would stop it.
        "WUP_PUBLIEK_RATE": "1000000/h",
        "LOG_LEVEL": "WARNING",
    }


def _gunicorn(env: dict[str, str], poort: int, workers: int) -> subprocess.Popen:
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
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", poort), timeout=0.2):
                return proces
        except OSError:
            time.sleep(0.1)
    proces.terminate()
    raise RuntimeError("gunicorn start niet")


# --- The clients ---------------------------------------------------------------------------


class _GeenDoorverwijzing(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 302 is an answer to check, not to follow


@dataclass
class Metingen:
    tijden: dict[str, list[float]] = field(default_factory=lambda: {s: [] for s in STAPPEN})
    fouten: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def noteer(self, stap: str, seconden: float) -> None:
        with self.lock:
            self.tijden[stap].append(seconden)

    def fout(self, tekst: str) -> None:
        with self.lock:
            self.fouten.append(tekst)


def _verzoek(opener, metingen, stap, url, data=None, *, verwacht: int) -> tuple[int, str, str]:
    body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
    start = time.perf_counter()
    try:
        # Only http://127.0.0.1 URLs made above.
        with opener.open(urllib.request.Request(url, data=body), timeout=60) as antwoord:  # noqa: S310
            status, tekst, locatie = antwoord.status, antwoord.read().decode(), ""
    except urllib.error.HTTPError as e:
        status, tekst, locatie = e.code, e.read().decode(errors="replace"), e.headers["Location"]
    metingen.noteer(stap, time.perf_counter() - start)
    if status != verwacht:
        raise RuntimeError(f"{stap}: HTTP {status}, verwacht {verwacht}")
    return status, tekst, locatie or ""


def _huishouden(basis: str, opzet: Opzet, code: str, metingen: Metingen) -> None:
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _GeenDoorverwijzing()
    )
    start = f"{basis}/participatie/{opzet.slug}/raadplegingen/{opzet.raadpleging_id}"
    _verzoek(
        opener, metingen, "publieke pagina", f"{basis}/participatie/{opzet.slug}", verwacht=200
    )
    _s, html, _l = _verzoek(opener, metingen, "raadpleging openen", start, verwacht=200)
    token = CSRF.search(html).group(1)
    data = {"csrfmiddlewaretoken": token, "code": code, "website": ""}
    _s, _h, locatie = _verzoek(opener, metingen, "code versturen", start, data, verwacht=302)
    if not locatie.endswith("/vragen"):
        raise RuntimeError(f"code versturen: naar {locatie}")
    _s, html, _l = _verzoek(opener, metingen, "vragen openen", start + "/vragen", verwacht=200)
    data = {**opzet.formulier, "csrfmiddlewaretoken": CSRF.search(html).group(1)}
    _s, _h, locatie = _verzoek(
        opener, metingen, "antwoorden", start + "/vragen", data, verwacht=302
    )
    if not locatie.endswith("/bedankt"):
        raise RuntimeError(f"antwoorden: naar {locatie}")


def _opwarmen(basis: str, opzet: Opzet, workers: int) -> None:
    """A running site is warm: each worker has loaded its templates before the letter lands."""
    opener = urllib.request.build_opener()
    start = f"{basis}/participatie/{opzet.slug}/raadplegingen/{opzet.raadpleging_id}"
    for _ in range(4 * workers):
        for url in (f"{basis}/participatie/{opzet.slug}", start):
            with opener.open(url, timeout=60) as antwoord:
                antwoord.read()


def _piek(basis: str, opzet: Opzet, clients: int) -> tuple[Metingen, float]:
    werk: queue.Queue[str] = queue.Queue()
    for code in opzet.codes:
        werk.put(code)
    metingen = Metingen()

    def client() -> None:
        while True:
            try:
                code = werk.get_nowait()
            except queue.Empty:
                return
            try:
                _huishouden(basis, opzet, code, metingen)
            except Exception as e:  # a failed household is counted, the others go on
                metingen.fout(f"{type(e).__name__}: {e}")

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return metingen, time.perf_counter() - start


# --- Report ------------------------------------------------------------------------------------


def _ms(waarden: list[float], p: float) -> float:
    if not waarden:
        return float("nan")
    if p >= 100:
        return max(waarden) * 1000
    return statistics.quantiles(waarden, n=100, method="inclusive")[int(p) - 1] * 1000


def _rapport(metingen: Metingen, duur: float, args, opzet: Opzet, database: str) -> str:
    regels = [
        f"Burst: {len(opzet.codes)} households, {args.clients} concurrent clients, gunicorn "
        f"{args.workers} sync workers, {database}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs ({platform.machine()})",
        "",
        "| step | requests | p50 (ms) | p95 (ms) | max (ms) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for stap in STAPPEN:
        t = metingen.tijden[stap]
        regels.append(
            f"| {stap} | {len(t)} | {_ms(t, 50):.0f} | {_ms(t, 95):.0f} | {_ms(t, 100):.0f} |"
        )
    verzoeken = sum(len(t) for t in metingen.tijden.values())
    regels += [
        "",
        f"{duur:.1f} s in all: {len(opzet.codes) / duur:.1f} responses/s, "
        f"{verzoeken / duur:.0f} requests/s; {len(metingen.fouten)} errors",
    ]
    return "\n".join(regels)


def main() -> int:
    args = _args()
    bench_url = _bench_url(args.database_url)
    _beheer_sql(args.database_url, f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    _beheer_sql(args.database_url, f"CREATE DATABASE {DATABASE}")
    os.environ.update(
        {"DJANGO_SETTINGS_MODULE": "wup.settings", "WUP_ENV": "test", "DATABASE_URL": bench_url}
    )
    import django

    django.setup()
    from django.db import connection

    static_root = tempfile.mkdtemp(prefix="wup-bench-static-")
    proces = None
    try:
        opzet = _opzetten(args.codes)
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
        connection.close()
        poort = _vrije_poort()
        proces = _gunicorn(
            _productie_env(bench_url, args.redis_url, static_root), poort, args.workers
        )
        basis = f"http://127.0.0.1:{poort}"
        _opwarmen(basis, opzet, args.workers)
        belasting = os.getloadavg()[0]
        metingen, duur = _piek(basis, opzet, args.clients)
        print(_rapport(metingen, duur, args, opzet, database))
        print(f"load average (1 min) before the burst: {belasting:.2f}")
        fouten = metingen.fouten[:10] + _controleren(opzet)
    finally:
        if proces is not None:
            proces.terminate()
            proces.wait(timeout=30)
        shutil.rmtree(static_root, ignore_errors=True)
        connection.close()
        if not args.keep:
            _beheer_sql(args.database_url, f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    for fout in fouten:
        print(f"FOUT: {fout}", file=sys.stderr)
    return 1 if fouten else 0


if __name__ == "__main__":
    sys.exit(main())
