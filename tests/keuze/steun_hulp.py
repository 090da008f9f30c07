"""Step 3's support scores for the tests of step 4, without holding a consultation: the score
per alternative as step 3's selector would answer it."""

from __future__ import annotations

from types import SimpleNamespace

from django.utils import timezone

from keuze import bronnen

#: Support per alternative name (in the order of tests.keuze.hulp.STANDAARD).
STEUN = {"Warmtenet": 40.0, "Luchtwarmtepomp": 55.0, "Hybride warmtepomp": 80.0}


def met_steun(monkeypatch, plan) -> None:
    scores = {
        a.pk: SimpleNamespace(
            alternatief_id=a.pk,
            score=STEUN[a.naam],
            raadpleging_id=1,
            raadpleging_titel="Uw voorkeur",
            gesloten_op=timezone.now(),
            aantal_responsen=120,
        )
        for a in plan.alternatieven.all()
    }
    monkeypatch.setattr(bronnen.participatie, "steunscores", lambda p: scores)
