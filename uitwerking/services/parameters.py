"""Step 5's finance figures in the versioned parameter sets of step 2.

:func:`financiele_kentallen_laden` adds the figures of ``uitwerking/data/financien`` (group
``Financien``: discount rate, subsidies, loan terms; table ``acm_tariefplafonds``: the ACM's
maximum heat tariffs per year) to the current set as a new published version. It is
idempotent: when the current set holds them, nothing happens. A beheerder changes them as any
other figure, in a new version with the source of every new value. Step 2's results stay
current: the engine does not read these figures (see ``techniek.selectors.parameters``).
"""

from __future__ import annotations

import csv
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser

from techniek.models import Parameter, Parameterset, Parametertabel
from techniek.services.parameters import parameterset_aanvullen

DATA = Path(__file__).resolve().parent.parent / "data" / "financien"
GROEP = "Financien"
PLAFONDTABEL = "acm_tariefplafonds"
HERKOMST = "Platform, uitwerking/data/financien"

#: The columns of the ACM table: name, unit, meaning.
PLAFONDKOLOMMEN = (
    ("Jaar", "jaar", "Kalenderjaar waarvoor de maximumtarieven gelden."),
    (
        "Vaste_kosten_max",
        "EUR/jr",
        "Maximale vaste kosten per jaar (vastrecht, meettarief en huur afleverset), incl. btw.",
    ),
    ("Variabel_max", "EUR/GJ", "Maximumtarief per GJ geleverde warmte, inclusief btw."),
    (
        "Aansluitbijdrage_max",
        "EUR",
        "Maximale eenmalige aansluitbijdrage voor een bestaande woning, inclusief btw.",
    ),
    ("Bron", "", "Waar de bedragen vandaan komen."),
)


def _lees(naam: str) -> list[dict[str, str]]:
    with (DATA / naam).open(encoding="utf-8", newline="") as f:
        rijen = list(csv.DictReader(f, delimiter=";"))
    for nummer, rij in enumerate(rijen, start=2):
        if None in rij or None in rij.values():  # a ';' inside a text would shift the columns
            raise ValueError(f"{naam}, regel {nummer}: verkeerd aantal kolommen")
    return rijen


def _getal(tekst: str) -> Decimal | None:
    try:
        return Decimal(tekst.strip()) if tekst.strip() else None
    except InvalidOperation as exc:
        raise ValueError(f"financien.csv: '{tekst}' is geen getal") from exc


def financiele_parameters_uit_bestand() -> list[Parameter]:
    return [
        Parameter(
            sleutel=f"{GROEP}.{rij['Naam']}",
            naam=rij["Naam"],
            groep=GROEP,
            waarde=_getal(rij["Waarde"]),
            eenheid=rij["Eenheid"],
            bron=rij["Bron"],
            omschrijving=rij["Beschrijving"],
            herkomst=f"{HERKOMST}/financien.csv",
            volgorde=volgorde,
        )
        for volgorde, rij in enumerate(_lees("financien.csv"), start=1)
    ]


def plafondtabel_uit_bestand() -> Parametertabel:
    rijen = _lees(f"{PLAFONDTABEL}.csv")
    namen = [k for k, _e, _o in PLAFONDKOLOMMEN]
    return Parametertabel(
        sleutel=PLAFONDTABEL,
        titel="ACM-maximumtarieven warmte per jaar",
        omschrijving=(
            "De maximumtarieven die de Autoriteit Consument & Markt elk jaar vaststelt voor "
            "warmtelevering aan kleinverbruikers. De businesscase begrenst de eigen tarieven "
            "van het warmtebedrijf hierop; voor latere jaren volgt het tarief per GJ de gasprijs."
        ),
        bron="; ".join(sorted({r["Bron"] for r in rijen})),
        herkomst=f"{HERKOMST}/{PLAFONDTABEL}.csv",
        sleutelkolommen=["Jaar"],
        kolommen=[
            {"naam": k, "eenheid": e, "bron": "zie kolom Bron", "omschrijving": o}
            for k, e, o in PLAFONDKOLOMMEN
        ],
        rijen=[[int(r["Jaar"]), *(float(r[k]) for k in namen[1:-1]), r["Bron"]] for r in rijen],
        volgorde=900,
    )


def financiele_kentallen_laden(*, user: AbstractBaseUser | None = None) -> Parameterset:
    """Publish a version of the current set with step 5's figures, once; returns the set
    that holds them."""
    parameterset, _nieuw = parameterset_aanvullen(
        parameters=financiele_parameters_uit_bestand(),
        tabellen=[plafondtabel_uit_bestand()],
        omschrijving=(
            "Aangevuld met de financiële kentallen van stap 5 (ACM-maximumtarieven, subsidies, "
            "Warmtefonds), elk met bron."
        ),
        user=user,
    )
    return parameterset
