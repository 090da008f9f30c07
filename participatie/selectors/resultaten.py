"""Reads of the results of consultations, each in a fixed number of queries.

The figures come from :mod:`participatie.resultaten`; this module only fetches the rows
(``values()`` lists, never addresses, e-mail addresses or codes) and labels the outcome.

Public read for step 4: :func:`steunscores` (support per alternative, from the plan's most
recently closed consultation about the alternatives). Open answers are read only by
:func:`open_antwoorden`, for the projectleider's page: they never go into public output, the API,
an export or the plan document (they may contain personal data).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from participatie import resultaten as r
from participatie.models import (
    Afwijking,
    Antwoord,
    Raadpleging,
    Respons,
    Responscode,
    Vraag,
)
from participatie.selectors import raadplegingen as raadpleging_selectors
from wup import charts
from wup.models import Buurt, Wijkplan

ALTERNATIEF_SOORTEN = (Vraag.Soort.VOORKEUR, Vraag.Soort.RANGORDE)
GROEPEN = [g.value for g in Respons.Groep]
GROEP_LABELS = dict(Respons.Groep.choices)
LIKERT_LABELS = {
    1: gettext_lazy("Helemaal oneens"),
    2: gettext_lazy("Oneens"),
    3: gettext_lazy("Neutraal"),
    4: gettext_lazy("Eens"),
    5: gettext_lazy("Helemaal eens"),
}


def _gesloten(nu: datetime | None = None) -> Q:
    return Q(vrijgegeven_op__isnull=False, sluit_op__lte=nu or timezone.now())


def vragen_per_raadpleging(raadplegingen: Sequence[Raadpleging]) -> dict[int, list[Vraag]]:
    """The questions of these consultations, in order (one query)."""
    uitkomst: dict[int, list[Vraag]] = {r_.pk: [] for r_ in raadplegingen}
    for vraag in Vraag.objects.filter(raadpleging__in=[r_.pk for r_ in raadplegingen]):
        uitkomst[vraag.raadpleging_id].append(vraag)
    return uitkomst


def is_gesloten(raadpleging: Raadpleging) -> bool:
    return raadpleging.stand() == Raadpleging.Stand.GESLOTEN


# --- Frames ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Frames:
    responsen: pd.DataFrame
    antwoorden: pd.DataFrame
    vragen: pd.DataFrame
    #: Codes issued per buurt id (codes route); empty for the e-mail route.
    noemers: dict


def _vragen_frame(rijen: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(
        [{**v, "vraag_id": v.pop("pk")} for v in rijen],
        columns=["vraag_id", "soort", "tekst", "meerdere", "opties", "raadpleging_id"],
    )


def _ingevuld(waarde) -> bool:
    return isinstance(waarde, str) and bool(waarde.strip())


def frames(raadpleging: Raadpleging) -> Frames:
    """The rows of one consultation as tables (four queries; of an open answer only whether
    there is one)."""
    return frames_many([raadpleging])[raadpleging.pk]


def frames_many(raadplegingen: Sequence[Raadpleging]) -> dict[int, Frames]:
    """The frames of several consultations at once, per consultation id: four queries in all,
    however many consultations (the plan document shows every closed one)."""
    ids = [rp.pk for rp in raadplegingen]
    vragen_per: dict[int, list[dict]] = {pk: [] for pk in ids}
    for v in Vraag.objects.filter(raadpleging_id__in=ids).values(
        "pk", "soort", "tekst", "meerdere", "opties", "raadpleging_id"
    ):
        vragen_per[v["raadpleging_id"]].append(v)
    open_vragen = {
        v["pk"] for rijen in vragen_per.values() for v in rijen if v["soort"] == Vraag.Soort.OPEN
    }
    responsen_per: dict[int, list[tuple]] = {pk: [] for pk in ids}
    for raadpleging_id, *rij in (
        Respons.objects.filter(raadpleging_id__in=ids)
        .order_by("pk")
        .values_list("raadpleging_id", "pk", "buurt_id", "groep")
    ):
        responsen_per[raadpleging_id].append(tuple(rij))
    # An open answer only counts: its text is replaced by whether there is one.
    antwoorden_per: dict[int, list[tuple]] = {pk: [] for pk in ids}
    for raadpleging_id, respons, vraag, waarde in Antwoord.objects.filter(
        respons__raadpleging_id__in=ids
    ).values_list("respons__raadpleging_id", "respons_id", "vraag_id", "waarde"):
        antwoorden_per[raadpleging_id].append(
            (respons, vraag, _ingevuld(waarde) if vraag in open_vragen else waarde)
        )
    met_codes = [rp.pk for rp in raadplegingen if rp.deelname == Raadpleging.Deelname.CODES]
    noemers_per: dict[int, dict] = {pk: {} for pk in ids}
    if met_codes:
        for raadpleging_id, buurt_id, n in (
            Responscode.objects.filter(raadpleging_id__in=met_codes, ingetrokken_op__isnull=True)
            .values_list("raadpleging_id", "buurt_id")
            .annotate(n=Count("pk"))
            .order_by()
        ):
            noemers_per[raadpleging_id][buurt_id] = n
    return {
        pk: Frames(
            pd.DataFrame(responsen_per[pk], columns=r.RESPONS_KOLOMMEN),
            pd.DataFrame(antwoorden_per[pk], columns=r.ANTWOORD_KOLOMMEN),
            _vragen_frame(vragen_per[pk]),
            noemers_per[pk],
        )
        for pk in ids
    }


# --- The result of one consultation --------------------------------------------------------------


@dataclass
class VraagWeergave:
    vraag_id: int
    soort: str
    soort_label: str
    tekst: str
    aantal: int
    #: Rows of the distribution: dicts with ``label`` and the figures of the kind of question.
    rijen: list[dict] = field(default_factory=list)
    gemiddelde: float | None = None
    weet_niet: int | None = None
    #: Preference × group: ``kolommen`` (option labels) and ``rijen`` ((group label, counts)).
    kruistabel: dict | None = None
    grafiek: charts.Grafiek | None = None
    #: Open questions only, and only set for the projectleider's own page.
    open_antwoorden: list[str] | None = None


@dataclass
class Uitslag:
    raadpleging: Raadpleging
    gesloten: bool
    aantal_responsen: int
    #: "codes": rates against codes issued; "" for the e-mail route (counts only).
    noemer_soort: str
    noemer: int | None
    percentage: float | None
    per_buurt: list[dict]
    per_groep: list[dict]
    vragen: list[VraagWeergave]
    steun: dict[int, r.SteunUitkomst]
    frames: Frames


def _rijen(frame: pd.DataFrame) -> list[dict]:
    return [
        {k: (None if isinstance(v, float) and pd.isna(v) else v) for k, v in rij.items()}
        for rij in frame.to_dict("records")
    ]


def _label_geen_voorkeur(rijen: list[dict]) -> list[dict]:
    for rij in rijen:
        if rij["sleutel"] == r.GEEN_VOORKEUR:
            rij["label"] = _("Geen voorkeur of geen antwoord")
    return rijen


#: Per kind of question: the figure drawn, the table's first column, the caption, decimals.
GRAFIEK_PER_SOORT = {
    Vraag.Soort.VOORKEUR: (
        "aantal",
        gettext_lazy("Antwoord"),
        gettext_lazy("Aantal huishoudens per antwoord."),
        0,
    ),
    Vraag.Soort.MEERKEUZE: (
        "aantal",
        gettext_lazy("Antwoord"),
        gettext_lazy("Aantal huishoudens per antwoord."),
        0,
    ),
    Vraag.Soort.RANGORDE: (
        "borda",
        gettext_lazy("Alternatief"),
        gettext_lazy(
            "Bordascore: 100 als iedereen dit op de eerste plaats zet, 0 als niemand het "
            "noemt of iedereen het als laatste noemt."
        ),
        1,
    ),
    Vraag.Soort.LIKERT: (
        "aantal",
        gettext_lazy("Antwoord"),
        gettext_lazy("Aantal huishoudens per antwoord; ‘weet ik niet’ staat er apart bij."),
        0,
    ),
}


def _grafiek(vraag: VraagWeergave, raadpleging_id: int) -> charts.Grafiek | None:
    if vraag.soort not in GRAFIEK_PER_SOORT:
        return None  # open questions: only a count
    veld, kolomkop, toelichting, decimalen = GRAFIEK_PER_SOORT[vraag.soort]
    return charts.staafdiagram(
        vraag.tekst,
        [rij["label"] for rij in vraag.rijen],
        [rij[veld] for rij in vraag.rijen],
        kolomkop=str(kolomkop),
        toelichting=str(toelichting),
        decimalen=decimalen,
        id=f"raadpleging-{raadpleging_id}-vraag-{vraag.vraag_id}",
    )


def _weergave(uitkomst: r.VraagUitslag, opties: list[dict], raadpleging_id: int) -> VraagWeergave:
    weergave = VraagWeergave(
        vraag_id=uitkomst.vraag_id,
        soort=uitkomst.soort,
        soort_label=str(Vraag.Soort(uitkomst.soort).label),
        tekst=uitkomst.tekst,
        aantal=uitkomst.aantal,
    )
    if uitkomst.verdeling is not None:
        weergave.rijen = _rijen(uitkomst.verdeling)
        if uitkomst.soort == Vraag.Soort.VOORKEUR:
            _label_geen_voorkeur(weergave.rijen)
    if uitkomst.likert is not None:
        weergave.rijen = [
            {**rij, "label": str(LIKERT_LABELS[rij["score"]])}
            for rij in _rijen(uitkomst.likert.verdeling)
        ]
        weergave.gemiddelde = uitkomst.likert.gemiddelde
        weergave.weet_niet = uitkomst.likert.weet_niet
    if uitkomst.kruistabel is not None:
        labels = [o["label"] for o in opties] + [_("Geen voorkeur")]
        weergave.kruistabel = {
            "kolommen": labels,
            "rijen": [
                (GROEP_LABELS.get(groep, groep), [int(n) for n in rij])
                for groep, rij in zip(
                    uitkomst.kruistabel.index, uitkomst.kruistabel.values.tolist(), strict=True
                )
            ],
        }
    weergave.grafiek = _grafiek(weergave, raadpleging_id)
    return weergave


def uitslag(raadpleging: Raadpleging) -> Uitslag:
    """Everything the pages, the API and the plan document show of one consultation."""
    return uitslagen([raadpleging])[0]


def uitslagen(raadplegingen: Sequence[Raadpleging]) -> list[Uitslag]:
    """The results of several consultations, in their order, with a fixed number of queries."""
    raadplegingen = list(raadplegingen)
    alle_frames = frames_many(raadplegingen)
    per_buurt = {
        rp.pk: r.respons_per_buurt(alle_frames[rp.pk].responsen, alle_frames[rp.pk].noemers)
        for rp in raadplegingen
    }
    buurt_ids = {b for pb in per_buurt.values() for b in pb["buurt"] if b is not None}
    namen = dict(Buurt.objects.filter(pk__in=buurt_ids).values_list("pk", "naam"))
    return [_uitslag(rp, alle_frames[rp.pk], per_buurt[rp.pk], namen) for rp in raadplegingen]


def _uitslag(
    raadpleging: Raadpleging, f: Frames, per_buurt: pd.DataFrame, namen: dict[int, str]
) -> Uitslag:
    totaal = len(f.responsen)
    buurten = [
        {**rij, "naam": namen.get(rij["buurt"], _("Buurt onbekend"))} for rij in _rijen(per_buurt)
    ]
    groepen = [
        {**rij, "label": GROEP_LABELS[rij["groep"]]}
        for rij in _rijen(r.respons_per_groep(f.responsen, GROEPEN))
    ]
    opties = {v["vraag_id"]: v["opties"] or [] for v in f.vragen.to_dict("records")}
    vragen = [
        _weergave(u, opties[u.vraag_id], raadpleging.pk)
        for u in r.vraag_uitslagen(f.responsen, f.antwoorden, f.vragen, GROEPEN)
    ]
    noemer = sum(f.noemers.values()) if f.noemers else None
    return Uitslag(
        raadpleging=raadpleging,
        gesloten=is_gesloten(raadpleging),
        aantal_responsen=totaal,
        noemer_soort="codes" if raadpleging.deelname == Raadpleging.Deelname.CODES else "",
        noemer=noemer,
        percentage=r.aandeel(totaal, noemer) if noemer else None,
        per_buurt=buurten,
        per_groep=groepen,
        vragen=vragen,
        steun=r.steunscores(f.responsen, f.antwoorden, f.vragen),
        frames=f,
    )


def open_antwoorden(raadpleging: Raadpleging) -> dict[int, list[str]]:
    """The open answers per question, for the projectleider's page only (one query)."""
    uitkomst: dict[int, list[str]] = {}
    for vraag_id, waarde in Antwoord.objects.filter(
        respons__raadpleging=raadpleging, vraag__soort=Vraag.Soort.OPEN
    ).values_list("vraag_id", "waarde"):
        if _ingevuld(waarde):
            uitkomst.setdefault(vraag_id, []).append(waarde.strip())
    return uitkomst


