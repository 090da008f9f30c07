"""Writes of the CBS Kerncijfers: store an uploaded file, and import it all-or-nothing.

The import runs as a Celery task (:mod:`wijktoets.tasks`) or, from the command line, directly.
Both call :func:`kerncijfer_import_uitvoeren`, which never raises: whatever happens ends as a
status on the import row (``geslaagd``, ``ongewijzigd`` or ``mislukt`` with the reasons), so
neither a page nor the API ever answers with a server error because of a bad file.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from wijktoets.cbs import lezen
from wijktoets.cbs.tabellen import KWB_JAREN, STATLINE_TABELLEN
from wijktoets.models import KerncijferImport, KerncijferRegio
from wup import selectors as wup_selectors
from wup import services as wup_services
from wup.uploads import bestand_meten

logger = logging.getLogger(__name__)

#: Larger uploads are refused before they are read. A national file is about 25 MB.
MAX_BESTANDSGROOTTE: int = getattr(settings, "WIJKTOETS_KERNCIJFERS_MAX_BYTES", 100 * 1024**2)
EXTENSIES = (".csv", ".txt", ".xlsx")
JAREN: tuple[int, ...] = tuple(sorted(set(STATLINE_TABELLEN) | set(KWB_JAREN)))

Status = KerncijferImport.Status
KLAAR = (Status.GESLAAGD, Status.ONGEWIJZIGD, Status.MISLUKT)


def _mb(n: int) -> str:
    return f"{n / 1024**2:.0f} MB"


# --- Storing the file -----------------------------------------------------------------------


def kerncijfer_import_aanmaken(
    *,
    bestand: IO[bytes] | File,
    bestandsnaam: str,
    jaar: int | None = None,
    user=None,
    in_wachtrij: bool = True,
) -> KerncijferImport:
    """Store the file with its hash and create the import row (status ``wachtend``).

    With ``in_wachtrij`` the import task is enqueued after the commit; without it the caller
    runs :func:`kerncijfer_import_uitvoeren` itself (the management command). Raises
    ``ValidationError`` for a file that is too large, empty or not a CSV/XLSX, or a year the
    platform does not know; then nothing is stored.
    """
    naam = os.path.basename(bestandsnaam or "").strip() or "kerncijfers.csv"
    fouten: dict[str, list[str]] = {}
    if not naam.lower().endswith(EXTENSIES):
        fouten["bestand"] = [
            _("Kies een CSV-bestand (.csv) of een Excel-werkmap (.xlsx) van het CBS.")
        ]
    if jaar is not None and jaar not in JAREN:
        fouten["jaar"] = [
            _("Kies een jaar uit %(jaren)s, of laat het leeg.")
            % {"jaren": ", ".join(map(str, JAREN))}
        ]
    grootte = getattr(bestand, "size", None)
    if grootte is not None and grootte > MAX_BESTANDSGROOTTE:
        fouten["bestand"] = [bestand_te_groot_melding(grootte)]
    if fouten:
        raise ValidationError(fouten)

    totaal, sha256 = bestand_meten(
        bestand, limiet=MAX_BESTANDSGROOTTE, te_groot=bestand_te_groot_melding
    )

    imp = KerncijferImport(
        bestandsnaam=naam[:255],
        grootte=totaal,
        sha256=sha256,
        gevraagd_jaar=jaar,
        aangemaakt_door=user if getattr(user, "is_authenticated", False) else None,
    )
    imp.bestand.save(naam, bestand if isinstance(bestand, File) else File(bestand), save=False)
    try:
        with transaction.atomic():
            imp.save()
            if in_wachtrij:
                from wijktoets.tasks import importeer_kerncijfers

                transaction.on_commit(lambda: importeer_kerncijfers.delay(imp.pk))
    except Exception:
        imp.bestand.delete(save=False)  # no orphan file when the row could not be saved
        raise
    return imp


def bestand_te_groot_melding(grootte: int) -> str:
    return _(
        "Het bestand is te groot (%(grootte)s). Het grootste bestand dat u kunt inlezen is "
        "%(max)s; een landelijk bestand van het CBS is ongeveer 25 MB."
    ) % {"grootte": _mb(grootte), "max": _mb(MAX_BESTANDSGROOTTE)}


# --- Running the import ---------------------------------------------------------------------


def _zet(imp: KerncijferImport, **velden) -> None:
    """Save progress outside the import's transaction, so the progress page sees it."""
    for naam, waarde in velden.items():
        setattr(imp, naam, waarde)
    KerncijferImport.objects.filter(pk=imp.pk).update(**velden)


