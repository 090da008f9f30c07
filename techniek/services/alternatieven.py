"""Writes of the alternatives of a plan: the building stock, the alternatives and their
technical sketch, and the calculations (queued as a Celery task, reused by input hash).

Only the plan's projectleider writes, and never in a frozen plan. Bad input raises a
``ValidationError`` with a Dutch message saying what and where; an engine refusal is stored on
the calculation (status ``fout``) so the user reads why.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
from collections.abc import Mapping

import numpy as np
import pandas as pd
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from techniek.engine import (
    STANDAARD_ALTERNATIEVEN,
    CbsSchatting,
    InvoerFout,
    Parameters,
    bereken,
    parameter_definities,
    voorraad_uit_cbs,
    voorraad_uit_tabel,
)
from techniek.models import Alternatief, Berekening, Gebouwvoorraad, Parameterset
from techniek.selectors.parameters import (
    Rekentabellen,
    huidige_parameterset,
    parameterwaarden,
    rekentabellen,
)
from wijktoets.selectors.kerncijfers import kerncijfers_frame
from wup.bestanden import BestandFout, decodeer, scheidingsteken
from wup.models import Wijkplan
from wup.schrijven import schrijfbaar

SJABLONEN = {a.code: a for a in STANDAARD_ALTERNATIEVEN}
#: Largest stock file accepted (bytes); the upload view limits the request with this.
MAX_BESTAND = 5 * 1024 * 1024
WEERJAAR = 2021
#: A winter week for the chart: 11-17 January of the weather year (hours from 1 January 00:00).
WINTERWEEK = (10 * 24, 17 * 24)
PUNTEN_DUURKROMME = 100


# --- Access -------------------------------------------------------------------------------------


def _schrijfbaar(plan: Wijkplan, user: AbstractBaseUser) -> Wijkplan:
    """The plan, locked, if this user may write it; else a clear refusal."""
    return schrijfbaar(
        plan,
        user,
        niet_toegestaan=_("Alleen de projectleider van dit plan kan de alternatieven wijzigen."),
    )


def _problemen_tekst(fout: InvoerFout) -> str:
    return "; ".join(str(p) for p in fout.problemen)


# --- Building stock -------------------------------------------------------------------------------


def _records(frame: pd.DataFrame) -> list[dict]:
    return [
        {k: (float(v) if isinstance(v, int | float | np.number) else v) for k, v in rij.items()}
        for rij in frame.to_dict("records")
    ]


def _hash(data: object) -> str:
    tekst = json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(tekst.encode()).hexdigest()


def _opslaan(plan, user, voorraad, bron: str, bestandsnaam: str = "") -> Gebouwvoorraad:
    woningen, utiliteit = voorraad.naar_tabellen()
    w, u = _records(woningen), _records(utiliteit)
    obj, _nieuw = Gebouwvoorraad.objects.update_or_create(
        wijkplan=plan,
        defaults={
            "bron": bron,
            "woningen": w,
            "utiliteit": u,
            "toelichting": list(voorraad.toelichting),
            "bestandsnaam": bestandsnaam,
            "invoer_hash": Gebouwvoorraad.hash_van(w, u),
            "gewijzigd_door": user,
        },
    )
    return obj


def _laatste(frame: pd.DataFrame, kolom: str) -> dict[str, float]:
    """Per buurt the newest year's value of ``kolom`` that is present."""
    rijen = frame.dropna(subset=[kolom]).sort_values("jaar")
    return dict(rijen.groupby("code")[kolom].last())


