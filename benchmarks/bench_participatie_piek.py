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
import shutil
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

from benchmarks import _gemeenschappelijk as gm  # noqa: E402

DATABASE = "wup_bench"
STAPPEN = ("publieke pagina", "raadpleging openen", "code versturen", "vragen openen", "antwoorden")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=gm.STANDAARD_SERVER, help="the server")
    parser.add_argument("--database-naam", default=DATABASE, help="the throwaway database")
    parser.add_argument("--poort", type=int, default=0, help="default: a free port")
    parser.add_argument(
        "--redis-url", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    )
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--codes", type=int, default=1000)
    parser.add_argument("--keep", action="store_true", help="keep the database wup_bench")
    gm.json_argument(parser)
    return parser.parse_args()


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


def _rapport(metingen: Metingen, duur: float, args, opzet: Opzet, database: str) -> str:
    regels = [
        f"Burst: {len(opzet.codes)} households, {args.clients} concurrent clients, gunicorn "
        f"{args.workers} sync workers, {database}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs ({platform.machine()})",
        "",
        _tabel(metingen).markdown(),
    ]
    verzoeken = sum(len(t) for t in metingen.tijden.values())
    regels += [
        "",
        f"{duur:.1f} s in all: {len(opzet.codes) / duur:.1f} responses/s, "
        f"{verzoeken / duur:.0f} requests/s; {len(metingen.fouten)} errors",
    ]
    return "\n".join(regels)


def _tabel(metingen: Metingen) -> gm.Tabel:
    tabel = gm.Tabel(["step", "requests", "p50 (ms)", "p95 (ms)", "max (ms)"], "lrrrr")
    for stap in STAPPEN:
        t = metingen.tijden[stap]
        tabel.rij(
            stap,
            len(t),
            f"{gm.percentiel_ms(t, 50):.0f}",
            f"{gm.percentiel_ms(t, 95):.0f}",
            f"{gm.percentiel_ms(t, 100):.0f}",
        )
    return tabel


def main() -> int:
    args = _args()
    static_root = tempfile.mkdtemp(prefix="wup-bench-static-")
    try:
        with gm.wegwerpdatabase(
            args.database_url, args.database_naam, bewaren=args.keep
        ) as bench_url:
            os.environ.update(
                {
                    "DJANGO_SETTINGS_MODULE": "wup.settings",
                    "WUP_ENV": "test",
                    "DATABASE_URL": bench_url,
                }
            )
            import django

            django.setup()
            from django.db import connection

            opzet = _opzetten(args.codes)
            with connection.cursor() as cursor:
                cursor.execute("SHOW server_version")
                database = f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
            connection.close()
            # One address sends every request here; the forms' own per-address limit would
            # stop it.
            env = gm.productie_env(
                bench_url, args.redis_url, static_root, WUP_PUBLIEK_RATE="1000000/h"
            )
            with gm.gunicorn(env, gm.vrije_poort(args.poort), args.workers) as basis:
                _opwarmen(basis, opzet, args.workers)
                belasting = os.getloadavg()[0]
                metingen, duur = _piek(basis, opzet, args.clients)
            print(_rapport(metingen, duur, args, opzet, database))
            print(f"load average (1 min) before the burst: {belasting:.2f}")
            fouten = metingen.fouten[:10] + _controleren(opzet)
            connection.close()
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
    verzoeken = sum(len(t) for t in metingen.tijden.values())
    per_s = len(opzet.codes) / duur
    gm.Uitkomst(
        benchmark="participatie_piek",
        titel="A burst of residents answering a consultation",
        omgeving=(
            f"{len(opzet.codes)} households, {args.clients} concurrent clients, gunicorn "
            f"{args.workers} sync workers, {database}, Python {platform.python_version()}, "
            f"{os.cpu_count()} CPUs ({platform.machine()}) shared by gunicorn, PostgreSQL, "
            f"Redis and the clients; load average before the burst {belasting:.2f}"
        ),
        tabellen=[_tabel(metingen)],
        doelen=[
            gm.Doel(
                "errors, lost or incomplete responses",
                "0",
                str(len(metingen.fouten) + len(fouten) - min(len(metingen.fouten), 10)),
                not fouten,
            ),
            gm.Doel(
                "responses per second",
                "≥ 17 (a 1,000-address buurt answering within one minute)",
                f"{per_s:.1f}",
                per_s >= 17,
            ),
        ],
        opmerkingen=[
            f"{duur:.1f} s in all: {per_s:.1f} responses/s, {verzoeken / duur:.0f} requests/s; "
            f"{len(metingen.fouten)} errors"
        ],
        fouten=fouten,
    ).schrijf(args.json)
    for fout in fouten:
        print(f"FOUT: {fout}", file=sys.stderr)
    return 1 if fouten else 0


if __name__ == "__main__":
    sys.exit(main())