def _vingerafdruk(*delen) -> str:
    """A digest of a region's content. Pickle of plain tuples is deterministic and three times
    faster than JSON, which counts for 17,000 regions; it is only ever hashed, never loaded."""
    return hashlib.blake2b(pickle.dumps(delen, protocol=5), digest_size=16).hexdigest()


@dataclass
class _Rij:
    code: str
    soort: str
    naam: str
    gemeentecode: str
    gemeentenaam: str
    waarden: dict
    kenmerken: dict

    _cache: str = ""

    @property
    def vingerafdruk(self) -> str:
        if not self._cache:
            self._cache = _vingerafdruk(
                self.soort,
                self.naam,
                self.gemeentecode,
                self.gemeentenaam,
                sorted(self.waarden.items()),
                sorted(self.kenmerken.items()),
            )
        return self._cache

    def samenvoegen(self, waarden: dict, kenmerken: dict) -> None:
        """A file with fewer columns updates what it has and keeps the rest."""
        self.waarden = {**waarden, **self.waarden}
        self.kenmerken = {**kenmerken, **self.kenmerken}
        self._cache = ""


#: Above this many codes, reading every name is faster than a query with a long IN list.
_VEEL = 2000


def _namen(qs, codes: list[str]) -> dict[str, str]:
    if len(codes) > _VEEL:
        gezocht = set(codes)
        return {c: n for c, n in qs.values_list("code", "naam") if c in gezocht}
    return dict(qs.filter(code__in=codes).values_list("code", "naam"))


def _bekende_gebieden(codes: list[str]) -> dict[str, str]:
    return {
        **_namen(wup_selectors.gemeenten(), [c for c in codes if c.startswith("GM")]),
        **_namen(wup_selectors.wijken(), [c for c in codes if c.startswith("WK")]),
        **_namen(wup_selectors.buurten(), [c for c in codes if c.startswith("BU")]),
    }


def _bekende_namen(codes: list[str]) -> dict[str, str]:
    """Names the platform already knows for these codes: earlier Kerncijfers, then the areas."""
    namen: dict[str, str] = {}
    for code, naam in _namen(
        KerncijferRegio.objects.exclude(naam="").order_by("jaar"), codes
    ).items():
        if naam != code:
            namen[code] = naam
    return {**_bekende_gebieden(codes), **namen}


def _rijen(inhoud: lezen.Inhoud, opgeslagen_namen: dict[str, str]) -> list[_Rij]:
    regios = inhoud.regios
    sleutels = list(inhoud.waarden.columns)
    matrix = inhoud.waarden.to_numpy(dtype="float64", na_value=float("nan"))
    kenmerknamen = list(inhoud.kenmerken.columns)
    kenmerkwaarden = inhoud.kenmerken.to_numpy(dtype=object)
    zonder_naam = [
        c
        for c, n, s in zip(regios["code"], regios["naam"], regios["soort"], strict=True)
        if not n and s in ("wijk", "buurt")
    ]
    bekend = _bekende_namen(zonder_naam) if zonder_naam else {}

    rijen = []
    for i, (code, soort, naam, gemeentecode, gemeentenaam) in enumerate(
        zip(
            regios["code"],
            regios["soort"],
            regios["naam"],
            regios["gemeentecode"],
            regios["gemeentenaam"],
            strict=True,
        )
    ):
        if soort == "land":
            naam = naam or "Nederland"
        elif soort == "gemeente":
            naam = naam or gemeentenaam
        naam = naam or bekend.get(code) or opgeslagen_namen.get(code) or code
        waarden = dict(
            zip(sleutels, [None if v != v else v for v in matrix[i].tolist()], strict=True)
        )
        kenmerken = {
            k: v for k, v in zip(kenmerknamen, kenmerkwaarden[i].tolist(), strict=True) if v
        }
        rijen.append(
            _Rij(code, soort, naam[:200], gemeentecode, gemeentenaam[:200], waarden, kenmerken)
        )
    return rijen


