"""Where a criterion's scores come from: expert judgement (``handmatig``, entered per
alternative with an explanation) or a figure another step computes, read through that step's
selectors: an indicator of step 2's latest finished calculation, or step 3's support score.

Each automatic source answers, for the plan's alternatives, a :class:`Bronwaarde` per
alternative: the value (or None), a link to the source figure, and whether it is outdated.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from participatie.selectors import resultaten as participatie
from techniek.selectors import beoordeling as techniek
from techniek.selectors.alternatieven import AlternatiefStand
from wup.models import Wijkplan

HANDMATIG = "handmatig"
STEUN = "participatie:steun"
TECHNIEK = "techniek:"


@dataclass(frozen=True)
class Bronwaarde:
    waarde: float | None
    #: Where the figure is shown with its explanation (None for expert scores on this page).
    url: str | None
    #: What the figure is, e.g. "berekening 12" or "raadpleging ‘Uw voorkeur’, 212 reacties".
    herkomst: str
    verouderd: bool = False
    #: Why there is no value, in plain Dutch (empty when there is one).
    ontbreekt: str = ""


@dataclass(frozen=True)
class Bron:
    sleutel: str
    titel: Promise | str
    eenheid: str
    hoger_beter: bool


def bronnen() -> dict[str, Bron]:
    """Every automatic source, by key."""
    uit_techniek = {
        TECHNIEK + i.sleutel: Bron(TECHNIEK + i.sleutel, i.titel, i.eenheid, i.hoger_beter)
        for i in techniek.BEOORDELINGSINDICATOREN.values()
    }
    steun = Bron(
        STEUN,
        gettext_lazy("Steunscore uit de raadpleging van bewoners (stap 3)"),
        "score 0–100",
        True,
    )
    return {**uit_techniek, STEUN: steun}


def bron_titel(sleutel: str) -> Promise | str:
    """What a criterion's source is, in words."""
    if sleutel == HANDMATIG:
        return gettext_lazy("Deskundig oordeel")
    bron = bronnen().get(sleutel)
    return bron.titel if bron else sleutel


def bronkeuzes() -> list[tuple[str, str]]:
    """The choices of a criterion's source, expert judgement first."""
    return [(HANDMATIG, _("Deskundig oordeel (score met toelichting per alternatief)"))] + [
        (
            b.sleutel,
            _("Automatisch: %(titel)s (%(eenheid)s)") % {"titel": b.titel, "eenheid": b.eenheid},
        )
        for b in bronnen().values()
    ]


def _resultaten_url(plan: Wijkplan, raadpleging_id: int) -> str | None:
    try:
        return reverse("participatie-raadpleging-resultaten", args=[plan.pk, raadpleging_id])
    except NoReverseMatch:
        return None


def steunwaarden(plan: Wijkplan, standen: list[AlternatiefStand]) -> dict[int, Bronwaarde]:
    scores = participatie.steunscores(plan)
    uitkomst = {}
    for stand in standen:
        steun = scores.get(stand.alternatief.pk)
        if steun is None:
            reden = (
                _("Dit alternatief stond niet in de raadpleging over de alternatieven.")
                if scores
                else _("Er is nog geen gesloten raadpleging over de alternatieven.")
            )
            uitkomst[stand.alternatief.pk] = Bronwaarde(None, None, "", ontbreekt=reden)
            continue
        herkomst = _("raadpleging ‘%(titel)s’, gesloten op %(datum)s, %(n)d reacties") % {
            "titel": steun.raadpleging_titel,
            "datum": date_format(localtime(steun.gesloten_op), "j F Y"),
            "n": steun.aantal_responsen,
        }
        uitkomst[stand.alternatief.pk] = Bronwaarde(
            steun.score,
            _resultaten_url(plan, steun.raadpleging_id),
            herkomst,
            ontbreekt=""
            if steun.score is not None
            else _("Te weinig reacties voor een betrouwbare steunscore (minder dan %(n)d).")
            % {"n": participatie.r.MIN_RESPONSEN},
        )
    return uitkomst


