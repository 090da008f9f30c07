"""Benchmark: the council PDF of a large plan, made the way the worker makes it.

Builds a plan whose document runs to about 48 pages with 12 charts (bar, grouped bar, stacked
bar and line charts of ``wup.charts``, each with its table) and long tables and text, then
requests a version and runs the Celery task in-process (``documentversie_maken``): composing
the chapters, rendering with WeasyPrint (PDF/UA-1) and storing the file. Reports the wall time
of the task, the number of pages and the peak memory of the process (``resource.getrusage``).
The data lives in a throwaway test database that is removed afterwards; the PDF is written to a
temporary media folder.

Targets: ≤ 15 s and ≤ 500 MB. Exits with 1 if the version does not end ``klaar``.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wup python benchmarks/bench_plan_pdf.py
"""

from __future__ import annotations

import argparse
import io
import logging
import math
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wup.settings")
os.environ.setdefault("WUP_ENV", "test")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402

from benchmarks import _gemeenschappelijk as gm  # noqa: E402
from wup import charts  # noqa: E402
from wup.registry import Chapter, chapters  # noqa: E402

SJABLOON = """{% for deel in delen %}
<h3>{{ deel.titel }}</h3>
{% for alinea in deel.alineas %}<p>{{ alinea }}</p>{% endfor %}
{{ deel.figuur }}
<table><caption>{{ deel.titel }}: cijfers per buurt</caption>
<thead><tr><th scope="col">Buurt</th>
<th scope="col">Woningen</th>
<th scope="col">Warmtevraag (GJ)</th>
<th scope="col">Kosten (euro)</th>
<th scope="col">CO2 (ton)</th></tr></thead><tbody>
{% for rij in deel.rijen %}<tr><th scope="row">{{ rij.0 }}</th>
<td class="wup-getal">{{ rij.1 }}</td>
<td class="wup-getal">{{ rij.2 }}</td>
<td class="wup-getal">{{ rij.3 }}</td>
<td class="wup-getal">{{ rij.4 }}</td></tr>{% endfor %}
</tbody></table>
{% endfor %}
"""

ALINEA = (
    "In deze buurt staan vooral rijwoningen en twee-onder-een-kapwoningen uit de jaren zestig "
    "en zeventig, met daartussen enkele appartementengebouwen van de woningcorporatie. De "
    "warmtevraag is berekend per uur voor een echt weerjaar, en de kosten volgen de methode "
    "van de Startanalyse. Bewoners gaven in de raadpleging aan dat betaalbaarheid en rust in de "
    "straat tijdens de werkzaamheden voor hen het zwaarst wegen."
)
BUURTEN = [f"Buurt {i:02d}" for i in range(1, 31)]


def _figuur(i: int):
    soort = i % 4
    if soort == 0:
        g = charts.staafdiagram(
            f"Warmtevraag per buurt ({i + 1})",
            BUURTEN[:12],
            [1000 + 37 * k for k in range(12)],
            eenheid="GJ",
        )
    elif soort == 1:
        g = charts.gegroepeerd_staafdiagram(
            f"Kosten per alternatief ({i + 1})",
            ["Warmtenet", "Luchtwarmtepomp", "Bodemwarmtepomp", "Groengas", "Hybride"],
            [
                charts.Reeks("Nationale kosten", [120, 140, 160, 110, 90]),
                charts.Reeks("Eindgebruiker", [80, 95, 105, 70, 60]),
                charts.Reeks("Netbeheer", [20, 25, 15, 5, 10]),
            ],
            eenheid="euro per woning per jaar",
        )
    elif soort == 2:
        g = charts.gestapeld_staafdiagram(
            f"Eigendom van de woningen ({i + 1})",
            ["Plangebied", "Gemeente", "Nederland"],
            [
                charts.Reeks("Koop", [55, 60, 57]),
                charts.Reeks("Corporatie", [35, 25, 29]),
                charts.Reeks("Overige verhuur", [10, 15, 14]),
            ],
        )
    else:
        g = charts.lijndiagram(
            f"Belastingduurkromme ({i + 1})",
            [
                charts.LijnReeks(
                    naam,
                    [(h, 900 * f * math.exp(-h / 1800)) for h in range(0, 8760, 60)],
                )
                for naam, f in (("Warmtenet", 1.0), ("Luchtwarmtepomp", 0.8))
            ],
            x_titel="uren per jaar",
            y_eenheid="kW",
        )
    return charts.render_figuur(g, tabel_open=True)


