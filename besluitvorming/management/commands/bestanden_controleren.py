"""Check every finished council PDF against the SHA-256 and size recorded when it was made.

Run it after restoring a backup, moving the media storage or any doubt about the files: it
reads each file of a ``klaar`` Documentversie from the media storage, and exits non-zero when a
file is missing or its content differs from what the version records. It only reads.
"""

from __future__ import annotations

import hashlib

from django.core.management.base import BaseCommand, CommandError

from besluitvorming.models import Documentversie

BLOK = 1024 * 1024


def _sha256(bestand) -> tuple[str, int]:
    h, grootte = hashlib.sha256(), 0
    with bestand.open("rb") as f:
        for blok in iter(lambda: f.read(BLOK), b""):
            h.update(blok)
            grootte += len(blok)
    return h.hexdigest(), grootte


def afwijkingen() -> tuple[int, list[str]]:
    """The number of finished versions checked and, per problem, one line in Dutch."""
    fouten: list[str] = []
    versies = Documentversie.objects.filter(status=Documentversie.Status.KLAAR).order_by(
        "wijkplan_id", "nummer"
    )
    aantal = 0
    for v in versies.iterator():
        aantal += 1
        wie = f"plan {v.wijkplan_id}, versie {v.nummer} ({v.bestand.name})"
        if not v.bestand.name or not v.bestand.storage.exists(v.bestand.name):
            fouten.append(f"{wie}: bestand ontbreekt")
            continue
        sha, grootte = _sha256(v.bestand)
        if sha != v.sha256:
            fouten.append(f"{wie}: SHA-256 {sha} wijkt af van de vastgelegde {v.sha256}")
        elif v.grootte is not None and grootte != v.grootte:
            fouten.append(f"{wie}: {grootte} bytes, vastgelegd is {v.grootte}")
    return aantal, fouten


class Command(BaseCommand):
    help = (
        "Controleer of elke klare PDF-versie van een plan nog in de mediaopslag staat met "
        "dezelfde SHA-256 en grootte als bij het maken; niet-nul bij een afwijking."
    )

    def handle(self, *args, **options):
        aantal, fouten = afwijkingen()
        for regel in fouten:
            self.stderr.write(regel)
        if fouten:
            raise CommandError(
                f"{len(fouten)} van {aantal} PDF-versies ontbreken of wijken af van hun SHA-256."
            )
        self.stdout.write(f"Alle {aantal} PDF-versies zijn aanwezig en ongewijzigd.")