def cbs_schatting_voor(plan: Wijkplan, gemiddelde_oppervlakte: float) -> CbsSchatting:
    """The CBS figures of the plan's buurten (newest year each): dwellings, share of
    multi-family dwellings and share built before 2000, weighted by dwellings."""
    buurten = list(plan.buurten.all())
    if not buurten:
        raise ValidationError(_("Het plan omvat nog geen buurt; kies eerst de buurten."))
    codes = [b.code for b in buurten]
    frame = kerncijfers_frame(codes)
    woningen = _laatste(frame, "woningvoorraad") if len(frame) else {}
    ontbrekend = [c for c in codes if c not in woningen]
    if ontbrekend:
        raise ValidationError(
            _(
                "Er zijn geen CBS-cijfers over het aantal woningen van buurt %(codes)s. Laad de "
                "CBS Kerncijfers voor deze buurten (stap 1) of upload een tabel met de "
                "gebouwvoorraad."
            )
            % {"codes": ", ".join(ontbrekend)}
        )
    totaal = sum(woningen.values())

    def gewogen(kolom: str) -> float | None:
        waarden = _laatste(frame, kolom)
        if any(c not in waarden for c in codes) or totaal <= 0:
            return None
        return sum(waarden[c] / 100.0 * woningen[c] for c in codes) / totaal

    return CbsSchatting(
        aantal_woningen=float(totaal),
        gemiddelde_oppervlakte=float(gemiddelde_oppervlakte),
        aandeel_meergezins=gewogen("meergezinswoning_pct"),
        aandeel_voor_2000=gewogen("bouwjaar_voor_2000_pct"),
    )


def _oppervlakte(waarde) -> float:
    try:
        opp = float(str(waarde).replace(",", "."))
    except (TypeError, ValueError):
        opp = math.nan
    if not math.isfinite(opp) or opp <= 0 or opp > 10000:
        raise ValidationError(
            {
                "gemiddelde_oppervlakte": _(
                    "Geef de gemiddelde gebruiksoppervlakte per woning in m² (een getal groter "
                    "dan 0). CBS publiceert die niet per buurt."
                )
            }
        )
    return opp


def gebouwvoorraad_uit_cbs(
    *, wijkplan: Wijkplan, user: AbstractBaseUser, gemiddelde_oppervlakte
) -> Gebouwvoorraad:
    """Estimate the stock from the CBS figures of the plan's buurten with PBL's default labels.

    CBS gives no floor area per buurt, so the user states the average floor area."""
    opp = _oppervlakte(gemiddelde_oppervlakte)
    with transaction.atomic():
        plan = _schrijfbaar(wijkplan, user)
        schatting = cbs_schatting_voor(plan, opp)
        try:
            voorraad = voorraad_uit_cbs(schatting)
        except InvoerFout as e:
            raise ValidationError(
                _("De CBS-cijfers geven geen bruikbare voorraad: %(p)s")
                % {"p": _problemen_tekst(e)}
            ) from e
        return _opslaan(plan, user, voorraad, Gebouwvoorraad.Bron.CBS)


def _tabel_uit_bestand(data: bytes, bestandsnaam: str) -> dict[str, pd.DataFrame]:
    """The sheets ``woningen`` and (optional) ``utiliteit`` of an Excel file, or a CSV with
    dwellings (a column ``functie`` instead of ``type`` makes it non-residential)."""
    naam = bestandsnaam.lower()
    if naam.endswith((".xlsx", ".xlsm")):
        try:
            bladen = pd.read_excel(io.BytesIO(data), sheet_name=None, dtype=object)
        except Exception as e:  # any unreadable workbook is a problem of the user's file
            raise BestandFout(_("Het Excel-bestand kan niet worden gelezen.")) from e
        bladen = {k.strip().lower(): v for k, v in bladen.items()}
        woningen = bladen.get("woningen", next(iter(bladen.values()), None))
        if woningen is None:
            raise BestandFout(_("Het Excel-bestand heeft geen blad 'woningen'."))
        return {"woningen": woningen, "utiliteit": bladen.get("utiliteit")}
    if not naam.endswith((".csv", ".txt")):
        raise BestandFout(_("Upload een CSV- of Excel-bestand (.csv of .xlsx)."))
    tekst, _codering = decodeer(data)
    if not tekst.strip():
        raise BestandFout(_("Het bestand is leeg."))
    frame = pd.read_csv(
        io.StringIO(tekst), sep=scheidingsteken(tekst), dtype=object, keep_default_na=False
    )
    frame.columns = [str(k).strip().lower() for k in frame.columns]
    for kolom in ("aantal", "oppervlakte"):
        if kolom in frame:
            frame[kolom] = frame[kolom].str.replace(",", ".", regex=False)
    if "functie" in frame.columns and "type" not in frame.columns:
        return {"woningen": frame.iloc[0:0], "utiliteit": frame}
    return {"woningen": frame, "utiliteit": None}