# --- Support per alternative (read by step 4) ----------------------------------------------------


@dataclass(frozen=True)
class Steun:
    """The support for one alternative of step 2 (see :mod:`participatie.resultaten`)."""

    alternatief_id: int
    #: 0–100, or ``None`` when the consultation had fewer than ``MIN_RESPONSEN`` responses.
    score: float | None
    aantal_responsen: int
    #: "voorkeur" (share of first preferences) or "rangorde" (Borda score).
    grondslag: str
    raadpleging_id: int
    raadpleging_titel: str
    gesloten_op: datetime


def steunraadpleging(plan: Wijkplan) -> Raadpleging | None:
    """The most recently closed consultation with a preference or ranking question about the
    alternatives (two queries)."""
    kandidaten = raadpleging_selectors.gesloten_raadplegingen(plan)
    vragen = _vragen_frame(
        list(
            Vraag.objects.filter(
                raadpleging__in=[k.pk for k in kandidaten], soort__in=ALTERNATIEF_SOORTEN
            ).values("pk", "soort", "tekst", "meerdere", "opties", "raadpleging_id")
        )
    )
    for kandidaat in kandidaten:
        if r.steunvraag(vragen[vragen["raadpleging_id"] == kandidaat.pk]) is not None:
            return kandidaat
    return None


