"""Reads of the public participation page and its management: the publication settings, news,
FAQ, events with their free places, and the moderated questions. Every read of a list takes a
fixed number of queries, whatever the number of rows (counts and sums are annotated)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.db.models import Count, IntegerField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participatie.models import (
    Aanmelding,
    Bijeenkomst,
    Inbreng,
    Nieuwsbericht,
    Publicatie,
    VeelgesteldeVraag,
)
from wup import selectors as wup_selectors
from wup.constants import WERKFASEN, Fase
from wup.models import Wijkplan

ACTIEF = Q(aanmeldingen__afgemeld_op__isnull=True, aanmeldingen__geanonimiseerd_op__isnull=True)

#: What each phase means, in plain words for residents.
FASE_UITLEG = {
    Fase.WIJKTOETS: _("We bekijken of de wijk geschikt is om samen van het aardgas af te gaan."),
    Fase.VERKENNING: _(
        "We onderzoeken welke manieren van verwarmen passen bij de wijk, en we praten met "
        "bewoners en bedrijven."
    ),
    Fase.KEUZE: _("We kiezen de beste manier van verwarmen voor de wijk."),
    Fase.UITWERKING: _(
        "We werken de keuze uit: wat het kost, wie wat doet, en hoe we u daarbij helpen."
    ),
    Fase.UITVOERINGSPLAN: _("We schrijven het plan voor de uitvoering."),
    Fase.TER_BESLUITVORMING: _("De gemeenteraad bespreekt het plan en neemt een besluit."),
}


def sleutel_hash(sleutel: str) -> str:
    return hashlib.sha256(sleutel.encode()).hexdigest()


def plan_by_slug(slug: str) -> Wijkplan | None:
    return Wijkplan.objects.select_related("gemeente").filter(slug=slug).first()


def publicatie_van(plan: Wijkplan) -> Publicatie | None:
    return Publicatie.objects.filter(wijkplan=plan).first()


def is_gepubliceerd(plan: Wijkplan) -> bool:
    return Publicatie.objects.filter(wijkplan=plan, gepubliceerd=True).exists()


# --- The phases ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FaseStap:
    fase: Fase
    uitleg: str
    #: "klaar", "huidig", "gepauzeerd" or "later"
    status: str


def _werkfase(plan: Wijkplan) -> Fase | None:
    """The working phase the plan is in (or was in when paused or stopped)."""
    if plan.fase == Fase.GEPAUZEERD:
        return Fase(plan.fase_voor_pauze) if plan.fase_voor_pauze else None
    if plan.fase == Fase.GESTOPT:
        laatste = wup_selectors.wijkplan_historie(plan).filter(naar_fase=Fase.GESTOPT).first()
        return Fase(laatste.van_fase) if laatste else None
    return Fase(plan.fase)


def fasen_van(plan: Wijkplan) -> list[FaseStap]:
    """The working phases and the council's decision, each done, current or still to come."""
    volgorde = (*WERKFASEN, Fase.TER_BESLUITVORMING)
    if plan.fase == Fase.VASTGESTELD:
        return [FaseStap(f, FASE_UITLEG[f], "klaar") for f in volgorde]
    huidig = _werkfase(plan)
    index = volgorde.index(huidig) if huidig in volgorde else -1
    stappen = []
    for i, f in enumerate(volgorde):
        if i < index:
            status = "klaar"
        elif i == index and plan.fase not in (Fase.GESTOPT,):
            status = "gepauzeerd" if plan.fase == Fase.GEPAUZEERD else "huidig"
        else:
            status = "later"
        stappen.append(FaseStap(f, FASE_UITLEG[f], status))
    return stappen


# --- Lists --------------------------------------------------------------------------------------


def _met_bezetting(qs: QuerySet[Bijeenkomst]) -> QuerySet[Bijeenkomst]:
    return qs.annotate(
        bezet=Coalesce(
            Sum("aanmeldingen__aantal_personen", filter=ACTIEF),
            Value(0),
            output_field=IntegerField(),
        ),
        aantal_aanmeldingen=Count("aanmeldingen", filter=ACTIEF),
    )


