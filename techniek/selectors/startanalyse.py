"""Reads of the Startanalyse: PBL's figures per buurt and strategy, the catalogue, the imports.

The pages of step 2 show these figures beside the platform's own calculation, per strategy;
other apps read them only through this module.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
from django.db.models import Count, QuerySet

from techniek.models import StartanalyseImport, StartanalyseResultaat
from techniek.startanalyse.indicatoren import INDICATOREN, Indicator, strategie_label
from wup.models import Wijkplan

BASISKOLOMMEN = ["buurtcode", "variant", "strategie", "editie", "naamgeving"]


def indicatoren() -> list[Indicator]:
    """The catalogue: key, title, unit and group of every indicator."""
    return list(INDICATOREN.values())


def _normaliseer(codes: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(c.strip().upper() for c in codes if c and c.strip()))


def startanalyse_voor_buurten(codes: Iterable[str], *, editie: str | None = None) -> pd.DataFrame:
    """PBL's figures for these buurten: one row per buurt x strategy variant x edition.

    Columns: buurtcode, variant (PBL's code, e.g. ``s1a``), strategie (readable name where the
    edition's runs name it), editie, naamgeving, then one column per indicator in catalogue
    order -- float for numbers (NaN = the source gives none, never 0), object for text. The
    static figures of a buurt (dwellings, woningequivalenten ...) are repeated on each of its
    strategy rows; a buurt with only static figures has one row with an empty variant.
    ``frame.attrs["eenheden"]`` gives each indicator's unit. Empty (with all columns) when
    nothing was imported for these buurten.
    """
    qs = StartanalyseResultaat.objects.filter(buurtcode__in=_normaliseer(codes))
    if editie:
        qs = qs.filter(editie=editie)
    rijen = list(
        qs.order_by("editie", "buurtcode", "variant").values_list(
            "buurtcode", "variant", "editie", "naamgeving", "waarden", "teksten"
        )
    )
    statisch = {(b, e): (w, t) for b, v, e, _n, w, t in rijen if not v}
    met_variant = {(b, e) for b, v, e, *_ in rijen if v}
    gekozen = [r for r in rijen if r[1] or (r[0], r[2]) not in met_variant]

    getallen = [s for s, i in INDICATOREN.items() if not i.tekst]
    teksten = [s for s, i in INDICATOREN.items() if i.tekst]
    matrix = np.full((len(gekozen), len(getallen)), np.nan, dtype="float64")
    index = {s: i for i, s in enumerate(getallen)}
    tekstwaarden: list[list] = []
    basis = []
    for r, (buurtcode, variant, ed, naamgeving, waarden, tekst) in enumerate(gekozen):
        vast_w, vast_t = statisch.get((buurtcode, ed), ({}, {})) if variant else ({}, {})
        for sleutel, waarde in {**vast_w, **waarden}.items():
            i = index.get(sleutel)
            if i is not None and waarde is not None:
                matrix[r, i] = waarde
        alle_teksten = {**vast_t, **tekst}
        tekstwaarden.append([alle_teksten.get(s) for s in teksten])
        basis.append([buurtcode, variant, strategie_label(variant, ed), ed, naamgeving])
    frame = pd.concat(
        [
            pd.DataFrame(basis, columns=BASISKOLOMMEN, dtype=object),
            pd.DataFrame(matrix, columns=getallen),
            pd.DataFrame(tekstwaarden, columns=teksten, dtype=object),
        ],
        axis=1,
    )
    frame = frame[BASISKOLOMMEN + list(INDICATOREN)]
    frame.attrs["eenheden"] = {s: i.eenheid for s, i in INDICATOREN.items()}
    return frame


def startanalyse_voor_plan(plan: Wijkplan, *, editie: str | None = None) -> pd.DataFrame:
    """PBL's figures for the plan's buurten: :func:`startanalyse_voor_buurten` of the plan's
    buurt codes, in two queries whatever the number of buurten (the buurten, the rows).

    ``frame.attrs["buurten"]`` gives the plan's buurten (code -> name, by code), also those
    without any figure of PBL, so a caller can tell "not imported" from "not in the plan".
    """
    buurten = dict(plan.buurten.order_by("code").values_list("code", "naam"))
    frame = startanalyse_voor_buurten(buurten, editie=editie)
    frame.attrs["buurten"] = buurten
    return frame


def edities() -> list[str]:
    return list(
        StartanalyseResultaat.objects.order_by("editie").values_list("editie", flat=True).distinct()
    )


def aantallen() -> list[dict]:
    """Per edition and municipality: how many buurten and rows are stored (overview page)."""
    return list(
        StartanalyseResultaat.objects.values("editie", "gemeentecode")
        .annotate(buurten=Count("buurtcode", distinct=True), rijen=Count("pk"))
        .order_by("editie", "gemeentecode")
    )


def imports() -> QuerySet[StartanalyseImport]:
    return StartanalyseImport.objects.select_related("aangemaakt_door").order_by(
        "-aangemaakt_op", "-pk"
    )


def import_by_pk(pk: int) -> StartanalyseImport | None:
    return imports().filter(pk=pk).first()
