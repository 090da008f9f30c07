"""Run in a separate process (``manage.py shell -c``) by test_backup_herstel: builds a plan
with content and a council PDF in the scratch database, and reads back what a restore must
bring back. Prints JSON, so the test compares before and after."""

import datetime
import hashlib
import json

from django.db import connection

TABELLEN = (
    "wup_wijkplan",
    "wup_wijkplan_buurten",
    "wup_faseovergang",
    "wup_besluit",
    "participatie_partij",
    "uitwerking_risico",
    "besluitvorming_documentversie",
    "auth_user",
    "guardian_userobjectpermission",
)


def opbouwen() -> None:
    from besluitvorming.services import documentversie_aanvragen
    from participatie.models import Partij
    from tests.factories import BuurtFactory, GemeenteFactory, WijkFactory, projectleider
    from uitwerking.models import Risico
    from wup.services import besluit_vastleggen, wijkplan_create

    gemeente = GemeenteFactory(code="GM0233", naam="Ermelo")
    pl = projectleider(gemeente, username="pl")
    buurt = BuurtFactory(wijk=WijkFactory(gemeente=gemeente, code="WK023300"), code="BU02330001")
    plan = wijkplan_create(user=pl, gemeente=gemeente, naam="Ermelo-Oost", buurten=[buurt])
    besluit_vastleggen(
        wijkplan=plan, user=pl, datum=datetime.date(2026, 1, 5), orgaan="college", besluit="Start."
    )
    Partij.objects.create(wijkplan=plan, soort="vve", naam="VvE De Linde")
    Risico.objects.create(wijkplan=plan, titel="Vertraging", categorie="planning", kans=2, impact=3)
    for _ in range(2):  # eager in this process: rendered when the request commits
        versie = documentversie_aanvragen(plan=plan, user=pl)
        versie.refresh_from_db()
        assert versie.status == "klaar", versie.melding


def tellen() -> None:
    from besluitvorming.models import Documentversie

    with connection.cursor() as c:
        aantallen = {}
        for tabel in TABELLEN:
            c.execute(f"SELECT count(*) FROM {tabel}")  # noqa: S608 - fixed names above
            aantallen[tabel] = c.fetchone()[0]
    pdfs = {}
    for v in Documentversie.objects.filter(status="klaar").order_by("nummer"):
        with v.bestand.open("rb") as f:
            inhoud = hashlib.sha256(f.read()).hexdigest()
        pdfs[v.bestand.name] = {"vastgelegd": v.sha256, "bestand": inhoud}
    print(json.dumps({"aantallen": aantallen, "pdfs": pdfs, "trigger_weigert": _weigert()}))


class _TerugDraaien(Exception):
    """Undoes an UPDATE that went through (the trigger is missing)."""


def _weigert() -> bool:
    """Whether the database's trigger refuses a raw UPDATE of a finished version."""
    from django.db import DatabaseError, transaction

    try:
        with transaction.atomic(), connection.cursor() as c:
            c.execute(
                "UPDATE besluitvorming_documentversie SET sha256 = 'x' WHERE status = 'klaar'"
            )
            raise _TerugDraaien
    except DatabaseError as e:
        return "kan niet worden gewijzigd" in str(e)
    except _TerugDraaien:
        return False