def plaatsen_over(bijeenkomst: Bijeenkomst) -> int | None:
    """Free places of an annotated event; None when it has no maximum."""
    if bijeenkomst.capaciteit is None:
        return None
    return max(bijeenkomst.capaciteit - bijeenkomst.bezet, 0)  # type: ignore[attr-defined]


def komende_bijeenkomsten(plan: Wijkplan) -> list[Bijeenkomst]:
    """Events that have not ended yet (cancelled ones too, marked), soonest first."""
    nu = timezone.now()
    qs = _met_bezetting(
        Bijeenkomst.objects.filter(wijkplan=plan).filter(
            Q(eindigt_op__gte=nu) | Q(eindigt_op__isnull=True, begint_op__gte=nu)
        )
    )
    return _met_plaatsen(qs)


def bijeenkomsten_van(plan: Wijkplan) -> list[Bijeenkomst]:
    """Every event of the plan with its sign-up counts (management)."""
    return _met_plaatsen(_met_bezetting(Bijeenkomst.objects.filter(wijkplan=plan)))


def _met_plaatsen(qs) -> list[Bijeenkomst]:
    nu = timezone.now()
    lijst = list(qs.order_by("begint_op", "pk"))
    for b in lijst:
        b.plaatsen_over = plaatsen_over(b)
        b.voorbij = b.begint_op <= nu
    return lijst


def bijeenkomst_by_pk(plan: Wijkplan, pk: int) -> Bijeenkomst | None:
    lijst = _met_plaatsen(_met_bezetting(Bijeenkomst.objects.filter(wijkplan=plan, pk=pk)))
    return lijst[0] if lijst else None


def aanmeldingen_van(bijeenkomst: Bijeenkomst) -> QuerySet[Aanmelding]:
    return Aanmelding.objects.filter(bijeenkomst=bijeenkomst).order_by("aangemeld_op", "pk")


def aanmelding_by_sleutel(plan: Wijkplan, sleutel: str) -> Aanmelding | None:
    return (
        Aanmelding.objects.select_related("bijeenkomst")
        .filter(sleutel_hash=sleutel_hash(sleutel), bijeenkomst__wijkplan=plan)
        .first()
    )


def gepubliceerd_nieuws(plan: Wijkplan) -> QuerySet[Nieuwsbericht]:
    return Nieuwsbericht.objects.filter(
        wijkplan=plan, gepubliceerd_op__isnull=False, gepubliceerd_op__lte=timezone.now()
    ).order_by("-gepubliceerd_op", "-pk")


def nieuws_van(plan: Wijkplan) -> QuerySet[Nieuwsbericht]:
    return Nieuwsbericht.objects.filter(wijkplan=plan).order_by("-gepubliceerd_op", "-pk")


def nieuws_by_pk(plan: Wijkplan, pk: int) -> Nieuwsbericht | None:
    return Nieuwsbericht.objects.filter(wijkplan=plan, pk=pk).first()


def faq_van(plan: Wijkplan) -> QuerySet[VeelgesteldeVraag]:
    return VeelgesteldeVraag.objects.filter(wijkplan=plan).order_by("volgorde", "pk")


def faq_by_pk(plan: Wijkplan, pk: int) -> VeelgesteldeVraag | None:
    return VeelgesteldeVraag.objects.filter(wijkplan=plan, pk=pk).first()


def gepubliceerde_inbreng(plan: Wijkplan) -> QuerySet[Inbreng]:
    return Inbreng.objects.filter(wijkplan=plan, status=Inbreng.Status.GEPUBLICEERD).order_by(
        "-ingediend_op", "-pk"
    )


def moderatiewachtrij(plan: Wijkplan) -> QuerySet[Inbreng]:
    """The questions and reactions waiting for moderation, oldest first."""
    return Inbreng.objects.filter(wijkplan=plan, status=Inbreng.Status.NIEUW).order_by(
        "ingediend_op", "pk"
    )