def gebouwvoorraad_uit_tabel(
    *,
    wijkplan: Wijkplan,
    user: AbstractBaseUser,
    woningen: pd.DataFrame,
    utiliteit: pd.DataFrame | None = None,
    bron: str = Gebouwvoorraad.Bron.HANDMATIG,
    bestandsnaam: str = "",
) -> Gebouwvoorraad:
    """Store a stock given as tables (an upload or the user's edits)."""
    with transaction.atomic():
        plan = _schrijfbaar(wijkplan, user)
        try:
            voorraad = voorraad_uit_tabel(woningen, utiliteit)
        except InvoerFout as e:
            raise ValidationError(
                _("De gebouwvoorraad klopt niet: %(p)s") % {"p": _problemen_tekst(e)}
            ) from e
        return _opslaan(plan, user, voorraad, bron, bestandsnaam)


def gebouwvoorraad_uit_bestand(
    *, wijkplan: Wijkplan, user: AbstractBaseUser, bestand, bestandsnaam: str
) -> Gebouwvoorraad:
    """Store the stock of an uploaded CSV or Excel table (columns as ``voorraad_uit_tabel``)."""
    data = bestand.read(MAX_BESTAND + 1)
    if len(data) > MAX_BESTAND:
        raise ValidationError(_("Het bestand is groter dan 5 MB."))
    try:
        tabellen = _tabel_uit_bestand(data, bestandsnaam)
    except BestandFout as e:
        raise ValidationError(e.samenvatting) from e
    except (ValueError, pd.errors.ParserError) as e:
        raise ValidationError(_("Het bestand kan niet als tabel worden gelezen.")) from e
    return gebouwvoorraad_uit_tabel(
        wijkplan=wijkplan,
        user=user,
        woningen=tabellen["woningen"],
        utiliteit=tabellen["utiliteit"],
        bron=Gebouwvoorraad.Bron.TABEL,
        bestandsnaam=bestandsnaam[:255],
    )


# --- Alternatives ---------------------------------------------------------------------------------


def _eigen_parameters(parameters: Mapping[str, object] | None) -> dict[str, float]:
    if not parameters:
        return {}
    bekend = {d.naam: d for d in parameter_definities()}
    fouten = []
    schoon: dict[str, float] = {}
    for naam, waarde in parameters.items():
        if naam not in bekend:
            fouten.append(_("onbekende parameter '%(n)s'") % {"n": naam})
            continue
        try:
            getal = float(waarde)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            getal = math.nan
        if not math.isfinite(getal):
            fouten.append(_("parameter %(n)s: '%(w)s' is geen getal") % {"n": naam, "w": waarde})
            continue
        schoon[naam] = getal
    if fouten:
        raise ValidationError({"parameters": "; ".join(fouten)})
    return schoon


def _motor_alternatief(alt: Alternatief):
    sjabloon = SJABLONEN[alt.sjabloon]
    if alt.parameters:
        return sjabloon.variant(parameters=alt.parameters, naam=alt.naam)
    return sjabloon


def alternatief_toevoegen(
    *,
    wijkplan: Wijkplan,
    user: AbstractBaseUser,
    sjabloon: str,
    naam: str = "",
    parameters: Mapping[str, object] | None = None,
    schets: str = "",
) -> Alternatief:
    """Add a standard alternative, or a variant of one with its own parameter values."""
    if sjabloon not in SJABLONEN:
        raise ValidationError(
            {
                "sjabloon": _("Onbekend alternatief '%(c)s'; kies uit %(k)s.")
                % {"c": sjabloon, "k": ", ".join(SJABLONEN)}
            }
        )
    eigen = _eigen_parameters(parameters)
    naam = (naam or "").strip() or (f"{sjabloon} {SJABLONEN[sjabloon].naam}" if not eigen else "")
    if not naam:
        raise ValidationError({"naam": _("Geef de variant een naam.")})
    with transaction.atomic():
        plan = _schrijfbaar(wijkplan, user)
        if Alternatief.objects.filter(wijkplan=plan, naam=naam).exists():
            raise ValidationError(
                {"naam": _("Er is al een alternatief met de naam '%(n)s'.") % {"n": naam}}
            )
        alt = Alternatief(
            wijkplan=plan,
            sjabloon=sjabloon,
            naam=naam[:200],
            parameters=eigen,
            schets=schets.strip(),
            aangemaakt_door=user,
            gewijzigd_door=user,
        )
        try:
            _motor_alternatief(alt)
        except InvoerFout as e:
            raise ValidationError({"parameters": _problemen_tekst(e)}) from e
        alt.save()
        return alt