def steunscores(plan: Wijkplan) -> dict[int, Steun]:
    """Support per alternative id from :func:`steunraadpleging`; empty when there is none.

    The public read for step 4. A fixed number of queries (at most six).
    """
    raadpleging = steunraadpleging(plan)
    if raadpleging is None:
        return {}
    f = frames(raadpleging)
    return {
        int(alternatief): Steun(
            alternatief_id=int(alternatief),
            score=s.score,
            aantal_responsen=s.aantal_responsen,
            grondslag=s.grondslag,
            raadpleging_id=raadpleging.pk,
            raadpleging_titel=raadpleging.titel,
            gesloten_op=raadpleging.sluit_op,
        )
        for alternatief, s in r.steunscores(f.responsen, f.antwoorden, f.vragen).items()
    }


# --- For the gate: many plans at once ------------------------------------------------------------


def _aantal(qs, veld: str = "raadpleging") -> Subquery:
    return Coalesce(
        Subquery(
            qs.filter(**{veld: OuterRef("pk")})
            .order_by()
            .values(veld)
            .annotate(n=Count("pk"))
            .values("n"),
            output_field=IntegerField(),
        ),
        Value(0),
    )


def gesloten_over_alternatieven_many(plans: Sequence[Wijkplan]) -> dict[int, list[Raadpleging]]:
    """Per plan its closed consultations with a preference or ranking question, newest first,
    each with ``aantal_responsen`` and ``aantal_codes`` (codes issued, not withdrawn); one
    query for any number of plans."""
    qs = (
        Raadpleging.objects.filter(
            _gesloten(),
            wijkplan__in=[p.pk for p in plans],
            pk__in=Vraag.objects.filter(soort__in=ALTERNATIEF_SOORTEN).values("raadpleging"),
        )
        .annotate(
            aantal_responsen=_aantal(Respons.objects.all()),
            aantal_codes=_aantal(Responscode.objects.filter(ingetrokken_op__isnull=True)),
        )
        .order_by("-sluit_op", "-pk")
    )
    uitkomst: dict[int, list[Raadpleging]] = {p.pk: [] for p in plans}
    for raadpleging in qs:
        uitkomst[raadpleging.wijkplan_id].append(raadpleging)
    return uitkomst