def inbreng_by_pk(plan: Wijkplan, pk: int) -> Inbreng | None:
    return Inbreng.objects.filter(wijkplan=plan, pk=pk).first()


@dataclass(frozen=True)
class Aantallen:
    nieuws: int
    faq: int
    bijeenkomsten: int
    te_modereren: int
    gepubliceerde_inbreng: int


def aantallen(plan: Wijkplan) -> Aantallen:
    """The counts of the management page, in one query per table."""
    inbreng = Inbreng.objects.filter(wijkplan=plan).aggregate(
        nieuw=Count("pk", filter=Q(status=Inbreng.Status.NIEUW)),
        gepubliceerd=Count("pk", filter=Q(status=Inbreng.Status.GEPUBLICEERD)),
    )
    return Aantallen(
        nieuws=Nieuwsbericht.objects.filter(wijkplan=plan).count(),
        faq=VeelgesteldeVraag.objects.filter(wijkplan=plan).count(),
        bijeenkomsten=Bijeenkomst.objects.filter(wijkplan=plan).count(),
        te_modereren=inbreng["nieuw"],
        gepubliceerde_inbreng=inbreng["gepubliceerd"],
    )


# --- The alternatives in plain words -------------------------------------------------------------


@dataclass(frozen=True)
class AlternatiefUitleg:
    naam: str
    schets: str
    #: (what, in words) about the home: heating system, insulation, temperature, source
    kenmerken: list[tuple[str, str]]
    doorgerekend: bool
    verouderd: bool
    #: extra costs per dwelling per year against the gas boiler, as text; "" if unknown
    meerkosten_per_woning: str
    co2_reductie: str


#: The properties of an alternative (as step 2 names them) that tell a household something.
_VOOR_DE_WONING = (
    _("Isolatie"),
    _("In de woning"),
    _("Warmtebron"),
    _("Warmtenet"),
    _("Aanvoertemperatuur in de woning"),
    _("Gas"),
)


def _zonder_code(naam: str, code: str) -> str:
    """The name without the Startanalyse code in front (e.g. "S1a_B_LuchtWP: ...")."""
    if code and naam.startswith(code):
        return naam[len(code) :].lstrip(" :-–") or naam
    return naam


def alternatieven_uitleg(plan: Wijkplan) -> list[AlternatiefUitleg]:
    """The alternatives under study, read through step 2's selectors and its display helpers."""
    from techniek import weergave
    from techniek.selectors.alternatieven import alternatieven_van
    from wup import charts

    voor_de_woning = {str(k) for k in _VOOR_DE_WONING}
    uitleg = []
    for stand in alternatieven_van(plan):
        alt = stand.alternatief
        # Only what a household notices at home; the engine's settings stay on the team's pages.
        kenmerken = [
            (str(k), str(v))
            for k, v in weergave.sjabloon_eigenschappen(alt.sjabloon)
            if str(k) in voor_de_woning
        ]
        meerkosten = co2 = ""
        if stand.doorgerekend and stand.laatste_klaar is not None:
            u = weergave.Uitkomst(
                naam=alt.naam, sjabloon=alt.sjabloon, samenvatting=stand.laatste_klaar.samenvatting
            )
            h18 = weergave.waarde(u, "nk.H18_Nat_meerkost_WEQ")
            meerkosten = "" if h18 is None else charts.met_eenheid(h18, "euro")
            reductie = weergave.waarde(u, "co2_reductie_pct")
            co2 = "" if reductie is None else charts.met_eenheid(reductie, "%")
        uitleg.append(
            AlternatiefUitleg(
                naam=_zonder_code(alt.naam, alt.sjabloon),
                schets=alt.schets,
                kenmerken=kenmerken,
                doorgerekend=stand.doorgerekend,
                verouderd=stand.verouderd,
                meerkosten_per_woning=meerkosten,
                co2_reductie=co2,
            )
        )
    return uitleg
