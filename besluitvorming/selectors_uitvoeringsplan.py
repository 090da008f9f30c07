"""Reads of step 6's part 'uitvoeringsplan': the composition, its items, the wishes of
stakeholders, the hints of the wijktoets for the broader agenda and the evidence of every Wgiw
safeguard from the earlier steps.

Other steps are read only through their selectors (or the gate registry of the core). Every
function keeps its number of queries fixed, however many rows there are; the ``_many``
functions answer for many plans at once (for the gates).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from besluitvorming.models.uitvoeringsplan import (
    NORM_AANKONDIGING_JAREN,
    Belanghebbendenwens,
    BenodigdBesluit,
    Processtap,
    Randvoorwaarde,
    Uitvoeringsplan,
    Waarborg,
)
from wup.constants import Spoor
from wup.models import Wijkplan

MAX_ID = 2**63 - 1

#: The themes of the broader agenda: (field, label, wijktoets theme).
THEMAS = (
    ("leefbaarheid", gettext_lazy("Leefbaarheid"), "leefbaarheid"),
    ("armoede", gettext_lazy("Armoede en energiearmoede"), "armoede"),
    ("klimaatadaptatie", gettext_lazy("Klimaatadaptatie"), "klimaatadaptatie"),
    ("andere_werken", gettext_lazy("Andere werken in de wijk"), "andere_werken"),
)
THEMA_VELDEN = tuple(veld for veld, _label, _thema in THEMAS)

#: The standard route of legal protection, shown as the evidence of that safeguard.
RECHTSBESCHERMING_TEKST = gettext_lazy(
    "Het raadsbesluit over het wijkuitvoeringsplan is de onderbouwing van de regel in het "
    "omgevingsplan die de aardgaslevering in de wijk beëindigt. Tegen die wijziging van het "
    "omgevingsplan kunnen belanghebbenden beroep instellen bij de Afdeling bestuursrechtspraak "
    "van de Raad van State, nadat zij een zienswijze hebben gegeven op het ontwerp. Tegen "
    "besluiten die een bewoner persoonlijk raken, zoals een besluit over zijn aansluiting, "
    "staat bezwaar bij het college en daarna beroep bij de rechtbank open."
)


def _ids(plans) -> list[int]:
    return [p.pk for p in plans]


# --- The composition ------------------------------------------------------------------------


def samenstelling_van(plan: Wijkplan) -> Uitvoeringsplan:
    """The plan's composition; an unsaved empty one when nothing was written yet."""
    return Uitvoeringsplan.objects.filter(wijkplan=plan).first() or Uitvoeringsplan(wijkplan=plan)


def samenstellingen_many(plans) -> dict[int, Uitvoeringsplan]:
    return {u.wijkplan_id: u for u in Uitvoeringsplan.objects.filter(wijkplan__in=_ids(plans))}


def randvoorwaarden_van(plan: Wijkplan) -> list[Randvoorwaarde]:
    return list(Randvoorwaarde.objects.filter(wijkplan=plan))


def processtappen_van(plan: Wijkplan) -> list[Processtap]:
    return list(Processtap.objects.filter(wijkplan=plan))


def benodigde_besluiten_van(plan: Wijkplan) -> list[BenodigdBesluit]:
    return list(BenodigdBesluit.objects.filter(wijkplan=plan))


def _by_pk(model, plan: Wijkplan, pk: int):
    if not 0 < pk <= MAX_ID:
        return None
    return model.objects.select_related("wijkplan").filter(wijkplan=plan, pk=pk).first()


def randvoorwaarde_by_pk(plan: Wijkplan, pk: int) -> Randvoorwaarde | None:
    return _by_pk(Randvoorwaarde, plan, pk)


def processtap_by_pk(plan: Wijkplan, pk: int) -> Processtap | None:
    return _by_pk(Processtap, plan, pk)


def benodigd_besluit_by_pk(plan: Wijkplan, pk: int) -> BenodigdBesluit | None:
    return _by_pk(BenodigdBesluit, plan, pk)


def _aantal_many(model, plans) -> dict[int, int]:
    return dict(
        model.objects.filter(wijkplan__in=_ids(plans))
        .values("wijkplan_id")
        .annotate(n=Count("pk"))
        .values_list("wijkplan_id", "n")
    )


def randvoorwaarden_aantal_many(plans) -> dict[int, int]:
    return _aantal_many(Randvoorwaarde, plans)


def processtappen_aantal_many(plans) -> dict[int, int]:
    return _aantal_many(Processtap, plans)


