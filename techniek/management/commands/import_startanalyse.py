"""``python manage.py import_startanalyse FILE... [--gemeente GM0402] [--editie 2025]``.

Imports PBL Startanalyse output files (Hoofdindicatoren, NationaleKosten, Aansluitingen,
Statisch; 2019 or 2020+ column names) with the same import as the upload page, directly (not via
Celery), and prints the report. Each file is all-or-nothing. Exits with status 1 when a file was
refused.
"""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from techniek.services.startanalyse import (
    EDITIES,
    startanalyse_import_aanmaken,
    startanalyse_import_uitvoeren,
)


class Command(BaseCommand):
    help = (
        "Leest uitvoerbestanden van de Startanalyse aardgasvrije buurten (PBL) in, per buurt en "
        "strategievariant. Alles of niets per bestand: bij een fout wordt niets opgeslagen."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestanden", nargs="+", help="Pad(en) naar CSV-bestanden van PBL.")
        parser.add_argument(
            "--gemeente",
            default="",
            help="Verwachte gemeente (bv. GM0402). Alleen haar buurten worden ingelezen; een "
            "bestand zonder haar buurten wordt geweigerd.",
        )
        parser.add_argument(
            "--editie",
            type=int,
            choices=EDITIES,
            help="Jaar van de Startanalyse. Zonder editie: 2019 bij de oude kolomnamen, "
            "'2020+' bij de nieuwe.",
        )

    def handle(self, *args, bestanden: list[str], gemeente: str, editie: int | None, **options):
        mislukt = []
        for bestand in bestanden:
            pad = Path(bestand)
            if not pad.is_file():
                self.stderr.write(f"Bestand niet gevonden: {pad}")
                mislukt.append(pad.name)
                continue
            try:
                with pad.open("rb") as f:
                    imp = startanalyse_import_aanmaken(
                        bestand=f,
                        bestandsnaam=pad.name,
                        gemeente=gemeente,
                        editie=editie,
                        in_wachtrij=False,
                    )
            except ValidationError as exc:
                self.stderr.write(f"{pad.name}: {' '.join(exc.messages)}")
                mislukt.append(pad.name)
                continue
            imp = startanalyse_import_uitvoeren(import_id=imp.pk)
            self._verslag(imp)
            if imp.status == imp.Status.MISLUKT:
                mislukt.append(pad.name)
        if mislukt:
            raise CommandError(f"Niet ingelezen: {', '.join(mislukt)}.")

    def _verslag(self, imp) -> None:
        self.stdout.write(f"{imp.bestandsnaam} — import {imp.pk}: {imp.get_status_display()}")
        self.stdout.write(imp.samenvatting)
        for opmerking in imp.opmerkingen:
            self.stdout.write(f"  - {opmerking}")
        if imp.fouten:
            self.stdout.write("Fouten (regel, kolom, waarde, reden):")
            for fout in imp.fouten:
                regel = fout["rij"] if fout["rij"] is not None else "-"
                self.stdout.write(
                    f"  regel {regel} | {fout['kolom'] or '-'} | {fout['waarde'] or '-'} | "
                    f"{fout['reden']}"
                )
            if imp.aantal_fouten > len(imp.fouten):
                self.stdout.write(f"  … en nog {imp.aantal_fouten - len(imp.fouten)} fouten")