# --- The deviation from the condition ------------------------------------------------------------


def afwijkingen_van(plan: Wijkplan) -> list[Afwijking]:
    """Every recorded row, newest first, with who recorded it (one query)."""
    return list(Afwijking.objects.filter(wijkplan=plan).select_related("door"))


def huidige_afwijking_many(plans: Sequence[Wijkplan]) -> dict[int, Afwijking]:
    """Per plan its current deviation: the newest row, when not withdrawn (one query)."""
    nieuwste: dict[int, Afwijking] = {}
    for rij in Afwijking.objects.filter(wijkplan__in=[p.pk for p in plans]).order_by(
        "wijkplan_id", "-op", "-pk"
    ):
        nieuwste.setdefault(rij.wijkplan_id, rij)
    return {pk: rij for pk, rij in nieuwste.items() if not rij.ingetrokken}


def huidige_afwijking(plan: Wijkplan) -> Afwijking | None:
    return huidige_afwijking_many([plan]).get(plan.pk)


@dataclass(frozen=True)
class SteunRegel:
    """One line of the support table of a page: the alternative by name."""

    naam: str
    steun: Steun


def steun_weergave(plan: Wijkplan) -> list[SteunRegel]:
    """:func:`steunscores` with the alternatives' names, highest score first."""
    from techniek.selectors.alternatieven import alternatieven_van

    scores = steunscores(plan)
    if not scores:
        return []
    namen = {s.alternatief.pk: s.alternatief.naam for s in alternatieven_van(plan)}
    regels = [
        SteunRegel(namen.get(pk, _("Alternatief %(id)d (vervallen)") % {"id": pk}), steun)
        for pk, steun in scores.items()
    ]
    return sorted(regels, key=lambda r_: (-(r_.steun.score or 0), r_.naam))