def besluitenlijst(plan: Wijkplan) -> list:
    """The decisions already in the plan's decisions log that still stand (one query)."""
    from wup import selectors as wup_selectors

    return list(wup_selectors.huidige_besluiten_van(plan))


def partijnamen(plan: Wijkplan) -> list[str]:
    """The parties of step 5's organisation, to pick a responsible party from."""
    from uitwerking.selectors import organisatie

    return [p.naam for p in organisatie.partijen_van(plan)]


# --- The realisation timeline -----------------------------------------------------------------


def realisatiefasen(plan: Wijkplan) -> list:
    """Step 5's phases of the realisation, in order of their start."""
    from uitwerking.selectors import organisatie

    return sorted(organisatie.fasen_van(plan), key=lambda f: (f.begindatum, f.pk))


def realisatie_eind(plan: Wijkplan):
    """The last end date of step 5's realisation planning, or None without phases."""
    fasen = realisatiefasen(plan)
    return max((f.einddatum for f in fasen), default=None)


def termijn_waarschuwing(jaren: int | None) -> str:
    """The Dutch warning when the notice period is shorter than the Wgiw norm; else ''."""
    if jaren is None or jaren >= NORM_AANKONDIGING_JAREN:
        return ""
    return _(
        "Een aankondigingstermijn van %(n)d jaar is korter dan de norm van %(norm)d jaar voor "
        "een aankondiging onder de Wgiw. Leg bij de waarborg ‘redelijke termijn’ uit waarom "
        "een kortere termijn toch redelijk is."
    ) % {"n": jaren, "norm": NORM_AANKONDIGING_JAREN}


# --- Wishes and requirements of stakeholders (step 3) ---------------------------------------


@dataclass(frozen=True)
class Wens:
    """A resident's published question with its answer, and what the plan does with it."""

    inbreng_id: int
    vraag: str
    antwoord: str
    wens: Belanghebbendenwens | None

    @property
    def opgenomen(self) -> bool:
        return bool(self.wens and self.wens.opgenomen)

    @property
    def notitie(self) -> str:
        return self.wens.notitie if self.wens else ""


def wensen_van(plan: Wijkplan) -> list[Wens]:
    """Every published question of residents (step 3) with its answer and the plan's mark;
    marked questions no longer on the website stay, as they were marked (two queries)."""
    from participatie.selectors import publiek

    gemarkeerd = {w.inbreng_id: w for w in Belanghebbendenwens.objects.filter(wijkplan=plan)}
    vragen = [
        Wens(i.pk, i.tekst, i.antwoord, gemarkeerd.pop(i.pk, None))
        for i in publiek.gepubliceerde_inbreng(plan).filter(soort="vraag")
    ]
    return vragen + [Wens(w.inbreng_id, w.vraag, w.antwoord, w) for w in gemarkeerd.values()]


def gepubliceerde_vraag(plan: Wijkplan, inbreng_id: int):
    """The published question with this id in this plan, or None."""
    from participatie.selectors import publiek

    if not 0 < inbreng_id <= MAX_ID:
        return None
    return publiek.gepubliceerde_inbreng(plan).filter(soort="vraag", pk=inbreng_id).first()


def opgenomen_wensen(plan: Wijkplan) -> list[Belanghebbendenwens]:
    return list(Belanghebbendenwens.objects.filter(wijkplan=plan, opgenomen=True))


def belanghebbenden(plan: Wijkplan) -> list:
    """The stakeholder groups of step 3 with their interest."""
    from participatie.selectors import netwerk

    return netwerk.partijen_van(plan)


# --- Hints from the wijktoets for the broader agenda -------------------------------------------


def agenda_hints(plan: Wijkplan) -> dict[str, str]:
    """Per theme of the broader agenda what the wijktoets found; for poverty also the
    energy-poverty indicator of the CBS figures."""
    from wijktoets.selectors import indicatoren, wijktoets

    hints = dict.fromkeys(THEMA_VELDEN, "")
    toets = wijktoets.wijktoets_voor(plan)
    if toets is not None:
        per_thema = {b.thema: b for b in wijktoets.weergave(toets.als_inhoud()).bevindingen}
        for veld, _label, thema in THEMAS:
            b = per_thema.get(thema)
            if b is not None and b.ingevuld:
                delen = [b.tekst] if b.tekst else []
                if b.beoordeling_label:
                    delen.append(_("Beoordeling: %(b)s.") % {"b": b.beoordeling_label})
                hints[veld] = " ".join(delen)
    try:
        uitkomst = indicatoren.indicatoren_voor_plan(plan)
    except Exception:
        uitkomst = None
    if uitkomst is not None and not uitkomst.leeg and uitkomst.energiearmoede is not None:
        signaal = _("Energiearmoede (CBS): %(s)s.") % {
            "s": uitkomst.energiearmoede.samenvatting.rstrip(".")
        }
        hints["armoede"] = f"{hints['armoede']} {signaal}".strip()
    return hints


