"""Reads of the parameter sets: the current set, its figures and tables, and differences.

Other apps (and the calculation pages of step 2) read parameters only through this module. A
result stores the id of the set it used; :func:`is_verouderd` says whether a newer set with other
engine figures has been published since. :func:`parameterwaarden` and :func:`rekentabellen`
give the engine a set's figures and tables, so a calculation uses exactly the version it
records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, Q, QuerySet

from techniek.engine import (
    PRIJSJAAR,
    Bouwkentallen,
    Energieprijzen,
    InvoerFout,
    Parameters,
    Probleem,
    bouwkentallen_uit_tabellen,
    energieprijzen_uit_tabellen,
)
from techniek.models import Parameter, Parameterset, Parametertabel
from techniek.models.parameters import vingerafdruk
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


#: Parameter groups and table keys the step-2 engine never reads; other steps register theirs
#: (:func:`buiten_rekenkern`), so a version that changes only those outdates no step-2 result.
_BUITEN_REKENKERN: dict[str, set[str]] = {"groepen": set(), "tabellen": set()}


def buiten_rekenkern(*, groepen: Iterable[str] = (), tabellen: Iterable[str] = ()) -> None:
    """Register figures of another step (called from an AppConfig)."""
    _BUITEN_REKENKERN["groepen"].update(groepen)
    _BUITEN_REKENKERN["tabellen"].update(tabellen)


def rekenkern_vingerafdruk_berekenen(parameterset: Parameterset) -> str:
    """The fingerprint of what the engine reads from a set (two queries)."""
    return vingerafdruk(
        parameterset.parameters.exclude(groep__in=_BUITEN_REKENKERN["groepen"]).values_list(
            "sleutel", "waarde", "waarde_tekst"
        ),
        parameterset.tabellen.exclude(sleutel__in=_BUITEN_REKENKERN["tabellen"]).values_list(
            "sleutel", "sleutelkolommen", "kolommen", "rijen"
        ),
    )


def _zelfde_rekenkern(a: Parameterset, b: Parameterset) -> bool:
    if a.pk == b.pk:
        return True
    return bool(a.vingerafdruk_rekenkern) and (a.vingerafdruk_rekenkern == b.vingerafdruk_rekenkern)


def rekenkern_verouderd(gebruikt: Parameterset | None, huidig: Parameterset | None) -> bool:
    """Whether a step-2 result calculated with ``gebruikt`` is outdated by ``huidig``: the
    figures the engine reads differ (a version with only other steps' figures changed does
    not count)."""
    if huidig is None:
        return False
    return gebruikt is None or not _zelfde_rekenkern(gebruikt, huidig)


def is_verouderd(versie_id: int | None) -> bool:
    """Whether a step-2 result calculated with set ``versie_id`` is outdated: another set is
    current whose engine figures differ.

    A result without a set, or with a set that no longer exists, is outdated as soon as there is
    a current set; with no current set at all nothing can be outdated.
    """
    return verouderd_many([versie_id])[versie_id]


def verouderd_many(versie_ids: Iterable[int | None]) -> dict[int | None, bool]:
    """:func:`is_verouderd` for many results with two queries."""
    ids = set(versie_ids)
    huidig = huidige_parameterset()
    sets = Parameterset.objects.in_bulk({i for i in ids if i is not None}) if huidig else {}
    return {v: rekenkern_verouderd(sets.get(v), huidig) for v in ids}


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


def ontbrekend_voor_rekenkern(parameterset: Parameterset) -> list[str]:
    """The engine's figures this set lacks or has no usable value for, by name.

    These are the figures ``parameterset_aanvullen_met_rekenkern`` fills in with the engine's
    documented defaults; an empty list means the engine accepts the set's figures.
    """
    try:
        Parameters.uit_dict(parameterwaarden(parameterset))
    except InvoerFout as exc:
        return sorted({p.plaats.removeprefix("parameter ") for p in exc.problemen})
    return []


# --- The tables the engine computes with -------------------------------------------------------

#: The tables of a set the engine reads, as ``pbl_kentallen`` stores them (PBL's column layout).
TABEL_WONINGEN = "woningen_bag"
TABEL_UTILITEITEN = "utiliteiten_bag"
#: Engine carrier -> table of its prices (columns ``scenario``, ``Jaar``, PBL's ``*_PC_*``).
TABELLEN_PRIJZEN = {
    "aardgas": "energieprijzen_aardgas",
    "elektriciteit": "energieprijzen_elektriciteit",
    "kn_gas": "energieprijzen_klimaatneutraal_gas",
}
#: CO2 factor per carrier and year (columns ``Jaar``, ``aardgas``, ``elektriciteit``, ...).
TABEL_EMISSIEFACTOREN = "emissiefactoren"
REKENTABELLEN = (
    TABEL_WONINGEN,
    TABEL_UTILITEITEN,
    *TABELLEN_PRIJZEN.values(),
    TABEL_EMISSIEFACTOREN,
)
#: At most this many row numbers are named in one problem.
_MAX_GENOEMD = 5


@dataclass(frozen=True)
class Rekentabellen:
    """What the engine takes from a set's tables: the building key figures and, for the
    engine's price year, the prices and emission factors per scenario."""

    kentallen: Bouwkentallen
    prijzen: dict[str, Energieprijzen]


