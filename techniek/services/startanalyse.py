"""Writes of the Startanalyse: store an uploaded file, and import it all-or-nothing.

The import runs as a Celery task (:mod:`techniek.tasks`) or, from the command line, directly.
Both call :func:`startanalyse_import_uitvoeren`, which never raises: whatever happens ends as a
status on the import row (``geslaagd``, ``ongewijzigd`` or ``mislukt`` with the reasons per row
and column), so neither a page nor a command ever fails with a server error because of a bad
file. Rows are upserted per buurt x variant x edition; a file with fewer columns (e.g. the
national costs after the main indicators) adds its figures and keeps the others.
"""

from __future__ import annotations

import logging
import math
import os
import re
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from techniek.models import StartanalyseImport, StartanalyseResultaat
from techniek.startanalyse import lezen
from techniek.startanalyse.indicatoren import NAAMGEVING_2019, NAAMGEVING_2020
from wup import selectors as wup_selectors
from wup.uploads import bestand_meten

logger = logging.getLogger(__name__)

#: A national file with every variant is about 130 MB; larger uploads are refused unread.
MAX_BESTANDSGROOTTE: int = getattr(settings, "TECHNIEK_STARTANALYSE_MAX_BYTES", 200 * 1024**2)
EXTENSIES = (".csv", ".txt")
EDITIES: tuple[int, ...] = tuple(range(2019, 2031))
BLOK = 2000

Status = StartanalyseImport.Status
GEMEENTECODE = re.compile(r"^GM\d{4}$")


def _mb(n: int) -> str:
    return f"{n / 1024**2:.0f} MB"


def bestand_te_groot_melding(grootte: int) -> str:
    return _(
        "Het bestand is te groot (%(grootte)s). Het grootste bestand dat u kunt inlezen is "
        "%(max)s; splits een groter bestand, bijvoorbeeld per strategievariant."
    ) % {"grootte": _mb(grootte), "max": _mb(MAX_BESTANDSGROOTTE)}


def naamgeving_van_editie(editie: str | int | None) -> str | None:
    if editie in (None, ""):
        return None
    return NAAMGEVING_2019 if int(editie) < 2020 else NAAMGEVING_2020


# --- Storing the file -----------------------------------------------------------------------


def startanalyse_import_aanmaken(
    *,
    bestand: IO[bytes] | File,
    bestandsnaam: str,
    gemeente: str = "",
    editie: int | str | None = None,
    user=None,
    in_wachtrij: bool = True,
) -> StartanalyseImport:
    """Store the file with its hash and create the import row (status ``wachtend``).

    ``gemeente`` (GMxxxx) is the municipality the file should be about; ``editie`` the year of
    the Startanalyse (empty: 2019 for the old column names, "2020+" for the newer ones). With
    ``in_wachtrij`` the import task is enqueued after the commit; without it the caller runs
    :func:`startanalyse_import_uitvoeren` itself. Raises ``ValidationError`` for a file that is
    too large, empty or no CSV, or a bad gemeente or edition; then nothing is stored.
    """
    naam = os.path.basename(bestandsnaam or "").strip() or "startanalyse.csv"
    gemeente = (gemeente or "").strip().upper()
    fouten: dict[str, list[str]] = {}
    if not naam.lower().endswith(EXTENSIES):
        fouten["bestand"] = [_("Kies een CSV-bestand (.csv) van de Startanalyse van PBL.")]
    if gemeente and not GEMEENTECODE.match(gemeente):
        fouten["gemeente"] = [
            _("Een gemeentecode is GM gevolgd door 4 cijfers, bijvoorbeeld GM0402.")
        ]
    if editie not in (None, "") and (not str(editie).isdigit() or int(editie) not in EDITIES):
        fouten["editie"] = [
            _("Kies een editie van %(van)d tot en met %(tot)d, of laat het leeg.")
            % {"van": EDITIES[0], "tot": EDITIES[-1]}
        ]
    grootte = getattr(bestand, "size", None)
    if grootte is not None and grootte > MAX_BESTANDSGROOTTE:
        fouten["bestand"] = [bestand_te_groot_melding(grootte)]
    if fouten:
        raise ValidationError(fouten)

    totaal, sha256 = bestand_meten(
        bestand, limiet=MAX_BESTANDSGROOTTE, te_groot=bestand_te_groot_melding
    )

    imp = StartanalyseImport(
        bestandsnaam=naam[:255],
        grootte=totaal,
        sha256=sha256,
        gevraagde_gemeente=gemeente,
        gevraagde_editie="" if editie in (None, "") else str(int(editie)),
        aangemaakt_door=user if getattr(user, "is_authenticated", False) else None,
    )
    imp.bestand.save(naam, bestand if isinstance(bestand, File) else File(bestand), save=False)
    try:
        with transaction.atomic():
            imp.save()
            if in_wachtrij:
                from techniek.tasks import importeer_startanalyse

                transaction.on_commit(lambda: importeer_startanalyse.delay(imp.pk))
    except Exception:
        imp.bestand.delete(save=False)  # no orphan file when the row could not be saved
        raise
    return imp