def _gebiedregels(
    imp: KerncijferImport, rijen: list[_Rij], nieuwste_jaar: int | None
) -> tuple[list[wup_services.GebiedRegel], list[str]]:
    """The areas of the file for the core, and what could not be passed on.

    Names only change when this file is of the newest year imported so far: an older year's
    file must not rename areas back. New areas are always created.
    """
    hernoemen = nieuwste_jaar is None or (imp.jaar or 0) >= nieuwste_jaar
    namen: dict[str, str] = {}
    for rij in rijen:
        if rij.soort == "land":
            continue
        if rij.gemeentecode and rij.gemeentenaam:
            namen.setdefault(rij.gemeentecode, rij.gemeentenaam)
        namen[rij.code] = rij.naam if rij.naam != rij.code else ""
    if not hernoemen:
        bestaand = _bekende_gebieden(list(namen))
        namen = {code: ("" if code in bestaand else naam) for code, naam in namen.items()}
    return [wup_services.GebiedRegel(code, naam) for code, naam in namen.items()]


def kerncijfer_import_uitvoeren(*, import_id: int) -> KerncijferImport:
    """Read, check and store one file, all-or-nothing. Idempotent: a finished import is left as
    it is, and a file whose figures are already there changes nothing ("niets gewijzigd")."""
    bijgewerkt = KerncijferImport.objects.filter(
        pk=import_id, status__in=[Status.WACHTEND, Status.BEZIG]
    ).update(status=Status.BEZIG, voortgang=5, stap=_("Bestand lezen"), gestart_op=timezone.now())
    imp = KerncijferImport.objects.get(pk=import_id)
    if not bijgewerkt:
        return imp
    try:
        return _uitvoeren(imp)
    except Exception:
        logger.exception("Import van kerncijfers %s mislukt", imp.pk)
        _zet(
            imp,
            status=Status.MISLUKT,
            voortgang=100,
            stap="",
            klaar_op=timezone.now(),
            samenvatting=_(
                "Er ging iets mis bij het verwerken van het bestand. Er is niets opgeslagen. "
                "Probeer het opnieuw; lukt het dan weer niet, neem dan contact op met de "
                "beheerder van het platform."
            ),
        )
        return imp


