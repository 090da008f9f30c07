"""``python manage.py laad_pbl_kentallen``: store PBL's 2025 key figures as parameter set 1.

Idempotent: when the set exists, nothing changes. ``make run`` does this through the demo data.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from techniek.services.pbl_kentallen import pbl_kentallen_laden


class Command(BaseCommand):
    help = (
        "Laadt de kentallen van PBL (Startanalyse 2025) als vastgestelde parameterset. Bestaat "
        "die al, dan verandert er niets."
    )

    def handle(self, *args, **options):
        parameterset, nieuw = pbl_kentallen_laden()
        aantal = parameterset.parameters.count()
        tabellen = parameterset.tabellen.count()
        if nieuw:
            self.stdout.write(
                f"Geladen: {parameterset} met {aantal} parameters en {tabellen} tabellen."
            )
        else:
            self.stdout.write(f"Niets gewijzigd: {parameterset} bestaat al.")
