"""Reads of the CBS Kerncijfers: figures per region and year, the catalogue, past imports.

Other apps (the indicators of step 1, later steps) read the Kerncijfers only through this module.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
from django.db.models import Count, QuerySet

from wijktoets.cbs.variabelen import VARIABELEN, Variabele
from wijktoets.models import KerncijferImport, KerncijferRegio

NEDERLAND = "NL00"

_BASISKOLOMMEN = ["code", "jaar", "soort", "naam"]


def _normaliseer(codes: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(c.strip().upper() for c in codes if c and c.strip()))


def kerncijfers_frame(codes: Iterable[str], jaren: Iterable[int] | None = None) -> pd.DataFrame:
    """One row per (code, jaar) present; columns: code, jaar, soort ("land" | "gemeente" |
    "wijk" | "buurt"), naam, then one float column per canonical variable key (NaN = missing
    or secret in the source, never 0). The Netherlands has code "NL00"."""
    qs = KerncijferRegio.objects.filter(code__in=_normaliseer(codes))
    if jaren is not None:
        qs = qs.filter(jaar__in=[int(j) for j in jaren])
    rijen = list(
        qs.order_by("code", "jaar").values_list("code", "jaar", "soort", "naam", "waarden")
    )
    sleutels = list(VARIABELEN)
    basis = pd.DataFrame([r[:4] for r in rijen], columns=_BASISKOLOMMEN).astype(
        {"code": object, "jaar": "int64", "soort": object, "naam": object}
    )
    cijfers = np.full((len(rijen), len(sleutels)), np.nan, dtype="float64")
    index = {s: i for i, s in enumerate(sleutels)}
    for r, (*_, waarden) in enumerate(rijen):
        for sleutel, waarde in waarden.items():
            i = index.get(sleutel)
            if i is not None and waarde is not None:
                cijfers[r, i] = waarde
    return pd.concat([basis, pd.DataFrame(cijfers, columns=sleutels)], axis=1)


def beschikbare_jaren() -> list[int]:
    """Years with imported data, newest first."""
    return list(KerncijferRegio.objects.order_by("-jaar").values_list("jaar", flat=True).distinct())


def variabelen() -> list[Variabele]:
    """The catalogue in CBS order (title, unit, group per canonical key)."""
    return list(VARIABELEN.values())


def regio(code: str, jaar: int) -> KerncijferRegio | None:
    return KerncijferRegio.objects.filter(code=code.strip().upper(), jaar=jaar).first()


def kerncijfers_regios(codes: Iterable[str], jaar: int | None = None) -> QuerySet[KerncijferRegio]:
    qs = KerncijferRegio.objects.filter(code__in=_normaliseer(codes))
    if jaar is not None:
        qs = qs.filter(jaar=jaar)
    return qs.order_by("code", "jaar")


def regio_aantallen_per_jaar() -> list[dict]:
    """Per year, newest first, how many regions of each kind have figures (overview page)."""
    per_jaar: dict[int, dict] = {}
    for rij in (
        KerncijferRegio.objects.values("jaar", "soort")
        .annotate(aantal=Count("pk"))
        .order_by("-jaar", "soort")
    ):
        jaar = per_jaar.setdefault(rij["jaar"], {"jaar": rij["jaar"], "totaal": 0})
        jaar[rij["soort"]] = rij["aantal"]
        jaar["totaal"] += rij["aantal"]
    return list(per_jaar.values())


def imports() -> QuerySet[KerncijferImport]:
    return KerncijferImport.objects.select_related("aangemaakt_door").order_by(
        "-aangemaakt_op", "-pk"
    )


def import_by_pk(pk: int) -> KerncijferImport | None:
    return imports().filter(pk=pk).first()


def geslaagde_import_met_hash(sha256: str, jaar: int | None) -> KerncijferImport | None:
    """An earlier successful import of exactly this content (for "niets gewijzigd")."""
    qs = KerncijferImport.objects.filter(
        sha256=sha256,
        status__in=[KerncijferImport.Status.GESLAAGD, KerncijferImport.Status.ONGEWIJZIGD],
    )
    if jaar is not None:
        qs = qs.filter(jaar=jaar)
    return qs.order_by("-klaar_op", "-pk").first()
