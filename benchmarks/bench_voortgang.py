"""Benchmark: gate evaluation for the dashboard (``selectors.voortgang_many``).

Measures wall time and the number of queries for 10, 100 and 1000 plans spread over every
phase, on the configured database (``DATABASE_URL``; without it SQLite). The data lives in a
throwaway test database that is removed afterwards. The query count must not grow with the
number of plans; the script exits with 1 if it does.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wup python benchmarks/bench_voortgang.py
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wup.settings")
os.environ.setdefault("WUP_ENV", "test")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Permission  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_databases, teardown_databases  # noqa: E402
from guardian.models import UserObjectPermission  # noqa: E402

from benchmarks import _gemeenschappelijk as gm  # noqa: E402
from wup.constants import Fase  # noqa: E402
from wup.models import Buurt, Gemeente, Wijk, Wijkplan  # noqa: E402
from wup.selectors import voortgang_many  # noqa: E402


def create_plans(n: int) -> None:
    """``n`` plans over every phase, two buurten each, each with an active projectleider."""
    gemeente = Gemeente.objects.create(code="GM9999", naam="Benchmarkstad")
    wijk = Wijk.objects.create(code="WK999900", naam="Wijk 00", gemeente=gemeente)
    buurten = Buurt.objects.bulk_create(
        Buurt(code=f"BU999900{i:02d}", naam=f"Buurt {i}", wijk=wijk) for i in range(50)
    )
    user = get_user_model().objects.create_user("projectleider-benchmark")
    fasen = itertools.cycle(Fase)
    plans = Wijkplan.objects.bulk_create(
        Wijkplan(
            naam=f"Wijkplan {i}",
            slug=f"wijkplan-{i}",
            gemeente=gemeente,
            # Every tenth plan lacks an alderman, so some conditions are not met.
            bestuurlijk_opdrachtgever="" if i % 10 == 0 else "Wethouder Energie",
            fase=next(fasen),
        )
        for i in range(n)
    )
    Through = Wijkplan.buurten.through
    Through.objects.bulk_create(
        Through(wijkplan_id=p.pk, buurt_id=buurten[(i + k) % len(buurten)].pk)
        for i, p in enumerate(plans)
        for k in range(2)
    )
    ct = ContentType.objects.get_for_model(Wijkplan)
    change = Permission.objects.get(content_type=ct, codename="change_wijkplan")
    UserObjectPermission.objects.bulk_create(
        UserObjectPermission(user=user, permission=change, content_type=ct, object_pk=str(p.pk))
        for p in plans
    )


def measure(n: int, repeat: int) -> dict[str, float | int]:
    plans = list(Wijkplan.objects.order_by("pk")[:n])
    voortgang_many(plans)  # warm-up: content types, translations
    times, queries = [], set()
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            result = voortgang_many(plans)
            times.append(time.perf_counter() - start)
        queries.add(len(ctx.captured_queries))
        assert len(result) == n
    return {
        "plans": n,
        "median_ms": statistics.median(times) * 1000,
        "min_ms": min(times) * 1000,
        "queries": max(queries),
    }


def database_description() -> str:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
    return f"{connection.vendor} {connection.Database.sqlite_version}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--repeat", type=int, default=7)
    gm.json_argument(parser)
    args = parser.parse_args()

    old_config = setup_databases(verbosity=0, interactive=False)
    try:
        create_plans(max(args.sizes))
        rows = [measure(n, args.repeat) for n in args.sizes]
        description = database_description()
    finally:
        teardown_databases(old_config, verbosity=0)

    omgeving = (
        f"{description}, Python {platform.python_version()}, "
        f"Django {django.get_version()}, median of {args.repeat} runs"
    )
    print(f"voortgang_many — {omgeving}\n")
    tabel = gm.Tabel(["plans", "median (ms)", "min (ms)", "per plan (µs)", "queries"], "rrrrr")
    for r in rows:
        per_plan = r["median_ms"] * 1000 / r["plans"]
        tabel.rij(
            r["plans"],
            f"{r['median_ms']:.1f}",
            f"{r['min_ms']:.1f}",
            f"{per_plan:.0f}",
            r["queries"],
        )
    print(tabel.markdown())
    vast = len({r["queries"] for r in rows}) == 1
    # The dashboard shows 50 plans to a page: the budget applies to the first size above that.
    pagina = next((r for r in rows if r["plans"] >= 50), rows[-1])
    uitkomst = gm.Uitkomst(
        benchmark="voortgang",
        titel="Gate evaluation for the dashboard (voortgang_many)",
        omgeving=omgeving,
        tabellen=[tabel],
        doelen=[
            gm.Doel(
                "queries for 10 … 1000 plans",
                "the same for every size",
                ", ".join(str(r["queries"]) for r in rows),
                vast,
            ),
            gm.Doel(
                f"{pagina['plans']} plans (a dashboard page shows 50)",
                "≤ 200 ms (the page's budget)",
                f"{pagina['median_ms']:.1f} ms",
                pagina["median_ms"] <= 200,
            ),
        ],
    )
    if not vast:
        uitkomst.fouten.append("The number of queries grows with the number of plans.")
    uitkomst.schrijf(args.json)
    if not vast:
        print("\nThe number of queries grows with the number of plans.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
