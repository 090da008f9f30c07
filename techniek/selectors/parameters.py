"""Reads of the parameter sets: the current set, its figures and tables, and differences.

Other apps (and the calculation pages of step 2) read parameters only through this module. A
result stores the id of the set it used; :func:`is_verouderd` says whether a newer set has been
published since.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, Q, QuerySet

from techniek.models import Parameter, Parameterset, Parametertabel
from techniek.services.pbl_kentallen import GROEPEN

User = AbstractBaseUser | AnonymousUser

PERM_CONCEPT_ZIEN = "techniek.view_parameterset"


def huidige_parameterset() -> Parameterset | None:
    """The published set with the highest version: the one new calculations use."""
    return (
        Parameterset.objects.filter(status=Parameterset.Status.VASTGESTELD)
        .order_by("-versie")
        .first()
    )


def is_verouderd(versie_id: int | None) -> bool:
    """Whether a result calculated with set ``versie_id`` is outdated: another set is current.

    A result without a set, or with a set that no longer exists, is outdated as soon as there is
    a current set; with no current set at all nothing can be outdated.
    """
    huidig = huidige_parameterset()
    return huidig is not None and versie_id != huidig.pk


def verouderd_many(versie_ids: Iterable[int | None]) -> dict[int | None, bool]:
    """:func:`is_verouderd` for many results with one query."""
    huidig = huidige_parameterset()
    return {v: huidig is not None and v != huidig.pk for v in versie_ids}


def mag_zien(parameterset: Parameterset, user: User) -> bool:
    """Published sets are for everyone who sees results; a concept only for the beheerder."""
    if not (user.is_authenticated and user.is_active):
        return False
    return parameterset.is_vastgesteld or user.has_perm(PERM_CONCEPT_ZIEN)


def mag_wijzigen(user: User) -> bool:
    return bool(user.is_authenticated and user.has_perm("techniek.change_parameterset"))


def mag_vaststellen(user: User) -> bool:
    return bool(user.is_authenticated and user.has_perm("techniek.vaststellen_parameterset"))


def parametersets_voor(user: User) -> QuerySet[Parameterset]:
    """The versions the user may see, newest first, with their number of figures and tables."""
    qs = Parameterset.objects.select_related(
        "aangemaakt_door", "vastgesteld_door", "gebaseerd_op"
    ).annotate(
        aantal_parameters=Count("parameters", distinct=True),
        aantal_tabellen=Count("tabellen", distinct=True),
    )
    if not (user.is_authenticated and user.is_active):
        return qs.none()
    if not user.has_perm(PERM_CONCEPT_ZIEN):
        qs = qs.filter(status=Parameterset.Status.VASTGESTELD)
    return qs.order_by("-versie")


def parameterset_by_pk(pk: int) -> Parameterset | None:
    return (
        Parameterset.objects.select_related("aangemaakt_door", "vastgesteld_door", "gebaseerd_op")
        .filter(pk=pk)
        .first()
    )


def concept() -> Parameterset | None:
    return Parameterset.objects.filter(status=Parameterset.Status.CONCEPT).first()


def groep_titel(groep: str) -> str:
    return GROEPEN.get(groep, groep)


def groepen(parameterset: Parameterset) -> list[dict]:
    """The groups of a set in order, with their readable title and number of figures."""
    rijen = parameterset.parameters.values("groep").annotate(aantal=Count("pk")).order_by("groep")
    volgorde = list(GROEPEN)
    uit = [
        {"groep": r["groep"], "titel": groep_titel(r["groep"]), "aantal": r["aantal"]}
        for r in rijen
    ]
    return sorted(
        uit,
        key=lambda g: (volgorde.index(g["groep"]) if g["groep"] in volgorde else 99, g["groep"]),
    )


def parameters(
    parameterset: Parameterset, *, groep: str | None = None, zoek: str | None = None
) -> QuerySet[Parameter]:
    """The figures of a set, optionally of one group and matching a search text (in key,
    description, unit or source)."""
    qs = parameterset.parameters.select_related("gewijzigd_door")
    if groep:
        qs = qs.filter(groep=groep)
    if zoek and zoek.strip():
        for woord in zoek.split()[:5]:
            qs = qs.filter(
                Q(sleutel__icontains=woord)
                | Q(omschrijving__icontains=woord)
                | Q(eenheid__icontains=woord)
                | Q(bron__icontains=woord)
            )
    return qs.order_by("groep", "volgorde", "sleutel")


def parameter(parameterset: Parameterset, sleutel: str) -> Parameter | None:
    return parameterset.parameters.filter(sleutel=sleutel).first()


def parameterwaarden(parameterset: Parameterset) -> dict[str, float | None]:
    """Every scalar figure of a set as ``{sleutel: float or None}``, for the engine."""
    return {
        s: (None if w is None else float(w))
        for s, w in parameterset.parameters.values_list("sleutel", "waarde")
    }


def tabellen(parameterset: Parameterset) -> QuerySet[Parametertabel]:
    return parameterset.tabellen.defer("rijen").order_by("volgorde", "sleutel")


def parametertabel(parameterset: Parameterset, sleutel: str) -> Parametertabel | None:
    return parameterset.tabellen.filter(sleutel=sleutel).first()


def parametertabel_frame(tabel: Parametertabel) -> pd.DataFrame:
    """A table as a DataFrame (numbers as float, text as object, missing as NaN/None).

    ``frame.attrs["eenheden"]`` and ``frame.attrs["bronnen"]`` give each column's unit and
    source, so they travel with the data.
    """
    frame = pd.DataFrame(tabel.rijen, columns=tabel.kolomnamen)
    for kolom in tabel.kolommen:
        naam = kolom["naam"]
        if (
            naam not in tabel.sleutelkolommen
            and not frame[naam].map(lambda v: isinstance(v, str)).any()
        ):
            frame[naam] = pd.to_numeric(frame[naam], errors="coerce").astype("float64")
    frame.attrs["eenheden"] = {k["naam"]: k["eenheid"] for k in tabel.kolommen}
    frame.attrs["bronnen"] = {k["naam"]: k["bron"] for k in tabel.kolommen}
    frame.attrs["parameterset_id"] = tabel.parameterset_id
    return frame


# --- Differences between two versions ---------------------------------------------------------

_PARAMETERVELDEN = ("waarde", "waarde_tekst", "eenheid", "bron", "omschrijving")


@dataclass
class ParameterVerschil:
    sleutel: str
    groep: str
    #: "nieuw", "vervallen" or "gewijzigd"
    soort: str
    #: (veld, oud, nieuw) for each field that differs
    velden: list[tuple[str, object, object]] = field(default_factory=list)


@dataclass
class TabelVerschil:
    sleutel: str
    titel: str
    soort: str
    #: {"rij": {sleutelkolom: waarde}, "kolom", "oud", "nieuw"}; rows only in one version have
    #: "oud" or "nieuw" set to None for every column and "kolom" "(hele rij)".
    cellen: list[dict] = field(default_factory=list)
    #: {"kolom", "veld", "oud", "nieuw"} for a column's unit, source or meaning
    kolommen: list[dict] = field(default_factory=list)


@dataclass
class Verschillen:
    van: Parameterset
    naar: Parameterset
    parameters: list[ParameterVerschil]
    tabellen: list[TabelVerschil]

    @property
    def aantal(self) -> int:
        return len(self.parameters) + sum(
            len(t.cellen) + len(t.kolommen) or 1 for t in self.tabellen
        )


def _gelijk(a, b) -> bool:
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        return a.compare(b) == 0
    return a == b


def _tabelverschil(oud: Parametertabel, nieuw: Parametertabel) -> TabelVerschil | None:
    verschil = TabelVerschil(nieuw.sleutel, nieuw.titel, "gewijzigd")
    oude_kolommen = {k["naam"]: k for k in oud.kolommen}
    for kolom in nieuw.kolommen:
        vorige = oude_kolommen.get(kolom["naam"])
        for veld in ("eenheid", "bron", "omschrijving"):
            if vorige is None or vorige.get(veld) != kolom.get(veld):
                verschil.kolommen.append(
                    {
                        "kolom": kolom["naam"],
                        "veld": veld,
                        "oud": None if vorige is None else vorige.get(veld),
                        "nieuw": kolom.get(veld),
                    }
                )
    for naam in oude_kolommen.keys() - {k["naam"] for k in nieuw.kolommen}:
        verschil.kolommen.append({"kolom": naam, "veld": "kolom", "oud": naam, "nieuw": None})

    def per_sleutel(tabel: Parametertabel) -> dict[tuple, dict]:
        namen = tabel.kolomnamen
        idx = [namen.index(k) for k in tabel.sleutelkolommen]
        return {tuple(r[i] for i in idx): dict(zip(namen, r, strict=True)) for r in tabel.rijen}

    oude_rijen, nieuwe_rijen = per_sleutel(oud), per_sleutel(nieuw)
    for sleutel, rij in nieuwe_rijen.items():
        rijsleutel = dict(zip(nieuw.sleutelkolommen, sleutel, strict=True))
        vorige = oude_rijen.get(sleutel)
        if vorige is None:
            verschil.cellen.append(
                {"rij": rijsleutel, "kolom": "(hele rij)", "oud": None, "nieuw": "nieuw"}
            )
            continue
        for kolom, waarde in rij.items():
            if kolom in vorige and vorige[kolom] != waarde:
                verschil.cellen.append(
                    {"rij": rijsleutel, "kolom": kolom, "oud": vorige[kolom], "nieuw": waarde}
                )
    for sleutel in oude_rijen.keys() - nieuwe_rijen.keys():
        verschil.cellen.append(
            {
                "rij": dict(zip(oud.sleutelkolommen, sleutel, strict=True)),
                "kolom": "(hele rij)",
                "oud": "vervallen",
                "nieuw": None,
            }
        )
    return verschil if verschil.cellen or verschil.kolommen else None


def verschillen(van: Parameterset, naar: Parameterset) -> Verschillen:
    """What changed from version ``van`` to version ``naar``: figures and tables."""
    oud = {p.sleutel: p for p in van.parameters.all()}
    nieuw = {p.sleutel: p for p in naar.parameters.all()}
    parameterverschillen: list[ParameterVerschil] = []
    for sleutel, p in nieuw.items():
        vorige = oud.get(sleutel)
        if vorige is None:
            parameterverschillen.append(ParameterVerschil(sleutel, p.groep, "nieuw"))
            continue
        velden = [
            (veld, getattr(vorige, veld), getattr(p, veld))
            for veld in _PARAMETERVELDEN
            if not _gelijk(getattr(vorige, veld), getattr(p, veld))
        ]
        if velden:
            parameterverschillen.append(ParameterVerschil(sleutel, p.groep, "gewijzigd", velden))
    for sleutel in oud.keys() - nieuw.keys():
        parameterverschillen.append(ParameterVerschil(sleutel, oud[sleutel].groep, "vervallen"))
    parameterverschillen.sort(key=lambda v: (v.groep, v.sleutel))

    oude_tabellen = {t.sleutel: t for t in van.tabellen.all()}
    nieuwe_tabellen = {t.sleutel: t for t in naar.tabellen.all()}
    tabelverschillen: list[TabelVerschil] = []
    for sleutel, t in nieuwe_tabellen.items():
        if sleutel not in oude_tabellen:
            tabelverschillen.append(TabelVerschil(sleutel, t.titel, "nieuw"))
        elif (v := _tabelverschil(oude_tabellen[sleutel], t)) is not None:
            tabelverschillen.append(v)
    for sleutel in oude_tabellen.keys() - nieuwe_tabellen.keys():
        tabelverschillen.append(TabelVerschil(sleutel, oude_tabellen[sleutel].titel, "vervallen"))
    return Verschillen(van, naar, parameterverschillen, tabelverschillen)