# --- Running the import ---------------------------------------------------------------------


def _zet(imp: StartanalyseImport, **velden) -> None:
    """Save progress outside the import's transaction, so the progress page sees it."""
    for naam, waarde in velden.items():
        setattr(imp, naam, waarde)
    StartanalyseImport.objects.filter(pk=imp.pk).update(**velden)


def _mislukt(imp: StartanalyseImport, samenvatting: str, **velden) -> StartanalyseImport:
    _zet(
        imp,
        status=Status.MISLUKT,
        voortgang=100,
        stap="",
        klaar_op=timezone.now(),
        samenvatting=samenvatting,
        **velden,
    )
    return imp


def startanalyse_import_uitvoeren(*, import_id: int) -> StartanalyseImport:
    """Read, check and store one file, all-or-nothing. Idempotent: a finished import is left as
    it is, and a file whose figures are already there changes nothing ("niets gewijzigd")."""
    bijgewerkt = StartanalyseImport.objects.filter(
        pk=import_id, status__in=[Status.WACHTEND, Status.BEZIG]
    ).update(status=Status.BEZIG, voortgang=5, stap=_("Bestand lezen"), gestart_op=timezone.now())
    imp = StartanalyseImport.objects.get(pk=import_id)
    if not bijgewerkt:
        return imp
    try:
        return _uitvoeren(imp)
    except Exception:
        logger.exception("Import van de Startanalyse %s mislukt", imp.pk)
        return _mislukt(
            imp,
            _(
                "Er ging iets mis bij het verwerken van het bestand. Er is niets opgeslagen. "
                "Probeer het opnieuw; lukt het dan weer niet, neem dan contact op met de "
                "beheerder van het platform."
            ),
        )


def _gemeentenamen(codes: list[str]) -> dict[str, str]:
    return dict(wup_selectors.gemeenten().filter(code__in=codes).values_list("code", "naam"))


