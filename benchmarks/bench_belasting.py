"""Benchmark: projectleiders working in the web UI at once, against gunicorn and PostgreSQL.

The question: with 1,000 plans in the database, do the dashboard and the plan pages stay fast
when 20 people use them at the same time? This script measures that end to end, over HTTP, on
production settings (``WUP_ENV=production``, DEBUG off, sessions in PostgreSQL, WhiteNoise):

1. a fresh database on the PostgreSQL server (never the configured database itself), migrated,
   with the demo data of ``demo_data`` (Ermelo with its CBS figures and four plans with step
   data) plus plans spread over ten gemeenten until there are ``--plans`` (default 1,000):
   every phase, one to three buurten each, eight projectleiders per gemeente each leading a
   realistic share (the busiest about a quarter of the gemeente's plans), a history for each
   step a plan took; ``--stapplannen`` of them made and moved through the services with the
   step apps' own demo preparers, so their step pages have content;
2. gunicorn (``--workers``, default 4 sync workers) on ``benchmarks.bench_settings``: the
   product's settings and URLs plus one bare view (``/bench/kaal``), the baseline;
3. ``--users`` (default 20) logged-in projectleiders (sessions made in the database, so the
   load does not depend on the login page), each a thread with its own cookie: open the
   dashboard, open one of their plans, then its history or one of its step pages, and so on,
   with a think time of ``--denktijd`` seconds (0.5x to 1.5x at random) between pages. After a
   warm-up, ``--seconds`` of measurement; the same users then request only the bare view for
   as long, and both again without think time (capacity).

Per page it reports the requests, p50, p95, p99, max, errors and throughput, and the ratio to
the baseline, so figures of different machines can be compared. Afterwards it counts the
queries of each page in-process (a test client on the same database).

Exits with 1 on any error (a status other than 200, a request without an answer) and, in the
full run, when a page's p95 misses the target of 200 ms; with ``--verkort`` (the CI's reduced
form: 100 plans, 5 users, 5 s) only when a p95 exceeds the generous bound of ``--grens-ms``
(default 2,000 ms), since CI machines differ too much for the real target.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wup \
        .venv/bin/python benchmarks/bench_belasting.py
    # options: --plans 1000 --users 20 --seconds 30 --workers 4 --denktijd 1.0 --verkort --keep
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import math
import os
import random
import secrets
import shutil
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import _gemeenschappelijk as gm

DOEL_MS = 200.0
SOORTEN = ("dashboard", "plan", "historie", "stappagina")
SOORT_LABEL = {
    "dashboard": "dashboard",
    "plan": "plan page",
    "historie": "plan history",
    "stappagina": "step pages",
    "kaal": "bare view (baseline)",
}
#: How the plans are spread over the phases (a municipality has more plans early on).
FASE_GEWICHT = {
    "wijktoets": 22,
    "verkenning": 22,
    "keuze": 14,
    "uitwerking": 12,
    "uitvoeringsplan": 9,
    "ter_besluitvorming": 6,
    "vastgesteld": 9,
    "gepauzeerd": 3,
    "gestopt": 3,
}
#: The share of a gemeente's plans each of its eight projectleiders leads.
LEIDER_GEWICHT = (6, 5, 4, 3, 2, 2, 1, 1)
GEMEENTEN = 10


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=gm.server_url(), help="the server")
    parser.add_argument(
        "--redis-url", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    )
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--stapplannen", type=int, default=20)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--opwarmen", type=float, default=5.0, help="warm-up seconds")
    parser.add_argument("--denktijd", type=float, default=1.0, help="mean think time (s)")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--poort", type=int, default=0, help="default: a free port")
    parser.add_argument("--grens-ms", type=float, default=2000.0)
    parser.add_argument(
        "--verkort",
        action="store_true",
        help="reduced form for CI: 100 plans, 5 users, 4 s; fails on errors, not on the target",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database")
    gm.json_argument(parser)
    args = parser.parse_args()
    if args.verkort:
        args.plans, args.stapplannen, args.users = min(args.plans, 100), 4, min(args.users, 5)
        args.seconds, args.opwarmen = min(args.seconds, 4.0), 1.0
    return args


# --- The data ------------------------------------------------------------------------------


@dataclass
class Gebruiker:
    naam: str
    sessie: str
    #: Per plan the URLs of its pages: (soort, url).
    plannen: list[list[tuple[str, str]]]


@dataclass
class Opzet:
    gebruikers: list[Gebruiker]
    plannen: int
    stapplannen: int
    gemeenten: int
    projectleiders: int
    historie: int
    per_fase: dict[str, int]


def _verdeel(totaal: int, gewichten) -> list[int]:
    """``totaal`` split by ``gewichten``, the rounding going to the first."""
    som = sum(gewichten)
    delen = [totaal * g // som for g in gewichten]
    delen[0] += totaal - sum(delen)
    return delen


def _stapplannen(aantal: int, stdout) -> list:
    """Plans made and moved through the services, prepared by the step apps before each
    transition as ``demo_data`` prepares its own (stock, alternatives, participation, ...)."""
    from tests import factories
    from wup import services
    from wup.models import Buurt, Gemeente
    from wup.registry import demo_preparers
    from wup.workflow import OVERGANGEN

    gemeente = Gemeente.objects.get(code="GM0233")
    buurten = list(Buurt.objects.filter(wijk__gemeente=gemeente).order_by("code"))
    leiders = [
        factories.projectleider(gemeente, username=f"projectleider-ermelo-{i}") for i in range(4)
    ]
    # Up to the plan whose next step needs the council PDF: the PDF benchmark measures that.
    routes = (
        (),
        ("start_verkenning",),
        ("start_verkenning", "start_keuze"),
        ("start_verkenning", "start_keuze", "start_uitwerking"),
        ("start_verkenning", "start_keuze", "start_uitwerking", "start_uitvoeringsplan"),
    )
    plannen = []
    for i in range(aantal):
        leider = leiders[i % len(leiders)]
        plan = services.wijkplan_create(
            user=leider,
            gemeente=gemeente,
            naam=f"Warmteplan Ermelo deel {i + 1}",
            buurten=[buurten[i % len(buurten)], buurten[(i + 5) % len(buurten)]],
            omschrijving="Aardgasvrij in samenhang met de vervanging van de riolering.",
            bestuurlijk_opdrachtgever="Wethouder Duurzaamheid en Energie",
            ambtelijk_opdrachtgever="Afdeling Ruimte",
        )
        for overgang in routes[i % len(routes)]:
            for _key, preparer in demo_preparers.all():
                preparer(stdout, plan, overgang, leider)
            services.wijkplan_transition(
                wijkplan=plan,
                overgang=overgang,
                user=leider,
                motivatie=f"{OVERGANGEN[overgang].label}: besproken met de bewoners.",
            )
        plannen.append(plan)
    return plannen


def _bulkplannen(aantal: int, rng: random.Random) -> None:
    """``aantal`` plans over ``GEMEENTEN`` gemeenten, each with its areas, projectleiders and
    a griffier, in bulk: the starting situation, as the factories make it for a test."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from guardian.models import UserObjectPermission

    from tests import factories
    from wup.constants import Fase
    from wup.models import Buurt, Faseovergang, Wijk, Wijkplan
    from wup.workflow import OVERGANGEN

    ct = ContentType.objects.get_for_model(Wijkplan)
    rechten = [
        Permission.objects.get(content_type=ct, codename=c)
        for c in ("view_wijkplan", "change_wijkplan")
    ]
    volgorde = list(Fase)[:7]  # the working phases and the council, in order
    vooruit = {o.naam: o for o in OVERGANGEN.values() if o.vooruit}
    namen = list(vooruit)
    fasen = list(FASE_GEWICHT)
    nu = timezone.now()
    for g, per_gemeente in enumerate(_verdeel(aantal, [1] * GEMEENTEN)):
        gemeente = factories.GemeenteFactory(code=f"GM98{g:02d}", naam=f"Belastingstad {g + 1}")
        factories.griffier(gemeente, username=f"griffier-{g}")
        wijken = Wijk.objects.bulk_create(
            Wijk(code=f"WK98{g:02d}{w:02d}", naam=f"Wijk {w + 1}", gemeente=gemeente)
            for w in range(10)
        )
        buurten = Buurt.objects.bulk_create(
            Buurt(code=f"BU98{g:02d}{w:02d}{b:02d}", naam=f"Buurt {w + 1}.{b + 1}", wijk=wijk)
            for w, wijk in enumerate(wijken)
            for b in range(8)
        )
        leiders = [
            factories.projectleider(gemeente, username=f"projectleider-{g}-{i}")
            for i in range(len(LEIDER_GEWICHT))
        ]
        plannen = []
        for i in range(per_gemeente):
            fase = rng.choices(fasen, weights=FASE_GEWICHT.values())[0]
            plannen.append(
                Wijkplan(
                    naam=f"Wijkplan {gemeente.naam} {i + 1}",
                    slug=f"belasting-{g}-{i}",
                    gemeente=gemeente,
                    omschrijving="Aardgasvrij maken van de buurt.",
                    bestuurlijk_opdrachtgever="" if rng.random() < 0.1 else "Wethouder Energie",
                    fase=fase,
                    fase_voor_pauze="verkenning" if fase == "gepauzeerd" else "",
                    aangeboden_aan_raad_op=nu
                    if fase in ("ter_besluitvorming", "vastgesteld")
                    else None,
                    aangemaakt_door=leiders[0],
                )
            )
        plannen = Wijkplan.objects.bulk_create(plannen)
        Through = Wijkplan.buurten.through
        Through.objects.bulk_create(
            Through(wijkplan_id=p.pk, buurt_id=b.pk)
            for p in plannen
            for b in rng.sample(buurten, rng.randint(1, 3))
        )
        # Each projectleider leads a share: the busiest about a quarter of the plans.
        rng.shuffle(plannen)
        toewijzing, start = [], 0
        for leider, n in zip(leiders, _verdeel(len(plannen), LEIDER_GEWICHT), strict=True):
            toewijzing += [(leider, p) for p in plannen[start : start + n]]
            start += n
        UserObjectPermission.objects.bulk_create(
            UserObjectPermission(user=u, permission=r, content_type=ct, object_pk=str(p.pk))
            for u, p in toewijzing
            for r in rechten
        )
        # The history: one row for each step forward the plan took to reach its phase.
        historie = []
        for leider, p in toewijzing:
            doel = p.fase_voor_pauze or p.fase
            stappen = volgorde.index(doel) if doel in volgorde else rng.randint(0, 3)
            for s in range(stappen):
                historie.append(
                    Faseovergang(
                        wijkplan=p,
                        overgang=namen[s],
                        van_fase=volgorde[s],
                        naar_fase=volgorde[s + 1],
                        motivatie="Besproken in het projectteam en met de wethouder.",
                        door=leider,
                    )
                )
            if p.fase in ("gepauzeerd", "gestopt"):
                historie.append(
                    Faseovergang(
                        wijkplan=p,
                        overgang="pauzeren" if p.fase == "gepauzeerd" else "stoppen",
                        van_fase=volgorde[stappen],
                        naar_fase=p.fase,
                        motivatie="Wachten op de netbeheerder.",
                        door=leider,
                    )
                )
        Faseovergang.objects.bulk_create(historie)


