"""``python manage.py import_cbs_kerncijfers FILE [--jaar 2024]``: import a CBS Kerncijfers file.

Runs the same import as the upload page, directly (not via Celery), and prints the report. Exits
with status 1 when the file was refused.
"""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from wijktoets.services.kerncijfers import (
    JAREN,
    kerncijfer_import_aanmaken,
    kerncijfer_import_uitvoeren,
)


class Command(BaseCommand):
    help = (
        "Leest een bestand van de CBS Kerncijfers wijken en buurten in (StatLine-CSV of "
        "kwb-CSV/-XLSX). Alles of niets: bij een fout wordt niets opgeslagen."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="Pad naar het CSV- of XLSX-bestand.")
        parser.add_argument(
            "--jaar",
            type=int,
            choices=JAREN,
            help="Het jaar van de tabel. Zonder jaar leidt de import het af uit de kolommen.",
        )

    def handle(self, *args, bestand: str, jaar: int | None = None, **options):
        pad = Path(bestand)
        if not pad.is_file():
            raise CommandError(f"Bestand niet gevonden: {pad}")
        try:
            with pad.open("rb") as f:
                imp = kerncijfer_import_aanmaken(
                    bestand=f, bestandsnaam=pad.name, jaar=jaar, in_wachtrij=False
                )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        imp = kerncijfer_import_uitvoeren(import_id=imp.pk)

        self.stdout.write(f"Import {imp.pk}: {imp.get_status_display()}")
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
        if imp.status == imp.Status.MISLUKT:
            raise CommandError(f"Het bestand is niet ingelezen. {imp.samenvatting}")