def contacten_per_soort(plan: Wijkplan) -> list[tuple[str, int]]:
    """How many contacts of each kind were logged, by label (one query)."""
    from participatie.models import Contactmoment

    aantallen = dict(
        Contactmoment.objects.filter(wijkplan=plan)
        .values_list("soort")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [
        (str(label), aantallen[s]) for s, label in Contactmoment.Soort.choices if s in aantallen
    ]


# --- Export ------------------------------------------------------------------------------------


EXPORT_KOLOMMEN = [
    "tabel",
    "vraag",
    "antwoord",
    "aantal",
    "noemer",
    "percentage",
    "gemiddelde_positie",
    "borda",
]


def export_tabel(uitslag_: Uitslag) -> pd.DataFrame:
    """Every figure of a result in one long table (no open answers, no personal data)."""
    rijen = []

    def rij(tabel, vraag="", antwoord="", **cijfers):
        rijen.append({"tabel": tabel, "vraag": vraag, "antwoord": antwoord, **cijfers})

    for b in uitslag_.per_buurt:
        rij(
            _("Respons per buurt"),
            antwoord=b["naam"],
            aantal=b["responsen"],
            noemer=b["noemer"],
            percentage=b["percentage"],
        )
    for g in uitslag_.per_groep:
        rij(
            _("Respons per woonsituatie"),
            antwoord=g["label"],
            aantal=g["responsen"],
            noemer=uitslag_.aantal_responsen,
            percentage=g["aandeel"],
        )
    for v in uitslag_.vragen:
        for a in v.rijen:
            rij(
                _("Antwoorden"),
                vraag=v.tekst,
                antwoord=a["label"],
                aantal=a.get("aantal", a.get("eerste_keus")),
                percentage=a.get("aandeel"),
                gemiddelde_positie=a.get("gemiddelde_positie"),
                borda=a.get("borda"),
            )
        if v.weet_niet is not None:
            rij(_("Antwoorden"), vraag=v.tekst, antwoord=_("Weet ik niet"), aantal=v.weet_niet)
        if v.soort == Vraag.Soort.OPEN:
            rij(_("Antwoorden"), vraag=v.tekst, antwoord=_("(open antwoorden)"), aantal=v.aantal)
        if v.kruistabel:
            for groep, cellen in v.kruistabel["rijen"]:
                for kolom, n in zip(v.kruistabel["kolommen"], cellen, strict=True):
                    rij(
                        _("Voorkeur per woonsituatie"),
                        vraag=v.tekst,
                        antwoord=f"{groep}: {kolom}",
                        aantal=n,
                    )
    return pd.DataFrame(rijen, columns=EXPORT_KOLOMMEN)
