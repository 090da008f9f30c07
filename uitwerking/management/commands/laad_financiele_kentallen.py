"""``python manage.py laad_financiele_kentallen``: add step 5's finance figures to the current
parameter set (a new published version). Idempotent."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from techniek.selectors.parameters import huidige_parameterset
from uitwerking.services.parameters import financiele_kentallen_laden


class Command(BaseCommand):
    help = (
        "Vult de huidige parameterset aan met de financiële kentallen van stap 5 "
        "(ACM-maximumtarieven, subsidies, Warmtefonds). Staan ze er al in, dan verandert er "
        "niets."
    )

    def handle(self, *args, **options):
        voor = huidige_parameterset()
        if voor is None:
            raise CommandError(
                "Er is nog geen vastgestelde parameterset. Laad eerst de kentallen van PBL: "
                "python manage.py laad_pbl_kentallen"
            )
        na = financiele_kentallen_laden()
        if na.pk == voor.pk:
            self.stdout.write(f"Niets gewijzigd: {na} bevat de financiële kentallen al.")
        else:
            self.stdout.write(f"Vastgesteld: {na} met de financiële kentallen van stap 5.")