def _paginas(plan) -> list[tuple[str, str]]:
    """The pages of a plan a projectleider opens: the plan page, its history, its step pages."""
    from django.urls import NoReverseMatch, reverse

    from wup.registry import steps

    urls = [
        ("plan", reverse("wijkplan-detail", args=[plan.pk])),
        ("historie", reverse("wijkplan-historie", args=[plan.pk])),
    ]
    for step in steps.all():
        for page in step.pages:
            with contextlib.suppress(NoReverseMatch):
                urls.append(("stappagina", reverse(page.url_name, args=[plan.pk])))
    return urls


def _sessie(user) -> str:
    """A logged-in session made by ``login()`` itself, in the database: whatever a login adds
    to the session (its start, for the session's lifetime) is there, without the login page."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import login
    from django.http import HttpRequest

    request = HttpRequest()
    request.META.update(REMOTE_ADDR="127.0.0.1", HTTP_USER_AGENT="bench_belasting")
    request.session = import_module(settings.SESSION_ENGINE).SessionStore()
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    request.session.save()
    return request.session.session_key


def _opzetten(args, rng: random.Random, t0: float) -> Opzet:
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db.models import Count

    from wup import selectors
    from wup.models import Faseovergang, Gemeente, Wijkplan

    def klaar(wat: str) -> None:
        print(f"  {time.perf_counter() - t0:5.1f} s  {wat}", file=sys.stderr)

    call_command("migrate", verbosity=0, interactive=False)
    klaar("migrated")
    uit = io.StringIO()
    with contextlib.redirect_stdout(uit):
        call_command("demo_data", stdout=uit)
        klaar("demo data")
        stap = _stapplannen(min(args.stapplannen, max(args.plans - 4, 0)), uit)
        klaar("plans with step data")
    bulk = max(args.plans - Wijkplan.objects.count(), 0)
    _bulkplannen(bulk, rng)
    klaar("plans in bulk")

    # The users: the busiest projectleiders of each gemeente first, those of Ermelo (with
    # the plans that have step data) among them.
    leiders = list(
        get_user_model().objects.filter(username__startswith="projectleider").order_by("username")
    )
    plannen_van = {u.pk: list(selectors.wijkplannen_for_user(u).order_by("pk")) for u in leiders}
    leiders = [u for u in leiders if plannen_van[u.pk]]
    leiders.sort(key=lambda u: (-len(plannen_van[u.pk]), u.username))
    ermelo = [
        u
        for u in leiders
        if u.username.startswith(("projectleider-ermelo", "projectleider"))
        and not u.username[len("projectleider-") :][:1].isdigit()
    ]
    gekozen = ermelo[: max(1, args.users // 4)]
    gekozen += [u for u in leiders if u not in gekozen][: args.users - len(gekozen)]
    gebruikers = [
        Gebruiker(
            naam=u.username,
            sessie=_sessie(u),
            plannen=[_paginas(p) for p in plannen_van[u.pk]],
        )
        for u in gekozen
    ]
    per_fase = dict(Wijkplan.objects.values_list("fase").annotate(n=Count("pk")).order_by("fase"))
    return Opzet(
        gebruikers=gebruikers,
        plannen=Wijkplan.objects.count(),
        stapplannen=len(stap) + 4,
        gemeenten=Gemeente.objects.filter(wijkplannen__isnull=False).distinct().count(),
        projectleiders=len(leiders),
        historie=Faseovergang.objects.count(),
        per_fase=per_fase,
    )


# --- The load --------------------------------------------------------------------------------


@dataclass
class Metingen:
    tijden: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    fouten: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    meldingen: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def noteer(self, soort: str, seconden: float, fout: str | None) -> None:
        with self.lock:
            self.tijden[soort].append(seconden)
            if fout:
                self.fouten[soort] += 1
                if len(self.meldingen) < 10:
                    self.meldingen.append(fout)


class _GeenDoorverwijzing(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect (to the login page, say) is an error here, not a detour


def _verzoek(opener, url: str) -> tuple[int, str | None]:
    try:
        # Only http://127.0.0.1 URLs made above.
        with opener.open(url, timeout=60) as antwoord:
            antwoord.read()
            return antwoord.status, None
    except urllib.error.HTTPError as e:
        return e.code, f"{url}: HTTP {e.code}"
    except Exception as e:  # no answer at all: counted as lost
        return 0, f"{url}: {type(e).__name__}: {e}"


def _gebruiker_loop(basis, gebruiker, cookie, stop, meten_vanaf, metingen, denktijd, kaal, seed):
    rng = random.Random(seed)
    opener = urllib.request.build_opener(_GeenDoorverwijzing())
    opener.addheaders = [("Cookie", f"{cookie}={gebruiker.sessie}")]

    def bezoek(soort: str, pad: str) -> None:
        start = time.perf_counter()
        status, fout = _verzoek(opener, basis + pad)
        duur = time.perf_counter() - start
        if status != 200 and not fout:
            fout = f"{pad}: HTTP {status}"
        if start >= meten_vanaf:
            metingen.noteer(soort, duur, fout)
        if denktijd:
            time.sleep(denktijd * rng.uniform(0.5, 1.5))

    ronde = seed
    while time.perf_counter() < stop:
        if kaal:
            bezoek("kaal", "/bench/kaal")
            continue
        # What a projectleider does: the dashboard, one of their plans, then two more pages of
        # it (its history and step pages in turn, so every kind is measured).
        bezoek("dashboard", "/")
        paginas = rng.choice(gebruiker.plannen)
        bezoek(*paginas[0])
        overige = paginas[1:]
        for k in range(min(2, len(overige))):
            if time.perf_counter() >= stop:
                break
            bezoek(*overige[(ronde + k) % len(overige)])
        ronde += 2


def _opwarmen(basis: str, opzet: Opzet, cookie: str, aantal: int) -> None:
    """A running site is warm: each worker has loaded its templates and translations."""
    for i in range(aantal):
        gebruiker = opzet.gebruikers[i % len(opzet.gebruikers)]
        opener = urllib.request.build_opener(_GeenDoorverwijzing())
        opener.addheaders = [("Cookie", f"{cookie}={gebruiker.sessie}")]
        for pad in ("/", "/bench/kaal", gebruiker.plannen[0][0][1]):
            _verzoek(opener, basis + pad)


def _fase(basis, opzet, cookie, args, *, kaal: bool, denktijd: float) -> tuple[Metingen, float]:
    metingen = Metingen()
    begin = time.perf_counter()
    meten_vanaf = begin + args.opwarmen
    stop = meten_vanaf + args.seconds
    threads = [
        threading.Thread(
            target=_gebruiker_loop,
            args=(basis, g, cookie, stop, meten_vanaf, metingen, denktijd, kaal, i),
        )
        for i, g in enumerate(opzet.gebruikers)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # Measured: from the end of the warm-up to the last answer.
    return metingen, time.perf_counter() - meten_vanaf


def _queries_per_pagina(opzet: Opzet) -> dict[str, int]:
    """The most queries one page of each kind makes, for one user's pages, in-process."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    gebruiker = opzet.gebruikers[0]
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = gebruiker.sessie
    paginas = [("dashboard", "/")]
    for plan in gebruiker.plannen[:3]:
        paginas += plan
    uitkomst: dict[str, int] = {}
    for soort, pad in paginas:
        client.get(pad)  # warm: content types, translations
        with CaptureQueriesContext(connection) as ctx:
            antwoord = client.get(pad)
        if antwoord.status_code == 200:
            uitkomst[soort] = max(uitkomst.get(soort, 0), len(ctx.captured_queries))
    return uitkomst