def standaard_alternatieven_toevoegen(
    *, wijkplan: Wijkplan, user: AbstractBaseUser
) -> list[Alternatief]:
    """Add every standard alternative the plan does not have yet."""
    with transaction.atomic():
        plan = _schrijfbaar(wijkplan, user)
        aanwezig = set(
            Alternatief.objects.filter(wijkplan=plan, parameters={}).values_list(
                "sjabloon", flat=True
            )
        )
        namen = set(Alternatief.objects.filter(wijkplan=plan).values_list("naam", flat=True))
        nieuw = [
            Alternatief(
                wijkplan=plan,
                sjabloon=a.code,
                naam=f"{a.code} {a.naam}"[:200],
                aangemaakt_door=user,
                gewijzigd_door=user,
            )
            for a in STANDAARD_ALTERNATIEVEN
            if a.code not in aanwezig and f"{a.code} {a.naam}"[:200] not in namen
        ]
        return Alternatief.objects.bulk_create(nieuw)


def alternatief_wijzigen(
    *,
    alternatief: Alternatief,
    user: AbstractBaseUser,
    naam: str | None = None,
    schets: str | None = None,
) -> Alternatief:
    """Change the name or the technical sketch (in words) of an alternative."""
    with transaction.atomic():
        _schrijfbaar(alternatief.wijkplan, user)
        alt = Alternatief.objects.select_for_update().get(pk=alternatief.pk)
        if naam is not None:
            naam = naam.strip()
            if not naam:
                raise ValidationError({"naam": _("De naam mag niet leeg zijn.")})
            if (
                Alternatief.objects.filter(wijkplan_id=alt.wijkplan_id, naam=naam)
                .exclude(pk=alt.pk)
                .exists()
            ):
                raise ValidationError(
                    {"naam": _("Er is al een alternatief met de naam '%(n)s'.") % {"n": naam}}
                )
            alt.naam = naam[:200]
        if schets is not None:
            alt.schets = schets.strip()
        alt.gewijzigd_door = user
        alt.save()
        return alt


# --- Calculation ----------------------------------------------------------------------------------


def invoer_hash(
    voorraad: Gebouwvoorraad, alt: Alternatief, parameterset: Parameterset | None
) -> str:
    """Same stock, same alternative definition and same parameter-set version: same hash."""
    return _hash(
        {
            "voorraad": voorraad.invoer_hash,
            "sjabloon": alt.sjabloon,
            "parameters": alt.parameters,
            "parameterset": parameterset.pk if parameterset else None,
            "weerjaar": WEERJAAR,
        }
    )


def berekening_starten(*, alternatief: Alternatief, user: AbstractBaseUser) -> Berekening:
    """Queue a calculation with the current parameter set; an existing calculation with the
    same input (done, queued or running) is returned instead of computing again."""
    from techniek.tasks import bereken_alternatief

    with transaction.atomic():
        plan = _schrijfbaar(alternatief.wijkplan, user)
        voorraad = Gebouwvoorraad.objects.filter(wijkplan=plan).first()
        if voorraad is None:
            raise ValidationError(
                _("Leg eerst de gebouwvoorraad van het plan vast (uit CBS-cijfers of een tabel).")
            )
        alt = Alternatief.objects.get(pk=alternatief.pk)
        parameterset = huidige_parameterset()
        sleutel = invoer_hash(voorraad, alt, parameterset)
        bestaand = (
            Berekening.objects.filter(alternatief=alt, invoer_hash=sleutel)
            .exclude(status=Berekening.Status.FOUT)
            .order_by("-pk")
            .first()
        )
        laatste_id = (
            Berekening.objects.filter(alternatief=alt).order_by("-pk").values_list("pk", flat=True)
        ).first()
        if bestaand is not None and (
            bestaand.pk == laatste_id or bestaand.status != Berekening.Status.KLAAR
        ):
            return bestaand
        if bestaand is not None:
            # The input went back to an earlier one (e.g. the previous stock): reuse its result
            # as the newest calculation, so the alternative reads as up to date again.
            return Berekening.objects.create(
                alternatief=alt,
                parameterset=parameterset,
                invoer_hash=sleutel,
                status=Berekening.Status.KLAAR,
                voortgang=100,
                voorraad=bestaand.voorraad,
                samenvatting=bestaand.samenvatting,
                reeksen=bestaand.reeksen,
                aannames=bestaand.aannames,
                gestart_door=user,
                klaar_op=timezone.now(),
            )
        berekening = Berekening.objects.create(
            alternatief=alt,
            parameterset=parameterset,
            invoer_hash=sleutel,
            voorraad={
                "bron": voorraad.bron,
                "woningen": voorraad.woningen,
                "utiliteit": voorraad.utiliteit,
            },
            gestart_door=user,
        )
        transaction.on_commit(lambda: bereken_alternatief.delay(berekening.pk))
        return berekening