def automatische_waarden(
    plan: Wijkplan, sleutels: set[str], standen: list[AlternatiefStand]
) -> dict[str, dict[int, Bronwaarde]]:
    """Per source key in ``sleutels`` (expert judgement excluded), per alternative id."""
    uitkomst: dict[str, dict[int, Bronwaarde]] = {}
    indicatoren = sorted(s.removeprefix(TECHNIEK) for s in sleutels if s.startswith(TECHNIEK))
    if indicatoren:
        for sleutel, waarden in techniek.indicatorwaarden(plan, indicatoren, standen).items():
            uitkomst[TECHNIEK + sleutel] = {
                pk: Bronwaarde(
                    w.waarde,
                    w.url,
                    _("berekening %(id)d") % {"id": w.berekening_id} if w.berekening_id else "",
                    verouderd=w.verouderd,
                    ontbreekt=""
                    if w.waarde is not None
                    else _("Dit alternatief is nog niet doorgerekend."),
                )
                for pk, w in waarden.items()
            }
    if STEUN in sleutels:
        uitkomst[STEUN] = steunwaarden(plan, standen)
    return uitkomst


def standaardkader() -> list[dict]:
    """The framework a plan can start from, as keyword arguments for ``criterium_toevoegen``:
    the seven criteria the process asks for. The weights are a starting point; the
    projectleider sets them with the stuurgroep and writes down why."""
    hoger, lager = "hoger_beter", "lager_beter"
    return [
        {
            "naam": _("Nationale kosten"),
            "bron": TECHNIEK + "nk.H16_Nat_meerkost",
            "richting": lager,
            "eenheid": "euro per jaar",
            "gewicht": 20,
            "zekerheid": "hoog",
            "toelichting": _(
                "Wat de overstap Nederland als geheel per jaar extra kost tegenover de gasketel "
                "(Startanalyse-indicator H16). Maatschappelijk geld moet zo goed mogelijk "
                "besteed worden."
            ),
        },
        {
            "naam": _("Kosten voor bewoners"),
            "bron": HANDMATIG,
            "richting": lager,
            "eenheid": "euro per maand per woning",
            "gewicht": 20,
            "zekerheid": "laag",
            "toelichting": _(
                "Wat een huishouden per maand extra betaalt of bespaart. Betaalbaarheid is voor "
                "bewoners de belangrijkste vraag. Tot de businesscase klaar is, is dit een "
                "inschatting."
            ),
        },
        {
            "naam": _("CO2-reductie"),
            "bron": TECHNIEK + "nk.CO2_vermeden",
            "richting": hoger,
            "eenheid": "ton per jaar",
            "gewicht": 15,
            "zekerheid": "hoog",
            "toelichting": _(
                "Hoeveel CO2 het alternatief per jaar vermijdt tegenover de gasketel: het doel "
                "van de warmtetransitie."
            ),
        },
        {
            "naam": _("Steun van bewoners"),
            "bron": STEUN,
            "richting": hoger,
            "eenheid": "score 0–100",
            "gewicht": 20,
            "zekerheid": "middel",
            "toelichting": _(
                "Hoeveel steun het alternatief kreeg in de raadpleging. Zonder draagvlak komt "
                "de overstap niet van de grond."
            ),
        },
        {
            "naam": _("Technische haalbaarheid en risico's"),
            "bron": HANDMATIG,
            "richting": hoger,
            "eenheid": "score 1–5",
            "gewicht": 15,
            "zekerheid": "middel",
            "toelichting": _(
                "Of de techniek in deze buurt werkt en hoe groot de risico's zijn "
                "(5 = bewezen, weinig risico)."
            ),
        },
        {
            "naam": _("Beschikbaarheid van de bron en timing"),
            "bron": HANDMATIG,
            "richting": hoger,
            "eenheid": "score 1–5",
            "gewicht": 5,
            "zekerheid": "middel",
            "toelichting": _(
                "Of de warmtebron op tijd en voor lange tijd beschikbaar is, en of het past bij "
                "andere werkzaamheden in de wijk (5 = zeker en op tijd)."
            ),
        },
        {
            "naam": _("Ruimtelijke impact en overlast"),
            "bron": HANDMATIG,
            "richting": hoger,
            "eenheid": "score 1–5",
            "gewicht": 5,
            "zekerheid": "laag",
            "toelichting": _(
                "Ruimte voor leidingen, installaties en opwekking, en de overlast tijdens de "
                "aanleg (5 = weinig impact en overlast)."
            ),
        },
    ]