def _uitvoeren(imp: KerncijferImport) -> KerncijferImport:
    try:
        with imp.bestand.open("rb") as f:
            data = f.read(MAX_BESTANDSGROOTTE + 1)
        if len(data) > MAX_BESTANDSGROOTTE:
            raise lezen.BestandFout(bestand_te_groot_melding(len(data)))
        inhoud = lezen.lees_inhoud(data, jaar=imp.gevraagd_jaar)
    except lezen.BestandFout as exc:
        _zet(
            imp,
            status=Status.MISLUKT,
            voortgang=100,
            stap="",
            klaar_op=timezone.now(),
            samenvatting=exc.samenvatting + " " + _("Er is niets ingelezen."),
            fouten=[f.as_dict() for f in exc.fouten],
            aantal_fouten=exc.totaal,
        )
        return imp
    except FileNotFoundError:
        _zet(
            imp,
            status=Status.MISLUKT,
            voortgang=100,
            stap="",
            klaar_op=timezone.now(),
            samenvatting=_("Het opgeslagen bestand is niet meer te vinden. Lees het opnieuw in."),
        )
        return imp

    opmerkingen = [
        _("Gelezen als %(omschrijving)s; tekenset %(codering)s%(sep)s.")
        % {
            "omschrijving": inhoud.omschrijving,
            "codering": inhoud.codering,
            "sep": _(", gescheiden door %(teken)s") % {"teken": inhoud.scheidingsteken}
            if inhoud.scheidingsteken
            else "",
        }
    ]
    if inhoud.niet_overgenomen:
        opmerkingen.append(
            _("Niet overgenomen kolommen (%(n)d): %(kolommen)s.")
            % {
                "n": len(inhoud.niet_overgenomen),
                "kolommen": ", ".join(inhoud.niet_overgenomen[:30])
                + (" …" if len(inhoud.niet_overgenomen) > 30 else ""),
            }
        )
    eerder = (
        KerncijferImport.objects.filter(
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
        jaar=inhoud.jaar,
        tabel=inhoud.tabel,
        formaat=inhoud.formaat,
        aantal_regios=inhoud.aantal,
        voortgang=40,
        stap=_("Vergelijken met de cijfers die er al zijn"),
        opmerkingen=opmerkingen,
    )

    # Compare cheaply first: a stored region with the same digest as the file's row is
    # unchanged. Only the others are read in full, to keep what the file has no column for.
    opgeslagen = {
        code: (vingerafdruk, naam)
        for code, vingerafdruk, naam in KerncijferRegio.objects.filter(
            jaar=inhoud.jaar
        ).values_list("code", "vingerafdruk", "naam")
    }
    nieuwste_jaar = KerncijferRegio.objects.aggregate(m=Max("jaar"))["m"]
    rijen = _rijen(inhoud, {code: naam for code, (_, naam) in opgeslagen.items()})
    te_vergelijken = [
        r for r in rijen if r.code in opgeslagen and opgeslagen[r.code][0] != r.vingerafdruk
    ]
    for blok in range(0, len(te_vergelijken), _VEEL):
        deel = {r.code: r for r in te_vergelijken[blok : blok + _VEEL]}
        for code, waarden, kenmerken in KerncijferRegio.objects.filter(
            jaar=inhoud.jaar, code__in=list(deel)
        ).values_list("code", "waarden", "kenmerken"):
            deel[code].samenvoegen(waarden, kenmerken)

    nu = timezone.now()
    te_schrijven = []
    nieuw = gewijzigd = 0
    for rij in rijen:
        vingerafdruk = rij.vingerafdruk
        oud = opgeslagen.get(rij.code)
        if oud is not None and oud[0] == vingerafdruk:
            continue
        if oud is None:
            nieuw += 1
        else:
            gewijzigd += 1
        te_schrijven.append(
            KerncijferRegio(
                code=rij.code,
                jaar=inhoud.jaar,
                soort=rij.soort,
                naam=rij.naam,
                gemeentecode=rij.gemeentecode,
                gemeentenaam=rij.gemeentenaam,
                waarden=rij.waarden,
                kenmerken=rij.kenmerken,
                vingerafdruk=vingerafdruk,
                bron_import=imp,
                bijgewerkt_op=nu,
            )
        )
    ongewijzigd = len(rijen) - len(te_schrijven)

    if not te_schrijven:
        _zet(
            imp,
            status=Status.ONGEWIJZIGD,
            voortgang=100,
            stap="",
            klaar_op=timezone.now(),
            aantal_ongewijzigd=ongewijzigd,
            samenvatting=_(
                "Niets gewijzigd: de %(n)d regio's in dit bestand hebben voor %(jaar)d al "
                "precies deze cijfers."
            )
            % {"n": ongewijzigd, "jaar": inhoud.jaar},
        )
        return imp

    _zet(imp, voortgang=60, stap=_("Opslaan"))
    regels = _gebiedregels(imp, rijen, nieuwste_jaar)
    with transaction.atomic():
        gebieden = wup_services.gebieden_bijwerken(regels=regels) if regels else {}
        KerncijferRegio.objects.bulk_create(
            te_schrijven,
            update_conflicts=True,
            unique_fields=["code", "jaar"],
            update_fields=[
                "soort",
                "naam",
                "gemeentecode",
                "gemeentenaam",
                "waarden",
                "kenmerken",
                "vingerafdruk",
                "bron_import",
                "bijgewerkt_op",
            ],
            batch_size=1000,
        )
    if gebieden:
        opmerkingen.append(
            _(
                "Gebieden bijgewerkt (gemeenten: %(gm)d, wijken: %(wk)d, buurten: %(bu)d). "
                "Nieuwe zijn aangemaakt, bestaande %(hoe)s."
            )
            % {
                "gm": gebieden.get("GM", 0),
                "wk": gebieden.get("WK", 0),
                "bu": gebieden.get("BU", 0),
                "hoe": _("hebben de naam uit dit bestand")
                if nieuwste_jaar is None or inhoud.jaar >= nieuwste_jaar
                else _("houden hun naam uit een nieuwer jaar"),
            }
        )
    _zet(
        imp,
        status=Status.GESLAAGD,
        voortgang=100,
        stap="",
        klaar_op=timezone.now(),
        aantal_nieuw=nieuw,
        aantal_gewijzigd=gewijzigd,
        aantal_ongewijzigd=ongewijzigd,
        opmerkingen=opmerkingen,
        samenvatting=_(
            "Ingelezen voor %(jaar)d: %(nieuw)d nieuwe regio's, %(gewijzigd)d gewijzigd, "
            "%(ongewijzigd)d ongewijzigd."
        )
        % {"jaar": inhoud.jaar, "nieuw": nieuw, "gewijzigd": gewijzigd, "ongewijzigd": ongewijzigd},
    )
    return imp