def _fout(berekening: Berekening, melding: str, problemen: list[dict]) -> Berekening:
    berekening.status = Berekening.Status.FOUT
    berekening.voortgang = 100
    berekening.melding = melding
    berekening.problemen = problemen
    berekening.klaar_op = timezone.now()
    berekening.save()
    return berekening


def _getal(x) -> float | None:
    x = float(x)
    return round(x, 6) if math.isfinite(x) else None


def samenvatting_van(r) -> dict:
    """The indicators of one engine result, as JSON."""
    w, e = r.warmte, r.energie
    return {
        "investering_eur": _getal(r.investering),
        "co2_ton": _getal(r.co2_ton),
        "nationale_kosten": {
            s: {k: _getal(v) for k, v in nk.items()} for s, nk in r.nationale_kosten.items()
        },
        "energie_gj": {k: _getal(v) for k, v in vars(e).items()},
        "warmte": {
            "piek_warmtevraag_mw": _getal(w.piek_warmtevraag_mw),
            "piek_last_mw": _getal(w.piek_last_mw),
            "aandeel_basis": _getal(w.aandeel_basis),
            "uren_basis_onvoldoende": int(w.uren_basis_onvoldoende),
            "basisvermogen_mw": _getal(w.basisvermogen_mw),
            "opslag_mwh": _getal(w.opslag_mwh),
            "opslag_effect_mw": _getal(w.opslag_effect_mw),
            "piek_elektriciteit_mw": _getal(w.piek_elektriciteit_mw),
            "extra_netbelasting_mw": _getal(w.extra_netbelasting_mw),
            "spf": _getal(w.spf),
        },
        "jaarvraag_gj": {
            "warmte": _getal(r.jaarvraag.warmte),
            "isolatie_min_eur": _getal(r.jaarvraag.isolatie_min),
            "isolatie_max_eur": _getal(r.jaarvraag.isolatie_max),
        },
        "kosten": [
            {
                "post": k.post,
                "groep": k.groep,
                "investering_eur": _getal(k.investering),
                "looptijd_jaar": _getal(k.looptijd),
                "kapitaallasten_eur_jaar": _getal(k.kapitaallasten),
                "onderhoud_eur_jaar": _getal(k.onderhoud),
            }
            for k in r.kosten
        ],
    }


def reeksen_van(r) -> dict:
    """Small series for charts: the load-duration curve sampled to ~100 points and one winter
    week per hour (demand, base, peak, storage, electricity), all in MW."""
    kromme = np.asarray(r.uren.belastingduurkromme(), dtype=float)
    idx = np.unique(np.linspace(0, len(kromme) - 1, PUNTEN_DUURKROMME).round().astype(int))
    van, tot = WINTERWEEK
    u = r.uren

    def week(reeks) -> list[float]:
        return [round(float(x), 4) for x in np.asarray(reeks)[van:tot]]

    return {
        "belastingduurkromme": {
            "uur": [int(i) + 1 for i in idx],
            "mw": [round(float(kromme[i]), 4) for i in idx],
        },
        "winterweek": {
            "eerste_uur": van,
            "vraag": week(u.vraag),
            "basis": week(u.basis),
            "piek": week(u.piek),
            "ontladen": week(u.ontladen),
            "laden": week(u.laden),
            "elektriciteit": week(u.elektriciteit),
        },
    }