def _uitvoeren(imp: StartanalyseImport) -> StartanalyseImport:
    try:
        with imp.bestand.open("rb") as f:
            data = f.read(MAX_BESTANDSGROOTTE + 1)
    except FileNotFoundError:
        return _mislukt(
            imp, _("Het opgeslagen bestand is niet meer te vinden. Lees het opnieuw in.")
        )
    if len(data) > MAX_BESTANDSGROOTTE:
        return _mislukt(imp, bestand_te_groot_melding(len(data)))
    try:
        inhoud = lezen.lees_startanalyse(
            data,
            naamgeving=naamgeving_van_editie(imp.gevraagde_editie),
            gemeente=imp.gevraagde_gemeente or None,
            gemeentenamen=dict(wup_selectors.gemeenten().values_list("code", "naam"))
            if imp.gevraagde_gemeente
            else None,
        )
    except lezen.BestandFout as exc:
        return _mislukt(
            imp,
            exc.samenvatting
            + ("" if "niets ingelezen" in exc.samenvatting else " " + _("Er is niets ingelezen.")),
            fouten=[f.as_dict() for f in exc.fouten],
            aantal_fouten=exc.totaal,
        )

    naamgeving = inhoud.naamgeving or naamgeving_van_editie(imp.gevraagde_editie) or NAAMGEVING_2020
    editie = imp.gevraagde_editie or ("2019" if naamgeving == NAAMGEVING_2019 else NAAMGEVING_2020)
    opmerkingen = [
        _(
            "Gelezen als %(soort)s met de kolomnamen van %(naam)s; tekenset %(codering)s, "
            "gescheiden door %(sep)s."
        )
        % {
            "soort": inhoud.soort,
            "naam": "2019" if naamgeving == NAAMGEVING_2019 else _("2020 en later"),
            "codering": inhoud.codering,
            "sep": inhoud.scheidingsteken,
        }
    ]
    if not imp.gevraagde_editie and naamgeving == NAAMGEVING_2020:
        opmerkingen.append(
            _(
                "Er is geen editie opgegeven; de cijfers staan onder editie ‘2020+’. Geef bij een "
                "volgende import het jaar van de Startanalyse op, bijvoorbeeld 2025."
            )
        )
    if inhoud.niet_overgenomen:
        opmerkingen.append(
            _("Niet overgenomen kolommen (onbekend bij het platform, %(n)d): %(kolommen)s.")
            % {
                "n": len(inhoud.niet_overgenomen),
                "kolommen": ", ".join(inhoud.niet_overgenomen[:30])
                + (" …" if len(inhoud.niet_overgenomen) > 30 else ""),
            }
        )
    if inhoud.overgeslagen:
        namen = _gemeentenamen(list(inhoud.overgeslagen))
        opmerkingen.append(
            _("Alleen de buurten van %(gemeente)s zijn ingelezen; overgeslagen: %(rest)s.")
            % {
                "gemeente": imp.gevraagde_gemeente,
                "rest": ", ".join(
                    f"{namen.get(code, code)}: {n}"
                    for code, n in list(inhoud.overgeslagen.items())[:10]
                ),
            }
        )
    eerder = (
        StartanalyseImport.objects.filter(
            sha256=imp.sha256, status__in=[Status.GESLAAGD, Status.ONGEWIJZIGD]
        )
        .exclude(pk=imp.pk)
        .order_by("-klaar_op")
        .first()
    )
    if eerder:
        opmerkingen.append(
            _("Precies dit bestand is eerder ingelezen (import %(nr)d van %(datum)s).")
            % {"nr": eerder.pk, "datum": timezone.localtime(eerder.klaar_op).strftime("%d-%m-%Y")}
        )
    _zet(
        imp,
        editie=editie,
        naamgeving=naamgeving,
        soort=inhoud.soort[:60],
        aantal_rijen=inhoud.aantal,
        voortgang=40,
        stap=_("Vergelijken en opslaan"),
        opmerkingen=opmerkingen,
    )

    nieuw = gewijzigd = 0
    nu = timezone.now()
    sleutels = list(inhoud.waarden.columns)
    tekstsleutels = list(inhoud.teksten.columns)
    matrix = inhoud.waarden.to_numpy(dtype="float64")
    teksten = inhoud.teksten.to_numpy(dtype=object) if tekstsleutels else None
    with transaction.atomic():
        for start in range(0, inhoud.aantal, BLOK):
            blok = inhoud.rijen.iloc[start : start + BLOK]
            bestaand = {
                (b, v): (w, t)
                for b, v, w, t in StartanalyseResultaat.objects.filter(
                    editie=editie, buurtcode__in=list(set(blok["buurtcode"]))
                ).values_list("buurtcode", "variant", "waarden", "teksten")
            }
            te_schrijven = []
            for i, (buurtcode, variant, gemeentecode) in enumerate(
                zip(blok["buurtcode"], blok["variant"], blok["gemeentecode"], strict=True),
                start=start,
            ):
                waarden = {
                    s: (None if math.isnan(x) else x)
                    for s, x in zip(sleutels, matrix[i].tolist(), strict=True)
                }
                tekst = (
                    {s: str(x) for s, x in zip(tekstsleutels, teksten[i].tolist(), strict=True)}
                    if teksten is not None
                    else {}
                )
                oud = bestaand.get((buurtcode, variant))
                if oud is not None:
                    samengevoegd = ({**oud[0], **waarden}, {**oud[1], **tekst})
                    if samengevoegd == oud:
                        continue
                    waarden, tekst = samengevoegd
                    gewijzigd += 1
                else:
                    nieuw += 1
                te_schrijven.append(
                    StartanalyseResultaat(
                        buurtcode=buurtcode,
                        gemeentecode=gemeentecode,
                        variant=variant,
                        editie=editie,
                        naamgeving=naamgeving,
                        waarden=waarden,
                        teksten=tekst,
                        bron_import=imp,
                        bijgewerkt_op=nu,
                    )
                )
            if te_schrijven:
                StartanalyseResultaat.objects.bulk_create(
                    te_schrijven,
                    update_conflicts=True,
                    unique_fields=["buurtcode", "variant", "editie"],
                    update_fields=[
                        "gemeentecode",
                        "naamgeving",
                        "waarden",
                        "teksten",
                        "bron_import",
                        "bijgewerkt_op",
                    ],
                    batch_size=1000,
                )
    ongewijzigd = inhoud.aantal - nieuw - gewijzigd
    editie_tekst = editie if editie != NAAMGEVING_2020 else _("2020 en later")
    if not nieuw and not gewijzigd:
        _zet(
            imp,
            status=Status.ONGEWIJZIGD,
            voortgang=100,
            stap="",
            klaar_op=timezone.now(),
            aantal_ongewijzigd=ongewijzigd,
            samenvatting=_(
                "Niets gewijzigd: de %(n)d rijen in dit bestand staan er voor editie %(editie)s al "
                "precies zo in."
            )
            % {"n": ongewijzigd, "editie": editie_tekst},
        )
        return imp
    _zet(
        imp,
        status=Status.GESLAAGD,
        voortgang=100,
        stap="",
        klaar_op=timezone.now(),
        aantal_nieuw=nieuw,
        aantal_gewijzigd=gewijzigd,
        aantal_ongewijzigd=ongewijzigd,
        samenvatting=_(
            "Ingelezen voor editie %(editie)s: %(nieuw)d nieuwe rijen, %(gewijzigd)d gewijzigd, "
            "%(ongewijzigd)d ongewijzigd."
        )
        % {
            "editie": editie_tekst,
            "nieuw": nieuw,
            "gewijzigd": gewijzigd,
            "ongewijzigd": ongewijzigd,
        },
    )
    return imp