def _tabelnaam(tabel: Parametertabel) -> str:
    return f"tabel '{tabel.titel}' ({tabel.sleutel})"


def _genoemd(nummers: list[int]) -> str:
    tekst = ", ".join(str(n) for n in nummers[:_MAX_GENOEMD])
    return tekst + (f" en nog {len(nummers) - _MAX_GENOEMD}" if len(nummers) > _MAX_GENOEMD else "")


def _rekenframe(tabel: Parametertabel, problemen: list[Probleem]) -> pd.DataFrame | None:
    """A table's rows as stored, column by column (the engine reads and checks the values);
    None, with the problems said, when its shape is broken."""
    naam = _tabelnaam(tabel)
    kolommen = tabel.kolommen
    if not isinstance(kolommen, list) or not all(
        isinstance(k, dict) and isinstance(k.get("naam"), str) and k["naam"].strip()
        for k in kolommen
    ):
        problemen.append(Probleem(naam, "niet elke kolom heeft een naam"))
        return None
    namen = [k["naam"].strip() for k in kolommen]
    dubbel = sorted({n for n in namen if namen.count(n) > 1})
    if dubbel:
        problemen.append(Probleem(naam, f"kolom {', '.join(dubbel)} staat er meer dan één keer in"))
        return None
    rijen = tabel.rijen if isinstance(tabel.rijen, list) else None
    if rijen is None:
        problemen.append(Probleem(naam, "de regels van de tabel zijn onleesbaar"))
        return None
    scheef = [
        i
        for i, rij in enumerate(rijen, start=1)
        if not isinstance(rij, list) or len(rij) != len(namen)
    ]
    if scheef:
        problemen.append(
            Probleem(
                f"{naam}, regel {_genoemd(scheef)}",
                f"heeft niet één waarde per kolom ({len(namen)} kolommen)",
            )
        )
        return None
    return pd.DataFrame(rijen, columns=namen, dtype=object)


def rekentabellen(
    parameterset: Parameterset, *, gas_gj_per_m3: float | None = None
) -> Rekentabellen:
    """The set's building key figures and energy prices, as the engine takes them.

    Reads the tables with one query. Prices are those of the engine's price year
    (:data:`techniek.engine.PRIJSJAAR`) for every scenario; gas prices per m3 become prices per
    GJ with ``gas_gj_per_m3`` (the set's ``GasEnergie``; the engine's value when None). Raises
    :class:`~techniek.engine.InvoerFout` naming each table, row ("regel", the first row of a
    table is regel 1) and column that is missing or unusable.
    """
    tabellen = {
        t.sleutel: t
        for t in Parametertabel.objects.filter(
            parameterset_id=parameterset.pk, sleutel__in=REKENTABELLEN
        )
    }
    problemen = [
        Probleem(
            f"tabel {sleutel}",
            f"ontbreekt in parameterset versie {parameterset.versie}; de rekenkern heeft deze "
            "tabel nodig",
        )
        for sleutel in REKENTABELLEN
        if sleutel not in tabellen
    ]
    frames = {s: _rekenframe(t, problemen) for s, t in tabellen.items()}
    if problemen:  # a table is missing or its shape is broken (each said once)
        raise InvoerFout(problemen)
    naam = {s: _tabelnaam(t) for s, t in tabellen.items()}
    kentallen = prijzen = None
    try:
        kentallen = bouwkentallen_uit_tabellen(
            frames[TABEL_WONINGEN],
            frames[TABEL_UTILITEITEN],
            bron=f"parameterset {parameterset.naam}, versie {parameterset.versie}: "
            f"{tabellen[TABEL_WONINGEN].bron}; {tabellen[TABEL_UTILITEITEN].bron}",
            namen=(naam[TABEL_WONINGEN], naam[TABEL_UTILITEITEN]),
            eerste_regel=1,
        )
    except InvoerFout as exc:
        problemen += exc.problemen
    extra = {} if gas_gj_per_m3 is None else {"gas_gj_per_m3": gas_gj_per_m3}
    try:
        prijzen = energieprijzen_uit_tabellen(
            *(frames[s] for s in TABELLEN_PRIJZEN.values()),
            emissiefactoren=frames[TABEL_EMISSIEFACTOREN],
            jaar=PRIJSJAAR,
            namen={
                **{d: naam[s] for d, s in TABELLEN_PRIJZEN.items()},
                "emissiefactoren": naam[TABEL_EMISSIEFACTOREN],
            },
            bron=f"parameterset {parameterset.naam}, versie {parameterset.versie}",
            **extra,
        )
    except InvoerFout as exc:
        problemen += exc.problemen
    if problemen:
        raise InvoerFout(problemen)
    assert kentallen is not None and prijzen is not None
    return Rekentabellen(kentallen=kentallen, prijzen=prijzen)


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