# --- Report ------------------------------------------------------------------------------------


def _tabel(titel: str, metingen: Metingen, duur: float, basis_p95: float | None, soorten):
    tabel = gm.Tabel(
        [
            "page",
            "requests",
            "p50 (ms)",
            "p95 (ms)",
            "p99 (ms)",
            "max (ms)",
            "errors",
            "req/s",
            "p95 / baseline",
        ],
        "lrrrrrrrr",
        titel=titel,
    )

    def ms(waarde: float) -> str:
        return f"{waarde:.0f}" if math.isfinite(waarde) else "–"

    for soort in soorten:
        t = metingen.tijden.get(soort, [])
        p95 = gm.percentiel_ms(t, 95)
        heeft_basis = basis_p95 is not None and math.isfinite(basis_p95) and soort != "kaal"
        ratio = f"{p95 / basis_p95:.1f}" if heeft_basis and math.isfinite(p95) else "–"
        tabel.rij(
            SOORT_LABEL[soort],
            len(t),
            ms(gm.percentiel_ms(t, 50)),
            ms(p95),
            ms(gm.percentiel_ms(t, 99)),
            ms(gm.percentiel_ms(t, 100)),
            metingen.fouten.get(soort, 0),
            f"{len(t) / duur:.1f}",
            ratio,
        )
    return tabel