# --- The Wgiw safeguards --------------------------------------------------------------------


def waarborgen_van(plan: Wijkplan) -> dict[str, Waarborg]:
    return {w.punt: w for w in Waarborg.objects.filter(wijkplan=plan)}


def waarborgen_many(plans) -> dict[int, dict[str, Waarborg]]:
    uit: dict[int, dict[str, Waarborg]] = defaultdict(dict)
    for w in Waarborg.objects.filter(wijkplan__in=_ids(plans)):
        uit[w.wijkplan_id][w.punt] = w
    return uit


@dataclass(frozen=True)
class Bewijs:
    """What the steps say about one safeguard, and the page it comes from."""

    tekst: str
    url_name: str | None = None
    bron: str = ""


def _datum(d) -> str:
    return d.strftime("%d-%m-%Y")


def _bewijs_betaalbaarheid(plan: Wijkplan) -> Bewijs:
    from uitwerking.selectors import woonlasten

    stand = woonlasten.stand_van(plan)
    bron = _("Stap 5: woonlasten")
    if stand is None:
        return Bewijs(
            _("Er zijn nog geen woonlasten berekend in stap 5."), "uitwerking-woonlasten", bron
        )
    tekst = _(
        "Woonlasten berekend op %(datum)s: %(neutraal)d huishoudtype(n) woonlastenneutraal, "
        "%(niet)d niet woonlastenneutraal, %(risico)d met een betaalrisico."
    ) % {
        "datum": _datum(stand.berekening.berekend_op),
        "neutraal": stand.neutraal,
        "niet": stand.niet_neutraal,
        "risico": stand.risico,
    }
    if stand.verouderd:
        tekst += " " + _("Let op: de berekening is verouderd (%(r)s).") % {
            "r": "; ".join(stand.redenen)
        }
    return Bewijs(tekst, "uitwerking-woonlasten", bron)


def _bewijs_termijn(plan: Wijkplan) -> Bewijs:
    s = samenstelling_van(plan)
    bron = _("Stap 6: uitvoeringsplan")
    if s.einddatum_gaslevering is None or s.aankondigingstermijn_jaren is None:
        return Bewijs(
            _("De einddatum van de gaslevering en de aankondigingstermijn zijn nog niet ingevuld."),
            "besluitvorming-uitvoeringsplan",
            bron,
        )
    tekst = _(
        "De gaslevering stopt na %(datum)s; de bewoners horen dat %(n)d jaar van tevoren "
        "(norm: %(norm)d jaar)."
    ) % {
        "datum": _datum(s.einddatum_gaslevering),
        "n": s.aankondigingstermijn_jaren,
        "norm": NORM_AANKONDIGING_JAREN,
    }
    waarschuwing = termijn_waarschuwing(s.aankondigingstermijn_jaren)
    return Bewijs(f"{tekst} {waarschuwing}".strip(), "besluitvorming-uitvoeringsplan", bron)


def _bewijs_beschikbaarheid(plan: Wijkplan) -> Bewijs:
    from uitwerking.selectors import businesscase, organisatie

    delen = []
    bc = businesscase.huidige_businesscase(plan)
    if bc is None:
        delen.append(_("Er is nog geen businesscase berekend."))
    else:
        delen.append(
            _("Businesscase voor ‘%(alt)s’ berekend op %(datum)s.")
            % {"alt": bc.alternatief_naam, "datum": _datum(bc.berekend_op)}
        )
    governance = organisatie.huidige_governance(plan)
    if governance is not None:
        delen.append(_("Governance: %(m)s.") % {"m": governance.get_model_display()})
    fasen = organisatie.fasen_van(plan)
    if fasen:
        delen.append(
            _("De realisatieplanning heeft %(n)d fase(n), klaar op %(eind)s.")
            % {"n": len(fasen), "eind": _datum(max(f.einddatum for f in fasen))}
        )
    else:
        delen.append(_("Er is nog geen realisatieplanning."))
    return Bewijs(" ".join(delen), "uitwerking-planning", _("Stap 5: businesscase en planning"))