def _rekeninvoer(parameterset: Parameterset) -> tuple[Parameters, Rekentabellen]:
    """The set's figures and tables (key figures, prices) as the engine takes them; raises one
    :class:`InvoerFout` with the problems of both."""
    problemen = []
    parameters = tabellen = None
    try:
        parameters = Parameters.uit_dict(parameterwaarden(parameterset))
    except InvoerFout as e:
        problemen += e.problemen
    try:
        tabellen = rekentabellen(
            parameterset, gas_gj_per_m3=parameters.GasEnergie if parameters else None
        )
    except InvoerFout as e:
        problemen += e.problemen
    if problemen:
        raise InvoerFout(problemen)
    return parameters, tabellen


def berekening_uitvoeren(*, berekening_id: int) -> Berekening:
    """Compute a queued calculation with the figures and tables of its parameter set.
    Idempotent: a finished one is left alone."""
    with transaction.atomic():
        b = (
            # lock only the calculation row: its parameter set is a nullable join
            Berekening.objects.select_for_update(of=("self",))
            .select_related("alternatief", "parameterset")
            .filter(pk=berekening_id)
            .first()
        )
        if b is None or b.status in (Berekening.Status.KLAAR, Berekening.Status.FOUT):
            return b
        b.status, b.voortgang = Berekening.Status.BEZIG, 10
        b.save(update_fields=["status", "voortgang"])
    if b.parameterset is None:
        return _fout(
            b, _("Er is nog geen vastgestelde parameterset; de beheerder stelt die vast."), []
        )
    try:
        parameters, tabellen = _rekeninvoer(b.parameterset)
        woningen = pd.DataFrame(b.voorraad.get("woningen") or [])
        utiliteit = pd.DataFrame(b.voorraad.get("utiliteit") or [])
        voorraad = voorraad_uit_tabel(woningen, utiliteit if len(utiliteit) else None)
        uitkomst = bereken(
            voorraad,
            [_motor_alternatief(b.alternatief)],
            parameters=parameters,
            kentallen=tabellen.kentallen,
            prijzen=tabellen.prijzen,
            weerjaar=WEERJAAR,
        )
    except InvoerFout as e:
        return _fout(
            b,
            _(
                "Dit alternatief kan niet worden doorgerekend met parameterset %(set)s: er "
                "ontbreken gegevens of ze kloppen niet. Vraag de beheerder de parameterset aan "
                "te vullen."
            )
            % {"set": b.parameterset},
            [{"plaats": p.plaats, "melding": p.melding} for p in e.problemen],
        )
    except ArithmeticError as e:
        # The engine checks its own hourly energy balance; a failure there is ours, not the
        # user's, but the user still reads what happened.
        return _fout(
            b,
            _(
                "De berekening is gestopt omdat de energiebalans niet sluit (%(fout)s). Meld dit "
                "bij de beheerder."
            )
            % {"fout": e},
            [],
        )
    r = uitkomst.resultaat(SJABLONEN[b.alternatief.sjabloon].code)
    b.samenvatting = {
        **samenvatting_van(r),
        "woningequivalenten": _getal(uitkomst.woningequivalenten),
        "weerjaar": uitkomst.weerjaar,
        "referentie": {"co2_ton": _getal(uitkomst.referentie.co2_ton)},
    }
    b.reeksen = reeksen_van(r)
    b.aannames = list(uitkomst.aannames)
    b.status, b.voortgang, b.klaar_op = Berekening.Status.KLAAR, 100, timezone.now()
    b.problemen, b.melding = [], ""
    b.save()
    return b


def alle_berekeningen_starten(*, wijkplan: Wijkplan, user: AbstractBaseUser) -> list[Berekening]:
    """Queue a calculation for every alternative of the plan; each one whose input did not
    change keeps its existing calculation (see :func:`berekening_starten`)."""
    with transaction.atomic():
        plan = _schrijfbaar(wijkplan, user)
        alternatieven = list(Alternatief.objects.filter(wijkplan=plan).order_by("pk"))
        if not alternatieven:
            raise ValidationError(_("Het plan heeft nog geen alternatieven om door te rekenen."))
        return [berekening_starten(alternatief=a, user=user) for a in alternatieven]