def main() -> int:
    args = _args()
    logging.disable(logging.INFO)
    rng = random.Random(2030)
    naam = gm.wegwerpnaam(args.database_url, "belasting")
    # One secret for the set-up and the server: a session's hash is signed with it.
    geheim = secrets.token_urlsafe(64)
    static_root = tempfile.mkdtemp(prefix="wup-bench-static-")
    media_root = tempfile.mkdtemp(prefix="wup-bench-media-")
    uitkomst = gm.Uitkomst(
        benchmark="belasting",
        titel="Load test: 20 projectleiders on the dashboard and plan pages",
        omgeving="",
    )
    fouten: list[str] = []
    try:
        with gm.wegwerpdatabase(args.database_url, naam, bewaren=args.keep) as bench_url:
            os.environ.update(
                {
                    "DJANGO_SETTINGS_MODULE": "wup.settings",
                    "WUP_ENV": "test",
                    "DATABASE_URL": bench_url,
                    "SECRET_KEY": geheim,
                    "REDIS_URL": args.redis_url,
                    "CELERY_BROKER_URL": args.redis_url,
                }
            )
            import django

            django.setup()
            from django.conf import settings
            from django.db import connections

            settings.MEDIA_ROOT = media_root
            t0 = time.perf_counter()
            opzet = _opzetten(args, rng, t0)
            opbouw = time.perf_counter() - t0
            cookie = settings.SESSION_COOKIE_NAME
            connections.close_all()

            env = gm.productie_env(
                bench_url,
                args.redis_url,
                static_root,
                SECRET_KEY=geheim,
                DJANGO_SETTINGS_MODULE="benchmarks.bench_settings",
                MEDIA_ROOT=settings.MEDIA_ROOT,
            )
            poort = gm.vrije_poort(args.poort)
            belasting = os.getloadavg()[0]
            with gm.gunicorn(env, poort, args.workers) as basis:
                print(f"  {time.perf_counter() - t0:5.1f} s  gunicorn runs", file=sys.stderr)
                _opwarmen(basis, opzet, cookie, 2 * args.workers)
                print(f"  {time.perf_counter() - t0:5.1f} s  warmed up", file=sys.stderr)
                fasen = {}
                for sleutel, kaal, denk in (
                    ("kaal", True, args.denktijd),
                    ("paginas", False, args.denktijd),
                    ("kaal-vol", True, 0.0),
                    ("paginas-vol", False, 0.0),
                ):
                    fasen[sleutel] = _fase(basis, opzet, cookie, args, kaal=kaal, denktijd=denk)
                    print(f"  {time.perf_counter() - t0:5.1f} s  phase {sleutel}", file=sys.stderr)
            queries = _queries_per_pagina(opzet)
            connections.close_all()
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
        shutil.rmtree(media_root, ignore_errors=True)

    import django

    db = f"PostgreSQL {gm.postgresql_versie(args.database_url)}"
    uitkomst.omgeving = (
        f"{opzet.plannen} plans ({opzet.stapplannen} with step data) in {opzet.gemeenten} "
        f"gemeenten, {opzet.projectleiders} projectleiders, {opzet.historie} history rows; "
        f"{len(opzet.gebruikers)} concurrent users, think time {args.denktijd:g} s "
        f"(x0.5–1.5), {args.opwarmen:g} s warm-up + {args.seconds:g} s per phase; gunicorn "
        f"{args.workers} sync workers; {db}, Python {sys.version.split()[0]}, Django "
        f"{django.get_version()}; {os.cpu_count()} CPUs shared by gunicorn, PostgreSQL and the "
        f"load generator; load average before {belasting:.2f}; database built in {opbouw:.0f} s"
    )
    kaal, kaal_duur = fasen["kaal"]
    basis_p95 = gm.percentiel_ms(kaal.tijden["kaal"], 95)
    pag, pag_duur = fasen["paginas"]
    tabel = _tabel(
        f"With think time ({args.denktijd:g} s): latency",
        pag,
        pag_duur,
        basis_p95,
        SOORTEN,
    )
    kt = _tabel("", kaal, kaal_duur, None, ("kaal",))
    tabel.rijen += kt.rijen
    uitkomst.tabellen.append(tabel)

    kv, kv_duur = fasen["kaal-vol"]
    pv, pv_duur = fasen["paginas-vol"]
    kv_p95 = gm.percentiel_ms(kv.tijden["kaal"], 95)
    capaciteit = _tabel("Without think time: capacity", pv, pv_duur, kv_p95, SOORTEN)
    capaciteit.rijen += _tabel("", kv, kv_duur, None, ("kaal",)).rijen
    uitkomst.tabellen.append(capaciteit)

    pag_rps = sum(len(t) for t in pv.tijden.values()) / pv_duur
    kaal_rps = len(kv.tijden["kaal"]) / kv_duur
    qtabel = gm.Tabel(["page", "queries (most of one user's pages)"], "lr", titel="Queries")
    for soort in SOORTEN:
        if soort in queries:
            qtabel.rij(SOORT_LABEL[soort], queries[soort])
    uitkomst.tabellen.append(qtabel)
    uitkomst.extra = {
        "baseline_p95_ms": basis_p95,
        "pages_rps_without_think_time": pag_rps,
        "baseline_rps_without_think_time": kaal_rps,
        "throughput_ratio": pag_rps / kaal_rps if kaal_rps else None,
        "plans_per_phase": opzet.per_fase,
        "queries": queries,
        "verkort": args.verkort,
    }
    uitkomst.opmerkingen.append(
        f"Capacity without think time: {pag_rps:.0f} page requests/s against {kaal_rps:.0f} "
        f"bare requests/s (ratio {pag_rps / kaal_rps:.2f})."
        if kaal_rps
        else ""
    )

    grens = args.grens_ms if args.verkort else DOEL_MS
    for soort in SOORTEN:
        p95 = gm.percentiel_ms(pag.tijden.get(soort, []), 95)
        uitkomst.doelen.append(
            gm.Doel(
                wat=f"{SOORT_LABEL[soort]}: p95 at {len(opzet.gebruikers)} users",
                doel=f"≤ {DOEL_MS:.0f} ms",
                gemeten=f"{p95:.0f} ms",
                gehaald=p95 <= DOEL_MS,
            )
        )
        if pag.tijden.get(soort) and p95 > grens:
            fouten.append(f"{SOORT_LABEL[soort]}: p95 {p95:.0f} ms boven {grens:.0f} ms")
    alle_fouten = sum(sum(m.fouten.values()) for m, _d in fasen.values())
    uitkomst.doelen.append(
        gm.Doel(
            wat="errors and lost requests",
            doel="0",
            gemeten=str(alle_fouten),
            gehaald=alle_fouten == 0,
        )
    )
    if alle_fouten:
        fouten.append(f"{alle_fouten} verzoeken mislukt")
        for m, _d in fasen.values():
            fouten += m.meldingen
    uitkomst.fouten = fouten

    print(uitkomst.omgeving + "\n")
    for t in uitkomst.tabellen:
        print(f"{t.titel}\n\n{t.markdown()}\n")
    for o in uitkomst.opmerkingen:
        print(o)
    uitkomst.schrijf(args.json)
    for fout in fouten:
        print(f"FOUT: {fout}", file=sys.stderr)
    return 1 if fouten else 0


if __name__ == "__main__":
    sys.exit(main())