def _bewijs_doenvermogen(plan: Wijkplan) -> Bewijs:
    from participatie.selectors import netwerk
    from wijktoets.selectors import wijktoets

    delen = []
    maatregelen = netwerk.gedragsmaatregelen_van(plan)
    if maatregelen:
        delen.append(
            _("Maatregelen voor bewoners (stap 3): %(m)s.")
            % {"m": ", ".join(f"{m.naam} ({m.get_status_display().lower()})" for m in maatregelen)}
        )
    else:
        delen.append(_("Er zijn nog geen maatregelen voor bewoners vastgelegd (stap 3)."))
    gevolgen = wijktoets.gevolgen_voor_aanpak(plan)
    if gevolgen is not None and gevolgen.doelgroepen_labels:
        delen.append(
            _("Doelgroepen met extra aandacht (wijktoets): %(d)s.")
            % {"d": ", ".join(gevolgen.doelgroepen_labels)}
        )
    return Bewijs(" ".join(delen), "participatie-overzicht", _("Stap 3 en de wijktoets"))


def _bewijs_keuzevrijheid(plan: Wijkplan) -> Bewijs:
    from keuze import selectors as keuze

    k = keuze.huidige_keuze(plan)
    if k is None:
        return Bewijs(
            _("Er is nog geen warmteoplossing gekozen (stap 4)."),
            "keuze-overzicht",
            _("Stap 4: keuze"),
        )
    return Bewijs(
        _(
            "Gekozen warmteoplossing: ‘%(alt)s’ (besluit van %(datum)s). Beschrijf wat een "
            "bewoner kan doen die een ander aardgasvrij alternatief wil."
        )
        % {"alt": k.alternatief_naam, "datum": _datum(k.besluitdatum)},
        "keuze-overzicht",
        _("Stap 4: keuze"),
    )


def participatie_uitkomsten(plans: Sequence[Wijkplan]) -> dict[int, list[str]]:
    """The outcome of step 3's participation conditions, read from the core's gate registry."""
    from wup.workflow import gates

    uit: dict[int, list[str]] = {p.pk: [] for p in plans}
    for conditie in gates.conditions("start_keuze"):
        if conditie.spoor != Spoor.PARTICIPATIE:
            continue
        uitkomsten = conditie.check(list(plans))
        for p in plans:
            o = uitkomsten[p.pk]
            teken = _("voldaan") if o.met else _("niet voldaan")
            uit[p.pk].append(f"{conditie.label} ({teken}): {o.reason}")
    return uit


def _bewijs_participatie(plan: Wijkplan) -> Bewijs:
    regels = participatie_uitkomsten([plan])[plan.pk]
    tekst = " ".join(regels) or _("Er zijn geen voorwaarden voor de participatie geregistreerd.")
    return Bewijs(tekst, "participatie-overzicht", _("Stap 3: participatie"))


def _bewijs_rechtsbescherming(plan: Wijkplan) -> Bewijs:
    return Bewijs(str(RECHTSBESCHERMING_TEKST), None, _("Wgiw en Omgevingswet"))


_BEWIJS = {
    Waarborg.Punt.BETAALBAARHEID: _bewijs_betaalbaarheid,
    Waarborg.Punt.REDELIJKE_TERMIJN: _bewijs_termijn,
    Waarborg.Punt.BESCHIKBAARHEID: _bewijs_beschikbaarheid,
    Waarborg.Punt.DOENVERMOGEN: _bewijs_doenvermogen,
    Waarborg.Punt.KEUZEVRIJHEID: _bewijs_keuzevrijheid,
    Waarborg.Punt.PARTICIPATIE: _bewijs_participatie,
    Waarborg.Punt.RECHTSBESCHERMING: _bewijs_rechtsbescherming,
}


def bewijs(plan: Wijkplan, punt: str) -> Bewijs:
    return _BEWIJS[punt](plan)


def bewijs_van(plan: Wijkplan) -> dict[str, Bewijs]:
    """The evidence of every point (a fixed number of queries, whatever the plan holds)."""
    return {punt: doe(plan) for punt, doe in _BEWIJS.items()}


@dataclass(frozen=True)
class Punt:
    """One point of the checklist: its answer (if any) and the evidence now."""

    punt: str
    label: str
    waarborg: Waarborg | None
    bewijs: Bewijs


def checklist(plan: Wijkplan) -> list[Punt]:
    antwoorden = waarborgen_van(plan)
    nu = bewijs_van(plan)
    return [
        Punt(punt, str(label), antwoorden.get(punt), nu[punt])
        for punt, label in Waarborg.Punt.choices
    ]
