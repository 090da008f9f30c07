"""Writes of step 5's business case: calculating it for the chosen alternative.

Only the plan's projectleider calculates, never in a frozen plan. The inputs start from what
step 2 computed and the finance parameters (:func:`uitwerking.selectors.businesscase.startpunt`);
whatever the projectleider sends replaces the prefilled value and is marked as changed. Bad
input raises one ``ValidationError`` naming every field with a Dutch message, and nothing is
saved. A calculation is a new row: earlier ones stay as history.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import replace

import pandas as pd
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from uitwerking.financien import (
    BusinesscaseInvoer,
    FinancienFout,
    Investering,
    Subsidie,
    Tarieven,
    bereken_businesscase,
    bereken_scenarios,
)
from uitwerking.models import Businesscase
from uitwerking.selectors import businesscase as selectors
from wup import schrijven
from wup.models import Wijkplan

MAX_LOOPTIJD = 100
MAX_SUBSIDIES = 20
#: A phasing typed by hand (0,33; 0,33; 0,33) may miss 1 by this much; it is then scaled to 1.
FASERING_MARGE = 0.011
_GELIJK = 1e-6


def _schrijfbaar(plan: Wijkplan, user: AbstractBaseUser) -> Wijkplan:
    return schrijven.schrijfbaar(
        plan,
        user,
        niet_toegestaan=_("Alleen de projectleider van dit plan kan de businesscase berekenen."),
    )


# --- Checking values ------------------------------------------------------------------------------


def _leeg(waarde) -> bool:
    return waarde is None or (isinstance(waarde, str) and not waarde.strip())


_DUIZENDTALLEN = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def nederlands_getal(tekst: str) -> str:
    """Dutch notation to Python's: a dot between thousands, a decimal comma ("1.234,5"). Without
    a comma, dots that group digits by three ("250.000") are thousands too; "0.5" stays."""
    if "," in tekst:
        return tekst.replace(".", "").replace(",", ".")
    if _DUIZENDTALLEN.match(tekst):
        return tekst.replace(".", "")
    return tekst


def _getal(waarde, veld: str, melding: str) -> float:
    if isinstance(waarde, bool) or _leeg(waarde):
        raise ValidationError({veld: melding})
    if isinstance(waarde, str):
        waarde = waarde.strip().replace(" ", "").replace("\u00a0", "")
        waarde = nederlands_getal(waarde)
    try:
        getal = float(waarde)
    except (TypeError, ValueError):
        raise ValidationError({veld: melding}) from None
    if not math.isfinite(getal):
        raise ValidationError({veld: melding})
    return getal


def _niet_negatief(waarde, veld: str, melding: str) -> float:
    getal = _getal(waarde, veld, melding)
    if getal < 0:
        raise ValidationError({veld: melding})
    return getal


def _geheel(waarde, veld: str, melding: str, laag: int, hoog: int) -> int:
    getal = _getal(waarde, veld, melding)
    if getal != int(getal) or not laag <= getal <= hoog:
        raise ValidationError({veld: melding})
    return int(getal)


def _fasering(waarde, veld: str, looptijd: int | None) -> list[float]:
    """Fractions per year from the start year, as a list or as text "0,5; 0,3; 0,2"."""
    voorbeeld = _(
        "Vul per jaar het deel in, gescheiden door een puntkomma, samen 1: bijvoorbeeld "
        "0,5; 0,3; 0,2."
    )
    if isinstance(waarde, str):
        delen = [d for d in waarde.replace("\n", ";").split(";") if d.strip()]
    elif isinstance(waarde, list | tuple):
        delen = list(waarde)
    else:
        raise ValidationError({veld: voorbeeld})
    if not delen:
        raise ValidationError({veld: voorbeeld})
    fracties = []
    for deel in delen:
        f = _getal(deel, veld, voorbeeld)
        if f < 0:
            raise ValidationError({veld: _("Elk deel van de fasering moet 0 of meer zijn.")})
        fracties.append(f)
    som = sum(fracties)
    if abs(som - 1.0) > FASERING_MARGE:
        raise ValidationError(
            {
                veld: _(
                    "De fasering telt op tot %(som)s; samen moet dat 1 zijn (bijvoorbeeld 0,5; "
                    "0,3; 0,2)."
                )
                % {"som": f"{som:.4g}".replace(".", ",")}
            }
        )
    if looptijd is not None and len(fracties) > looptijd:
        raise ValidationError(
            {veld: _("De fasering is langer dan de looptijd van %(n)d jaar.") % {"n": looptijd}}
        )
    return [f / som for f in fracties]


def _controleer(waarden: Mapping, fp) -> dict:
    """Every value checked; one ``ValidationError`` naming every field that is wrong."""
    fouten: dict[str, str] = {}
    schoon: dict = {}

    def doe(veld: str, check):
        try:
            return check()
        except ValidationError as e:
            fouten.update({k: v[0] for k, v in e.message_dict.items()})
            return None

    looptijd = doe(
        "looptijd_jaren",
        lambda: _geheel(
            waarden.get("looptijd_jaren"),
            "looptijd_jaren",
            _("Vul de looptijd in als een heel aantal jaren, van 1 tot en met %(max)d.")
            % {"max": MAX_LOOPTIJD},
            1,
            MAX_LOOPTIJD,
        ),
    )
    schoon["looptijd_jaren"] = looptijd

    def discontovoet():
        d = _getal(
            waarden.get("discontovoet"),
            "discontovoet",
            _("Vul de discontovoet in, bijvoorbeeld 0,04 (4 %)."),
        )
        if d <= -1:
            raise ValidationError(
                {
                    "discontovoet": _(
                        "Een discontovoet van %(p)s %% kan niet: die moet groter zijn dan -100 %%."
                    )
                    % {"p": f"{d * 100:.1f}".replace(".", ",")}
                }
            )
        if d > 1:
            raise ValidationError(
                {"discontovoet": _("Een discontovoet boven 100 % per jaar is niet realistisch.")}
            )
        return d

    schoon["discontovoet"] = doe("discontovoet", discontovoet)

    def startjaar():
        jaar = _geheel(
            waarden.get("startjaar"),
            "startjaar",
            _("Vul het startjaar in, bijvoorbeeld 2027."),
            2000,
            2100,
        )
        if fp.plafonds and not any(j <= jaar for j in fp.plafonds):
            raise ValidationError(
                {
                    "startjaar": _(
                        "Voor %(jaar)d is geen ACM-tariefplafond bekend; het eerste bekende is "
                        "van %(eerste)d. Kies een later startjaar."
                    )
                    % {"jaar": jaar, "eerste": min(fp.plafonds)}
                }
            )
        return jaar

    schoon["startjaar"] = doe("startjaar", startjaar)

    investeringen = waarden.get("investeringen") or {}
    if not isinstance(investeringen, Mapping):
        fouten["investeringen"] = _("Geef de investeringen per post.")
        investeringen = {}
    schoon["investeringen"] = {}
    for post in selectors.POST_NAMEN:
        w = investeringen.get(post) or {}
        if not isinstance(w, Mapping):
            fouten[f"investeringen.{post}"] = _("Geef bedrag, fasering, levensduur en onderhoud.")
            w = {}
        p = f"investeringen.{post}"
        schoon["investeringen"][post] = {
            "bedrag": doe(
                f"{p}.bedrag",
                lambda w=w, p=p: _niet_negatief(
                    w.get("bedrag"),
                    f"{p}.bedrag",
                    _("Vul het bedrag in euro in (0 of meer)."),
                ),
            ),
            "fasering": doe(
                f"{p}.fasering",
                lambda w=w, p=p: _fasering(w.get("fasering"), f"{p}.fasering", looptijd),
            ),
            "levensduur_jaren": doe(
                f"{p}.levensduur_jaren",
                lambda w=w, p=p: _levensduur(w.get("levensduur_jaren"), f"{p}.levensduur_jaren"),
            ),
            "onderhoud_fractie": doe(
                f"{p}.onderhoud_fractie",
                lambda w=w, p=p: _fractie(
                    w.get("onderhoud_fractie"),
                    f"{p}.onderhoud_fractie",
                    _(
                        "Vul het onderhoud per jaar in als deel van de investering, van 0 tot en "
                        "met 100 %."
                    ),
                ),
            ),
        }

    def aantal():
        n = _getal(
            waarden.get("aantal_aansluitingen"),
            "aantal_aansluitingen",
            _("Vul het aantal aansluitingen in (meer dan 0)."),
        )
        if n <= 0:
            raise ValidationError(
                {"aantal_aansluitingen": _("Vul het aantal aansluitingen in (meer dan 0).")}
            )
        return n

    schoon["aantal_aansluitingen"] = doe("aantal_aansluitingen", aantal)

    def graad():
        g = _getal(
            waarden.get("aansluitgraad"),
            "aansluitgraad",
            _(
                "Vul de aansluitgraad in: het deel van de gebouwen dat aansluit, van 0 tot en met "
                "100 %."
            ),
        )
        if not 0 < g <= 1:
            raise ValidationError(
                {
                    "aansluitgraad": _(
                        "De aansluitgraad moet groter zijn dan 0 en hoogstens 100 % zijn."
                    )
                }
            )
        return g

    schoon["aansluitgraad"] = doe("aansluitgraad", graad)
    schoon["aansluitfasering"] = doe(
        "aansluitfasering",
        lambda: _fasering(waarden.get("aansluitfasering"), "aansluitfasering", looptijd),
    )
    for veld, melding in (
        (
            "warmtevraag_gj_per_aansluiting",
            _("Vul de warmtevraag per aansluiting in GJ per jaar in (0 of meer)."),
        ),
        ("vastrecht_per_jaar", _("Vul het eigen vastrecht in euro per jaar in (0 of meer).")),
        ("variabel_per_gj", _("Vul het eigen variabele tarief in euro per GJ in (0 of meer).")),
        (
            "aansluitbijdrage",
            _("Vul de eenmalige aansluitbijdrage in euro per aansluiting in (0 of meer)."),
        ),
        (
            "inkoopkosten_per_gj",
            _("Vul de inkoopkosten van de warmte in euro per GJ in (0 of meer)."),
        ),
        (
            "vaste_beheerkosten_per_jaar",
            _("Vul de vaste beheerkosten in euro per jaar in (0 of meer)."),
        ),
    ):
        schoon[veld] = doe(
            veld,
            lambda veld=veld, melding=melding: _niet_negatief(waarden.get(veld), veld, melding),
        )

    schoon["tarieven_volgen_plafond"] = doe(
        "tarieven_volgen_plafond",
        lambda: _ja_nee(waarden.get("tarieven_volgen_plafond"), "tarieven_volgen_plafond"),
    )
    if schoon["tarieven_volgen_plafond"]:
        # the own tariffs are not used then; an empty one is no error
        for veld in ("vastrecht_per_jaar", "variabel_per_gj", "aansluitbijdrage"):
            if veld in fouten and _leeg(waarden.get(veld)):
                del fouten[veld]
                schoon[veld] = 0.0

    subsidies = waarden.get("subsidies") or []
    schoon["subsidies"] = []
    if not isinstance(subsidies, list | tuple):
        fouten["subsidies"] = _("Geef de subsidies als een lijst met omschrijving, jaar en bedrag.")
        subsidies = []
    if len(subsidies) > MAX_SUBSIDIES:
        fouten["subsidies"] = _("Geef hoogstens %(n)d subsidies.") % {"n": MAX_SUBSIDIES}
        subsidies = []
    for i, sub in enumerate(subsidies):
        if not isinstance(sub, Mapping):
            fouten[f"subsidies.{i}"] = _("Geef omschrijving, jaar en bedrag.")
            continue
        p = f"subsidies.{i}"
        omschrijving = doe(
            f"{p}.omschrijving",
            lambda sub=sub, p=p: schrijven.tekst(
                sub.get("omschrijving"),
                f"{p}.omschrijving",
                verplicht=_("Geef de subsidie een omschrijving, bijvoorbeeld ‘WIS’."),
                max_lengte=200,
            ),
        )

        def jaar(sub=sub, p=p):
            j = _geheel(
                sub.get("jaar"), f"{p}.jaar", _("Vul het jaar in, bijvoorbeeld 2028."), 2000, 2200
            )
            start, n = schoon.get("startjaar"), looptijd
            if start is not None and n is not None and not start <= j < start + n:
                raise ValidationError(
                    {
                        f"{p}.jaar": _(
                            "Het jaar valt buiten de looptijd (%(van)d tot en met %(tot)d)."
                        )
                        % {"van": start, "tot": start + n - 1}
                    }
                )
            return j

        schoon["subsidies"].append(
            {
                "omschrijving": omschrijving,
                "jaar": doe(f"{p}.jaar", jaar),
                "bedrag": doe(
                    f"{p}.bedrag",
                    lambda sub=sub, p=p: _niet_negatief(
                        sub.get("bedrag"),
                        f"{p}.bedrag",
                        _("Vul het bedrag in euro in (0 of meer)."),
                    ),
                ),
            }
        )
    if fouten:
        raise ValidationError(fouten)
    return schoon


def _ja_nee(waarde, veld: str) -> bool:
    if waarde is None or isinstance(waarde, bool):
        return bool(waarde)
    if isinstance(waarde, str) and waarde.strip().lower() in ("", "0", "false", "nee", "off"):
        return False
    if isinstance(waarde, str) and waarde.strip().lower() in ("1", "true", "ja", "on"):
        return True
    raise ValidationError({veld: _("Kies ja of nee.")})


def _levensduur(waarde, veld: str) -> float:
    melding = _("Vul de levensduur in jaren in (meer dan 0), bijvoorbeeld 40.")
    getal = _getal(waarde, veld, melding)
    if getal <= 0:
        raise ValidationError({veld: _("De levensduur moet meer dan 0 jaar zijn.")})
    return getal


def _fractie(waarde, veld: str, melding: str) -> float:
    getal = _getal(waarde, veld, melding)
    if not 0 <= getal <= 1:
        raise ValidationError({veld: melding})
    return getal


# --- Merging what was sent with what was prefilled ------------------------------------------------


def _zelfde(a, b) -> bool:
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(_zelfde(x, y) for x, y in zip(a, b, strict=True))
    try:
        return abs(float(a) - float(b)) <= _GELIJK * max(1.0, abs(float(b)))
    except (TypeError, ValueError):
        return a == b


def samenvoegen(start: selectors.Startpunt, invoer: Mapping | None) -> tuple[dict, dict, list]:
    """The prefilled values with the ones sent laid over them: ``(waarden, herkomst,
    aangepast)``. A value sent that differs from the prefilled one is marked as changed."""
    waarden = {
        k: (
            {p: dict(v) for p, v in w.items()}
            if k == "investeringen"
            else list(w)
            if isinstance(w, list)
            else w
        )
        for k, w in start.waarden.items()
    }
    herkomst = dict(start.herkomst)
    aangepast: list[str] = []
    invoer = invoer or {}

    def markeer(sleutel: str) -> None:
        herkomst[sleutel] = str(selectors.AANGEPAST)
        aangepast.append(sleutel)

    for sleutel, waarde in invoer.items():
        if sleutel == "investeringen":
            if not isinstance(waarde, Mapping):
                waarden["investeringen"] = waarde
                continue
            for post, velden in waarde.items():
                if post not in waarden["investeringen"] or not isinstance(velden, Mapping):
                    continue
                for veld, v in velden.items():
                    if veld not in waarden["investeringen"][post]:
                        continue
                    voor = waarden["investeringen"][post][veld]
                    waarden["investeringen"][post][veld] = v
                    if not _zelfde(v, voor) and not (
                        veld == "fasering" and _zelfde(_als_lijst(v), voor)
                    ):
                        markeer(f"investeringen.{post}.{veld}")
            continue
        if sleutel not in waarden:
            continue
        voor = waarden[sleutel]
        waarden[sleutel] = waarde
        if sleutel == "subsidies":
            if waarde:
                markeer("subsidies")
        elif not _zelfde(waarde, voor) and not _zelfde(_als_lijst(waarde), voor):
            markeer(sleutel)
    return waarden, herkomst, aangepast


def _als_lijst(waarde):
    if isinstance(waarde, str) and ";" in waarde:
        try:
            return [float(d.strip().replace(",", ".")) for d in waarde.split(";") if d.strip()]
        except ValueError:
            return waarde
    return waarde


# --- Calculating ----------------------------------------------------------------------------------


def _rekeninvoer(schoon: dict, prijzen: selectors.Prijzen) -> BusinesscaseInvoer:
    return BusinesscaseInvoer(
        investeringen=tuple(
            Investering(
                post=selectors.postlabel(post),
                groep=post,
                bedrag=w["bedrag"],
                fasering=tuple(w["fasering"]),
                levensduur_jaren=w["levensduur_jaren"],
                onderhoud_per_jaar_fractie=w["onderhoud_fractie"],
            )
            for post, w in schoon["investeringen"].items()
        ),
        aantal_aansluitingen_max=schoon["aantal_aansluitingen"],
        aansluitgraad=schoon["aansluitgraad"],
        aansluitfasering=tuple(schoon["aansluitfasering"]),
        warmtevraag_gj_per_aansluiting=schoon["warmtevraag_gj_per_aansluiting"],
        tarieven=Tarieven(
            vastrecht_per_jaar=schoon["vastrecht_per_jaar"],
            variabel_per_gj=schoon["variabel_per_gj"],
            aansluitbijdrage=schoon["aansluitbijdrage"],
        ),
        plafonds=prijzen.plafonds["basis"],
        inkoopkosten_per_gj=tuple(prijzen.inkoop["basis"]),
        vaste_beheerkosten_per_jaar=schoon["vaste_beheerkosten_per_jaar"],
        subsidies=tuple(
            Subsidie(s["omschrijving"], s["jaar"], s["bedrag"]) for s in schoon["subsidies"]
        ),
        looptijd_jaren=schoon["looptijd_jaren"],
        discontovoet=schoon["discontovoet"],
        startjaar=schoon["startjaar"],
        tarieven_volgen_plafond=schoon["tarieven_volgen_plafond"],
    )


def _json_getal(waarde) -> float | None:
    if waarde is None:
        return None
    try:
        v = float(waarde)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def scenario_rooster(invoer: BusinesscaseInvoer, prijzen: selectors.Prijzen) -> pd.DataFrame:
    """Per price scenario (with its own caps and purchase prices) × connection rate."""
    return pd.concat(
        [
            bereken_scenarios(
                replace(invoer, plafonds=prijzen.plafonds[scenario]),
                {scenario: prijzen.inkoop[scenario]},
                selectors.AANSLUITGRADEN,
            )
            for scenario, _label in selectors.PRIJSSCENARIOS
        ],
        ignore_index=True,
    )


def _fout_van_rekenmodule(fout: FinancienFout) -> ValidationError:
    return ValidationError({NON_FIELD_ERRORS: [str(p) for p in fout.problemen]})


def businesscase_berekenen(
    *, wijkplan: Wijkplan, user: AbstractBaseUser, invoer: Mapping | None = None
) -> Businesscase:
    """Calculate the business case of the chosen alternative and store it as the current one.

    ``invoer`` holds the values the projectleider set (any subset); the others are prefilled
    from step 2 and the finance parameters."""
    with transaction.atomic():
        plan = _schrijfbaar(wijkplan, user)
        start = selectors.startpunt(plan)
        if not start.kan_rekenen:
            raise ValidationError({NON_FIELD_ERRORS: [start.fout]})
        waarden, herkomst, aangepast = samenvoegen(start, invoer)
        fp = start.fp
        schoon = _controleer(waarden, fp)
        if start.zonder_warmtenet and not any(
            w["bedrag"] for w in schoon["investeringen"].values()
        ):
            raise ValidationError(
                {
                    NON_FIELD_ERRORS: [
                        _(
                            "‘%(naam)s’ heeft in stap 2 geen warmtenet: er is geen warmtebedrijf "
                            "en dus geen businesscase nodig. De kosten voor bewoners staan bij de "
                            "woonlasten. Komt er toch een collectieve voorziening, vul dan de "
                            "investeringen van het warmtebedrijf in."
                        )
                        % {"naam": start.alternatief.naam}
                    ]
                }
            )
        prijzen = selectors.prijzen(
            fp, schoon["startjaar"], schoon["looptijd_jaren"], schoon["inkoopkosten_per_gj"]
        )
        rekeninvoer = _rekeninvoer(schoon, prijzen)
        try:
            resultaat = bereken_businesscase(rekeninvoer)
            rooster = scenario_rooster(rekeninvoer, prijzen)
        except FinancienFout as fout:
            raise _fout_van_rekenmodule(fout) from fout
        uitkomst = resultaat.as_dict()
        if prijzen.afgeleide_plafondjaren:
            uitkomst["notities"].append(
                _(
                    "Na %(laatste)d zijn er geen ACM-tariefplafonds bekend. Vanaf %(eerste)d "
                    "beweegt het maximum van het variabele tarief mee met de gasprijs voor "
                    "kleinverbruikers (prijsscenario basis); vastrecht en aansluitbijdrage "
                    "blijven op het laatste bekende maximum."
                )
                % {
                    "laatste": prijzen.afgeleide_plafondjaren[0] - 1,
                    "eerste": prijzen.afgeleide_plafondjaren[0],
                }
            )
        uitkomst["plafonds"] = {
            str(jaar): {
                "vastrecht_per_jaar": p.vastrecht_per_jaar,
                "variabel_per_gj": p.variabel_per_gj,
                "aansluitbijdrage": p.aansluitbijdrage,
                "afgeleid": jaar in prijzen.afgeleide_plafondjaren,
            }
            for jaar, p in sorted(prijzen.plafonds["basis"].items())
            if schoon["startjaar"] <= jaar < schoon["startjaar"] + schoon["looptijd_jaren"]
            or jaar == max(j for j in prijzen.plafonds["basis"] if j <= schoon["startjaar"])
        }
        uitkomst["inkoop_per_gj"] = {s: list(v) for s, v in prijzen.inkoop.items()}
        return Businesscase.objects.create(
            wijkplan=plan,
            keuze=start.keuze,
            alternatief=start.alternatief,
            alternatief_naam=start.alternatief.naam[:200],
            berekening=start.berekening,
            parameterset_id=fp.parameterset_id,
            invoer={
                "waarden": schoon,
                "herkomst": herkomst,
                "aangepast": sorted(set(aangepast)),
                "zonder_warmtenet": start.zonder_warmtenet,
            },
            resultaat=uitkomst,
            scenarios=[
                {k: (_json_getal(v) if k != "prijsscenario" else v) for k, v in rij.items()}
                for rij in rooster.to_dict("records")
            ],
            berekend_door=user,
        )


def aangepaste_invoer(stand: selectors.Stand) -> dict:
    """The values of a stored business case that the projectleider changed, to carry over to a
    new calculation. After a new choice the alternative's own figures start afresh."""
    waarden, aangepast = stand.waarden, set(stand.aangepast)
    uit: dict = {}
    for sleutel in aangepast:
        delen = sleutel.split(".")
        if stand.keuze_gewijzigd and delen[0] in selectors.VAN_ALTERNATIEF:
            continue
        if delen[0] == "investeringen" and len(delen) == 3:
            post, veld = delen[1], delen[2]
            waarde = (waarden.get("investeringen") or {}).get(post, {}).get(veld)
            uit.setdefault("investeringen", {}).setdefault(post, {})[veld] = waarde
        elif delen[0] in waarden:
            uit[delen[0]] = waarden[delen[0]]
    return uit


def businesscase_herberekenen(*, wijkplan: Wijkplan, user: AbstractBaseUser) -> Businesscase:
    """Calculate again with today's step 2 figures and parameters, keeping the values the
    projectleider changed himself."""
    huidige = selectors.stand(wijkplan)
    invoer = aangepaste_invoer(huidige) if huidige else {}
    return businesscase_berekenen(wijkplan=wijkplan, user=user, invoer=invoer)