def hoofdstuk_context(deel: int):
    def context(request, plan):
        delen = []
        for k in range(3):
            i = deel * 3 + k
            delen.append(
                {
                    "titel": f"Onderdeel {i + 1}",
                    "alineas": [ALINEA] * 4,
                    "figuur": _figuur(i),
                    "rijen": [
                        (b, 400 + j * 7, f"{12000 + j * 311:,}".replace(",", "."), 150 + j, j)
                        for j, b in enumerate(BUURTEN[:20])
                    ],
                }
            )
        return {"delen": delen}

    return context


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hoofdstukken", type=int, default=4, help="3 charts per chapter")
    gm.json_argument(parser)
    args = parser.parse_args()

    for naam in ("weasyprint", "fontTools", "celery"):
        logging.getLogger(naam).setLevel(logging.WARNING)
    sjablonen = Path(tempfile.mkdtemp(prefix="wup-bench-pdf-"))
    (sjablonen / "bench_hoofdstuk.html").write_text(SJABLOON)
    settings.TEMPLATES[0]["DIRS"] = [*settings.TEMPLATES[0]["DIRS"], sjablonen]
    settings.MEDIA_ROOT = sjablonen / "media"
    for n in range(args.hoofdstukken):
        chapters.register(
            Chapter(
                order=60 + n,
                app_label="benchmark",
                title=f"Uitwerking deel {n + 1}",
                template="bench_hoofdstuk.html",
                context=hoofdstuk_context(n),
            )
        )

    from pypdf import PdfReader

    from besluitvorming import services, tasks
    from tests import factories

    old_config = setup_databases(verbosity=0, interactive=False)
    try:
        gemeente = factories.GemeenteFactory(code="GM0233", naam="Ermelo")
        pl = factories.projectleider(gemeente, username="projectleider-benchmark")
        wijk = factories.WijkFactory(gemeente=gemeente)
        plan = factories.WijkplanFactory(
            gemeente=gemeente,
            projectleider=pl,
            uitvoeringsplan=True,
            naam="Wijkuitvoeringsplan Benchmarkwijk",
            buurten=[factories.BuurtFactory(wijk=wijk) for _ in range(6)],
        )
        rss_voor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        start = time.perf_counter()
        # Outside a transaction the task is queued at once, and tasks run in-process here.
        versie = services.documentversie_aanvragen(plan=plan, user=pl)
        status = tasks.documentversie_maken.apply(args=[versie.pk]).get()  # idempotent
        duur = time.perf_counter() - start
        piek = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        versie.refresh_from_db()
        paginas = len(PdfReader(io.BytesIO(versie.bestand.read())).pages) if versie.klaar else 0
        db = connection.vendor
        if db == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SHOW server_version")
                db = f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
    finally:
        teardown_databases(old_config, verbosity=0)

    import weasyprint

    omgeving = (
        f"{db}, Python {platform.python_version()}, "
        f"Django {django.get_version()}, WeasyPrint {weasyprint.__version__}"
    )
    print(f"council PDF in the worker path — {omgeving}\n")
    tabel = gm.Tabel(
        [
            "pages",
            "charts",
            "status",
            "time (s)",
            "PDF size (kB)",
            "peak RSS (MB)",
            "RSS before (MB)",
        ],
        "rrlrrrr",
    )
    tabel.rij(
        paginas,
        args.hoofdstukken * 3,
        status,
        f"{duur:.2f}",
        f"{(versie.grootte or 0) / 1024:.0f}",
        f"{piek:.0f}",
        f"{rss_voor:.0f}",
    )
    print(tabel.markdown())
    fouten = [] if status == "klaar" else [f"The version ended {status}: {versie.melding}"]
    gm.Uitkomst(
        benchmark="plan_pdf",
        titel="The council PDF of a large plan",
        omgeving=omgeving,
        tabellen=[tabel],
        doelen=[
            gm.Doel("version made", "klaar", status, status == "klaar"),
            gm.Doel("time of request + task", "≤ 15 s", f"{duur:.1f} s", duur <= 15),
            gm.Doel("peak memory of the process", "≤ 500 MB", f"{piek:.0f} MB", piek <= 500),
        ],
        fouten=fouten,
    ).schrijf(args.json)
    if fouten:
        print(f"\n{fouten[0]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
