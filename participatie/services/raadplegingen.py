"""Writes of the consultations: the consultation and its questions, the response codes, and the
responses of households.

The projectleider's writes go through ``schrijfbaar`` (only he, never in a frozen plan). A
resident's writes need a valid code or e-mail key and an open consultation. Bad input raises a
``ValidationError`` with a Dutch message per field; each write is one transaction. ``nu`` may be
given to act at another moment (tests, demo data); it defaults to now.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import secrets
from collections.abc import Callable, Mapping

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import JSONField, Value
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from participatie.models import (
    Antwoord,
    EmailDeelname,
    Raadpleging,
    Respons,
    Responscode,
    Vraag,
)
from participatie.services.toegang import keuze, schrijfbaar
from participatie.services.toegang import tekst as tekst_veld
from techniek.selectors.alternatieven import alternatieven_van
from wup import uploads
from wup.models import Buurt, Wijkplan

#: No 0/O, 1/I/L: a code typed over from a letter must not be misread.
ALFABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTE = 10
MAX_TEKST = 2000
MAX_OPTIES, MIN_OPTIES = 20, 2
#: Codes generated in one go, and the largest uploaded address list.
MAX_CODES = 20_000
MAX_BESTAND = 2 * 1024 * 1024
LIKERT = (
    (1, _("Helemaal oneens")),
    (2, _("Oneens")),
    (3, _("Neutraal")),
    (4, _("Eens")),
    (5, _("Helemaal eens")),
)
#: The value a resident sends for "weet ik niet" on a statement; stored as null.
WEET_NIET = "weetniet"
ONBEKENDE_BUURT = "onbekend"
#: "Weet ik niet" is stored as JSON null (the column itself is never empty).
JSON_NULL = Value(None, JSONField())

GESLOTEN = _("Deze raadpleging is gesloten. De vragen liggen vast.")


def _nu(nu: datetime.datetime | None) -> datetime.datetime:
    return nu or timezone.now()


def _op_minuut(moment: datetime.datetime) -> datetime.datetime:
    return moment.replace(second=0, microsecond=0)


def _datum(moment: datetime.datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "j F Y H:i")


# --- The consultation ---------------------------------------------------------------------------


def _velden(*, titel, inleiding, deelname, opent_op, sluit_op) -> dict:
    fouten: dict[str, str] = {}
    velden: dict = {}
    for veld, doe in (
        (
            "titel",
            lambda: tekst_veld(
                titel, "titel", verplicht=_("Geef de raadpleging een titel."), max_lengte=200
            ),
        ),
        ("inleiding", lambda: tekst_veld(inleiding, "inleiding", max_lengte=10000)),
        (
            "deelname",
            lambda: keuze(
                deelname, "deelname", Raadpleging.Deelname.choices, _("Kies hoe bewoners meedoen.")
            ),
        ),
    ):
        try:
            velden[veld] = doe()
        except ValidationError as e:
            fouten.update({k: v[0] for k, v in e.message_dict.items()})
    for veld, waarde in (("opent_op", opent_op), ("sluit_op", sluit_op)):
        if not isinstance(waarde, datetime.datetime):
            fouten[veld] = _("Vul een datum en tijd in.")
        else:
            velden[veld] = waarde
    if "opent_op" in velden and "sluit_op" in velden and velden["sluit_op"] <= velden["opent_op"]:
        fouten["sluit_op"] = _("De raadpleging moet sluiten na het moment dat ze opent.")
    if fouten:
        raise ValidationError(fouten)
    return velden


def raadpleging_toevoegen(*, wijkplan: Wijkplan, user: AbstractBaseUser, **gegevens) -> Raadpleging:
    """A new consultation in preparation (concept). ``gegevens``: titel, inleiding, deelname,
    opent_op, sluit_op."""
    velden = _velden(**gegevens)
    with transaction.atomic():
        plan = schrijfbaar(wijkplan, user)
        raadpleging = Raadpleging(wijkplan=plan, gewijzigd_door=user, **velden)
        raadpleging.full_clean()
        raadpleging.save()
        return raadpleging


def _vergrendeld(raadpleging: Raadpleging, user) -> Raadpleging:
    schrijfbaar(raadpleging.wijkplan, user)
    return Raadpleging.objects.select_for_update().get(pk=raadpleging.pk)


def raadpleging_wijzigen(
    *, raadpleging: Raadpleging, user: AbstractBaseUser, nu=None, **gegevens
) -> Raadpleging:
    """Change a consultation. While in preparation everything; once released the way of taking
    part and the opening are fixed, and the closing may move while it is not yet closed (never
    to before now)."""
    nu = _nu(nu)
    velden = _velden(**gegevens)
    with transaction.atomic():
        raadpleging = _vergrendeld(raadpleging, user)
        stand = raadpleging.stand(nu)
        if stand != Raadpleging.Stand.CONCEPT:
            fouten = {}
            if stand == Raadpleging.Stand.GESLOTEN:
                raise ValidationError(GESLOTEN)
            if velden["deelname"] != raadpleging.deelname:
                fouten["deelname"] = _(
                    "Na het vrijgeven kan de manier van meedoen niet meer veranderen."
                )
            if _op_minuut(velden["opent_op"]) != _op_minuut(raadpleging.opent_op):
                fouten["opent_op"] = _("Na het vrijgeven ligt de opening vast.")
            # The form shows minutes: an unchanged opening keeps its exact moment.
            velden["opent_op"] = raadpleging.opent_op
            if velden["sluit_op"] <= nu:
                fouten["sluit_op"] = _("Kies een moment dat nog moet komen.")
            if fouten:
                raise ValidationError(fouten)
        for k, v in velden.items():
            setattr(raadpleging, k, v)
        raadpleging.gewijzigd_door = user
        raadpleging.full_clean()
        raadpleging.save()
        return raadpleging


def raadpleging_vrijgeven(
    *, raadpleging: Raadpleging, user: AbstractBaseUser, nu=None
) -> Raadpleging:
    """Release: the questions are fixed and the consultation opens on its date."""
    nu = _nu(nu)
    with transaction.atomic():
        raadpleging = _vergrendeld(raadpleging, user)
        if raadpleging.vrijgegeven_op is not None:
            raise ValidationError(_("Deze raadpleging is al vrijgegeven."))
        fouten = []
        if not raadpleging.vragen.exists():
            fouten.append(_("Voeg eerst minstens één vraag toe."))
        if (
            raadpleging.deelname == Raadpleging.Deelname.CODES
            and not raadpleging.codes.filter(ingetrokken_op__isnull=True).exists()
        ):
            fouten.append(_("Maak eerst responscodes aan voor de brieven."))
        if raadpleging.sluit_op <= nu:
            fouten.append(_("De sluitingsdatum is al voorbij. Kies eerst een latere datum."))
        if fouten:
            raise ValidationError(fouten)
        raadpleging.vrijgegeven_op = nu
        raadpleging.gewijzigd_door = user
        raadpleging.save(update_fields=["vrijgegeven_op", "gewijzigd_door", "gewijzigd_op"])
        return raadpleging


# --- Questions ------------------------------------------------------------------------------------


def _in_voorbereiding(raadpleging: Raadpleging) -> None:
    if raadpleging.vrijgegeven_op is not None:
        raise ValidationError(_("Deze raadpleging is vrijgegeven. De vragen liggen vast."))


def _opties(soort: str, wijkplan: Wijkplan, opties_tekst: str) -> list[dict]:
    if soort in (Vraag.Soort.VOORKEUR, Vraag.Soort.RANGORDE):
        alternatieven = [a.alternatief for a in alternatieven_van(wijkplan)]
        if len(alternatieven) < 2:
            raise ValidationError(
                {
                    "soort": _(
                        "Dit plan heeft minder dan twee alternatieven. Voeg ze eerst toe in stap "
                        "2 (technisch-economische mogelijkheden)."
                    )
                }
            )
        return [
            {"sleutel": f"alt-{a.pk}", "label": a.naam, "alternatief": a.pk} for a in alternatieven
        ]
    if soort == Vraag.Soort.MEERKEUZE:
        regels = [r.strip() for r in (opties_tekst or "").splitlines() if r.strip()]
        if not MIN_OPTIES <= len(regels) <= MAX_OPTIES:
            raise ValidationError(
                {"opties": _("Geef 2 tot 20 antwoordmogelijkheden, één per regel.")}
            )
        if len(set(regels)) != len(regels):
            raise ValidationError({"opties": _("Elke antwoordmogelijkheid mag maar één keer.")})
        if any(len(r) > 200 for r in regels):
            raise ValidationError({"opties": _("Gebruik hoogstens 200 tekens per antwoord.")})
        return [{"sleutel": f"optie-{i}", "label": r} for i, r in enumerate(regels, start=1)]
    return []


def _vraag_velden(
    wijkplan, *, soort, tekst: str, toelichting="", verplicht=False, meerdere=False, opties=""
) -> dict:
    soort = keuze(soort, "soort", Vraag.Soort.choices, _("Kies een soort vraag."))
    velden = {
        "soort": soort,
        "tekst": tekst_veld(tekst, "tekst", verplicht=_("Schrijf de vraag op."), max_lengte=500),
        "toelichting": tekst_veld(toelichting, "toelichting", max_lengte=2000),
        "verplicht": bool(verplicht),
        "meerdere": bool(meerdere) and soort == Vraag.Soort.MEERKEUZE,
    }
    velden["opties"] = _opties(soort, wijkplan, opties)
    return velden


def vraag_toevoegen(*, raadpleging: Raadpleging, user: AbstractBaseUser, **gegevens) -> Vraag:
    """A question at the end. ``gegevens``: soort, tekst, toelichting, verplicht, meerdere,
    opties (the choices of a multiple-choice question, one per line)."""
    velden = _vraag_velden(raadpleging.wijkplan, **gegevens)
    with transaction.atomic():
        raadpleging = _vergrendeld(raadpleging, user)
        _in_voorbereiding(raadpleging)
        laatste = raadpleging.vragen.order_by("-volgorde").values_list("volgorde", flat=True)
        vraag = Vraag(raadpleging=raadpleging, volgorde=(laatste.first() or 0) + 1, **velden)
        vraag.full_clean()
        vraag.save()
        return vraag


def vraag_wijzigen(*, vraag: Vraag, user: AbstractBaseUser, **gegevens) -> Vraag:
    velden = _vraag_velden(vraag.raadpleging.wijkplan, **gegevens)
    with transaction.atomic():
        _in_voorbereiding(_vergrendeld(vraag.raadpleging, user))
        vraag = Vraag.objects.get(pk=vraag.pk)
        for k, v in velden.items():
            setattr(vraag, k, v)
        vraag.full_clean()
        vraag.save()
        return vraag


def vraag_verwijderen(*, vraag: Vraag, user: AbstractBaseUser) -> None:
    with transaction.atomic():
        _in_voorbereiding(_vergrendeld(vraag.raadpleging, user))
        Vraag.objects.filter(pk=vraag.pk).delete()


def vraag_verplaatsen(*, vraag: Vraag, user: AbstractBaseUser, omhoog: bool) -> None:
    """Swap the question with the one before (``omhoog``) or after it."""
    with transaction.atomic():
        raadpleging = _vergrendeld(vraag.raadpleging, user)
        _in_voorbereiding(raadpleging)
        vraag = Vraag.objects.get(pk=vraag.pk)
        buren = raadpleging.vragen.exclude(pk=vraag.pk)
        buren = (
            buren.filter(volgorde__lt=vraag.volgorde).order_by("-volgorde")
            if omhoog
            else buren.filter(volgorde__gt=vraag.volgorde).order_by("volgorde")
        )
        buur = buren.first()
        if buur is None:
            return
        # Through a free number: the order is unique per consultation.
        a, b = vraag.volgorde, buur.volgorde
        Vraag.objects.filter(pk=vraag.pk).update(volgorde=0)
        Vraag.objects.filter(pk=buur.pk).update(volgorde=a)
        Vraag.objects.filter(pk=vraag.pk).update(volgorde=b)


# --- Response codes -------------------------------------------------------------------------------


def nieuwe_code() -> str:
    """``XXXXX-XXXXX`` from the unambiguous alphabet, cryptographically random."""
    tekens = "".join(secrets.choice(ALFABET) for _i in range(CODE_LENGTE))
    return f"{tekens[:5]}-{tekens[5:]}"


def normaliseer_code(invoer: str) -> str:
    """What a resident typed, as stored: capitals, with the dash, without spaces."""
    schoon = "".join(t for t in (invoer or "").upper() if t.isalnum())
    return f"{schoon[:5]}-{schoon[5:]}" if len(schoon) == CODE_LENGTE else schoon


def _codes_maken(raadpleging: Raadpleging, rijen: list[tuple[Buurt | None, str]]) -> int:
    bestaand = set(
        Responscode.objects.values_list("code", flat=True).filter(
            raadpleging__wijkplan=raadpleging.wijkplan
        )
    )
    nieuw = []
    for buurt, adres in rijen:
        code = nieuwe_code()
        while code in bestaand:
            code = nieuwe_code()
        bestaand.add(code)
        nieuw.append(Responscode(raadpleging=raadpleging, buurt=buurt, adres=adres, code=code))
    for _poging in range(3):
        try:
            with transaction.atomic():
                Responscode.objects.bulk_create(nieuw)
            return len(nieuw)
        except IntegrityError:
            # A code of another plan was drawn too (one in 10^14): draw that batch again.
            for c in nieuw:
                c.code, c.pk = nieuwe_code(), None
    raise ValidationError(_("Het maken van unieke codes lukte niet. Probeer het opnieuw."))


def _codes_toegestaan(raadpleging: Raadpleging) -> None:
    if raadpleging.deelname != Raadpleging.Deelname.CODES:
        raise ValidationError(_("Bij deze raadpleging doen bewoners mee met hun e-mailadres."))
    if raadpleging.stand() == Raadpleging.Stand.GESLOTEN:
        raise ValidationError(GESLOTEN)


def codes_per_buurt(
    *, raadpleging: Raadpleging, user: AbstractBaseUser, aantallen: Mapping[int, int]
) -> int:
    """Codes without an address, ``aantallen[buurt_id]`` per buurt (for door-to-door)."""
    with transaction.atomic():
        raadpleging = _vergrendeld(raadpleging, user)
        _codes_toegestaan(raadpleging)
        buurten = {b.pk: b for b in raadpleging.wijkplan.buurten.all()}
        rijen = []
        for buurt_id, aantal in aantallen.items():
            if buurt_id not in buurten:
                raise ValidationError(_("Kies alleen buurten van dit plan."))
            if not isinstance(aantal, int) or aantal < 0:
                raise ValidationError(
                    {f"buurt_{buurt_id}": _("Vul een heel getal in van 0 of meer.")}
                )
            rijen += [(buurten[buurt_id], "")] * aantal
        if not rijen:
            raise ValidationError(_("Vul bij minstens één buurt een aantal in."))
        if len(rijen) > MAX_CODES:
            raise ValidationError(_("Maak hoogstens %(n)d codes tegelijk.") % {"n": MAX_CODES})
        return _codes_maken(raadpleging, rijen)


KOLOMMEN = ("postcode", "huisnummer", "toevoeging", "buurtcode")


def _adres(rij: dict) -> str:
    postcode = rij["postcode"].replace(" ", "").upper()
    postcode = f"{postcode[:4]} {postcode[4:]}" if len(postcode) == 6 else postcode
    nummer = rij["huisnummer"].strip() + (
        f"-{rij['toevoeging'].strip()}" if rij.get("toevoeging", "").strip() else ""
    )
    return f"{postcode} {nummer}"


def codes_uit_bestand(
    *, raadpleging: Raadpleging, user: AbstractBaseUser, bestand
) -> tuple[int, int]:
    """A code per address of a CSV (``postcode;huisnummer;toevoeging;buurtcode``, with header,
    ``;`` or ``,``). Returns (codes made, duplicate addresses skipped). One bad row refuses the
    whole file, naming the row."""
    uploads.bestand_meten(
        bestand,
        limiet=MAX_BESTAND,
        te_groot=lambda n: _("Het bestand is groter dan 2 MB. Verdeel het in delen."),
    )
    try:
        inhoud = bestand.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError({"bestand": _("Sla het bestand op als CSV in UTF-8.")}) from None
    eerste = inhoud.splitlines()[0] if inhoud.strip() else ""
    lezer = csv.DictReader(io.StringIO(inhoud), delimiter=";" if ";" in eerste else ",")
    kolommen = [k.strip().lower() for k in (lezer.fieldnames or [])]
    ontbreekt = [k for k in KOLOMMEN if k not in kolommen and k != "toevoeging"]
    if ontbreekt:
        raise ValidationError(
            {
                "bestand": _(
                    "De eerste regel moet de kolomnamen geven: postcode;huisnummer;toevoeging;"
                    "buurtcode. Ontbreekt: %(k)s."
                )
                % {"k": ", ".join(ontbreekt)}
            }
        )
    with transaction.atomic():
        raadpleging = _vergrendeld(raadpleging, user)
        _codes_toegestaan(raadpleging)
        buurten = {b.code: b for b in raadpleging.wijkplan.buurten.all()}
        al = set(raadpleging.codes.exclude(adres="").values_list("adres", flat=True))
        rijen, dubbel, fouten = [], 0, []
        for nummer, ruw in enumerate(lezer, start=2):
            rij = {(k or "").strip().lower(): (v or "").strip() for k, v in ruw.items()}
            if not any(rij.values()):
                continue
            if not rij.get("postcode") or not rij.get("huisnummer"):
                fouten.append(_("Regel %(n)d: vul postcode en huisnummer in.") % {"n": nummer})
                continue
            buurt = buurten.get(rij.get("buurtcode", "").upper())
            if buurt is None:
                fouten.append(
                    _("Regel %(n)d: buurtcode %(code)s hoort niet bij dit plan.")
                    % {"n": nummer, "code": rij.get("buurtcode") or "(leeg)"}
                )
                continue
            adres = _adres(rij)
            if adres in al:
                dubbel += 1
                continue
            al.add(adres)
            rijen.append((buurt, adres))
        if fouten:
            meer = len(fouten) - 10
            raise ValidationError(
                {
                    "bestand": fouten[:10]
                    + ([_("En nog %(n)d regels.") % {"n": meer}] if meer > 0 else [])
                }
            )
        if len(rijen) > MAX_CODES:
            raise ValidationError(
                {"bestand": _("Gebruik hoogstens %(n)d adressen per bestand.") % {"n": MAX_CODES}}
            )
        return _codes_maken(raadpleging, rijen), dubbel


def code_intrekken(*, code: Responscode, user: AbstractBaseUser, nu=None) -> Responscode:
    """The code no longer works; a response already given with it stays."""
    with transaction.atomic():
        _vergrendeld(code.raadpleging, user)
        code = Responscode.objects.select_for_update().get(pk=code.pk)
        if code.ingetrokken_op is None:
            code.ingetrokken_op = _nu(nu)
            code.save(update_fields=["ingetrokken_op"])
        return code


# --- Residents ------------------------------------------------------------------------------------


def open_of_fout(raadpleging: Raadpleging, nu=None, veld: str | None = None) -> None:
    """Nothing when the consultation is open; else a refusal that says when it opens or closed."""
    stand = raadpleging.stand(_nu(nu))
    if stand == Raadpleging.Stand.OPEN:
        return
    if stand == Raadpleging.Stand.GESLOTEN:
        melding = _("De raadpleging is gesloten op %(datum)s.") % {
            "datum": _datum(raadpleging.sluit_op)
        }
    else:
        melding = _("De raadpleging is nog niet open. Ze opent op %(datum)s.") % {
            "datum": _datum(raadpleging.opent_op)
        }
    raise ValidationError({veld: melding} if veld else melding)


def code_controleren(*, raadpleging: Raadpleging, code: str, nu=None) -> Responscode:
    """The code a resident typed, if it works for this open consultation."""
    open_of_fout(raadpleging, _nu(nu), "code")
    gevonden = Responscode.objects.filter(code=normaliseer_code(code)).first()
    if gevonden is None or not code:
        raise ValidationError(
            {
                "code": _(
                    "Deze code kennen we niet. Controleer de code in de brief; de code heeft "
                    "10 tekens, bijvoorbeeld AB3CD-EF4GH."
                )
            }
        )
    if gevonden.raadpleging_id != raadpleging.pk:
        raise ValidationError({"code": _("Deze code hoort bij een andere raadpleging.")})
    if gevonden.ingetrokken_op is not None:
        raise ValidationError(
            {
                "code": _(
                    "Deze code is ingetrokken en werkt niet meer. Heeft u een nieuwe brief "
                    "gekregen? Gebruik dan de code uit die brief."
                )
            }
        )
    return gevonden


def _hash(sleutel: str) -> str:
    return hashlib.sha256(sleutel.encode()).hexdigest()


def email_link_aanvragen(
    *, raadpleging: Raadpleging, email: str, link: Callable[[str], str], nu=None
) -> EmailDeelname:
    """Send a personal link to ``email``; ``link(sleutel)`` makes its full URL. Asking again
    sends a new link and the old one stops working; it stays one participation per address."""
    open_of_fout(raadpleging, _nu(nu), "email")
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(
            {"email": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")}
        ) from None
    sleutel = secrets.token_urlsafe(32)
    with transaction.atomic():
        deelname = _email_deelname_met_sleutel(raadpleging, email, _hash(sleutel))
        url = link(sleutel)
        transaction.on_commit(
            lambda: send_mail(
                subject=_("Uw link voor de raadpleging: %(titel)s") % {"titel": raadpleging.titel},
                message=_(
                    "U vroeg een link aan om mee te doen met de raadpleging ‘%(titel)s’.\n\n"
                    "Met deze persoonlijke link vult u de vragen in, en kunt u uw antwoorden "
                    "wijzigen tot %(sluit)s:\n\n%(url)s\n\n"
                    "Deel de link niet met anderen. Vroeg u geen link aan? Dan kunt u deze mail "
                    "negeren."
                )
                % {"titel": raadpleging.titel, "sluit": _datum(raadpleging.sluit_op), "url": url},
                from_email=None,
                recipient_list=[email],
                fail_silently=True,
            )
        )
        return deelname


def _email_deelname_met_sleutel(raadpleging, email: str, sleutel_hash: str) -> EmailDeelname:
    """The address's one participation, made or found, with the new key (the old one stops)."""
    for _poging in range(2):
        bestaand = EmailDeelname.objects.select_for_update().filter(
            raadpleging=raadpleging, email=email, geanonimiseerd_op__isnull=True
        )
        deelname = bestaand.first() or EmailDeelname(raadpleging=raadpleging, email=email)
        deelname.sleutel_hash = sleutel_hash
        try:
            with transaction.atomic():
                deelname.save()
        except IntegrityError:
            # The same address asked at the same moment: use the participation it made.
            continue
        return deelname
    raise ValidationError({"email": _("Dat lukte even niet. Probeer het opnieuw.")})


def email_deelname_bevestigen(*, raadpleging: Raadpleging, sleutel: str, nu=None) -> EmailDeelname:
    """The participation the link in the mail stands for, if it still works."""
    nu = _nu(nu)
    open_of_fout(raadpleging, nu)
    deelname = EmailDeelname.objects.filter(
        raadpleging=raadpleging, sleutel_hash=_hash(sleutel or ""), geanonimiseerd_op__isnull=True
    ).first()
    if deelname is None:
        raise ValidationError(
            _(
                "Deze link werkt niet meer. Misschien vroeg u daarna een nieuwe link aan; gebruik "
                "dan de link uit de nieuwste mail, of vraag hieronder opnieuw een link aan."
            )
        )
    if deelname.bevestigd_op is None:
        deelname.bevestigd_op = nu
        deelname.save(update_fields=["bevestigd_op"])
    return deelname


def _antwoord(vraag: Vraag, ruw) -> object:
    """The stored value of one answer, or ``None`` for no answer; a ValidationError on
    ``vraag-<id>`` when it is not a valid answer."""
    veld = f"vraag-{vraag.pk}"
    sleutels = [o["sleutel"] for o in vraag.opties]
    ongeldig = ValidationError({veld: _("Kies een van de antwoorden uit de lijst.")})
    leeg = ruw in (None, "", [], {}) or (isinstance(ruw, dict) and not any(ruw.values()))
    if leeg:
        if vraag.verplicht:
            raise ValidationError({veld: _("Deze vraag is verplicht. Geef een antwoord.")})
        return None
    soort = vraag.soort
    if soort == Vraag.Soort.VOORKEUR or (soort == Vraag.Soort.MEERKEUZE and not vraag.meerdere):
        if ruw not in sleutels:
            raise ongeldig
        return ruw
    if soort == Vraag.Soort.MEERKEUZE:
        gekozen = list(ruw) if isinstance(ruw, list | tuple) else [ruw]
        if any(k not in sleutels for k in gekozen) or len(set(gekozen)) != len(gekozen):
            raise ongeldig
        return [k for k in sleutels if k in gekozen]
    if soort == Vraag.Soort.LIKERT:
        if ruw == WEET_NIET:
            return WEET_NIET
        try:
            getal = int(ruw)
        except (TypeError, ValueError):
            raise ongeldig from None
        if getal not in dict(LIKERT):
            raise ongeldig
        return getal
    if soort == Vraag.Soort.RANGORDE:
        if not isinstance(ruw, dict) or set(ruw) != set(sleutels):
            raise ongeldig
        try:
            posities = {k: int(v) for k, v in ruw.items()}
        except (TypeError, ValueError):
            posities = {}
        if sorted(posities.values()) != list(range(1, len(sleutels) + 1)):
            raise ValidationError(
                {
                    veld: _(
                        "Geef elk alternatief een eigen plaats: elke plaats van 1 tot %(n)d "
                        "precies één keer."
                    )
                    % {"n": len(sleutels)}
                }
            )
        return sorted(sleutels, key=posities.__getitem__)
    # Open question.
    if not isinstance(ruw, str):
        raise ongeldig
    ruw = ruw.strip()
    if len(ruw) > MAX_TEKST:
        raise ValidationError(
            {
                veld: _("Uw antwoord is %(n)d tekens. Gebruik hoogstens %(max)d tekens.")
                % {"n": len(ruw), "max": MAX_TEKST}
            }
        )
    return ruw or None


def respons_opslaan(
    *,
    raadpleging: Raadpleging,
    antwoorden: Mapping[int, object],
    groep: str,
    responscode: Responscode | None = None,
    email_deelname: EmailDeelname | None = None,
    buurt: str | int | None = None,
    nu=None,
) -> Respons:
    """Save (or replace) the household's response. ``antwoorden[vraag_id]``: an option key; a
    list of keys (several choices); ``{key: position}`` (ranking); 1–5 or ``WEET_NIET``
    (statement); a text (open). ``buurt``: for the e-mail route a buurt id of the plan or
    ``ONBEKENDE_BUURT``; the code route takes the code's buurt. Nothing is saved on an error."""
    nu = _nu(nu)
    open_of_fout(raadpleging, nu)
    vragen = list(raadpleging.vragen.all())
    fouten: dict[str, list[str]] = {}
    waarden: dict[int, object] = {}
    for vraag in vragen:
        try:
            waarden[vraag.pk] = _antwoord(vraag, antwoorden.get(vraag.pk))
        except ValidationError as e:
            fouten.update(e.message_dict)
    if groep not in Respons.Groep.values:
        fouten["groep"] = [_("Kies wat het best bij uw huishouden past.")]
    buurt_obj = None
    if responscode is None:
        buurten = {str(b.pk): b for b in raadpleging.wijkplan.buurten.all()}
        if str(buurt) not in buurten and buurt != ONBEKENDE_BUURT:
            fouten["buurt"] = [_("Kies uw buurt, of ‘Weet ik niet’.")]
        buurt_obj = buurten.get(str(buurt))
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        if responscode is not None:
            sleutel = Responscode.objects.select_for_update().get(pk=responscode.pk)
            if sleutel.raadpleging_id != raadpleging.pk or sleutel.ingetrokken_op is not None:
                raise ValidationError(_("Deze code werkt niet meer."))
            respons = Respons.objects.filter(responscode=sleutel).first()
            buurt_obj = sleutel.buurt
            nieuw = {"responscode": sleutel}
        elif email_deelname is not None:
            sleutel = EmailDeelname.objects.select_for_update().get(pk=email_deelname.pk)
            if sleutel.raadpleging_id != raadpleging.pk or sleutel.geanonimiseerd_op is not None:
                raise ValidationError(_("Deze link werkt niet meer."))
            respons = Respons.objects.filter(email_deelname=sleutel).first()
            nieuw = {"email_deelname": sleutel}
        else:
            raise ValidationError(_("Voer eerst de code uit de brief in."))
        if respons is None:
            respons = Respons(raadpleging=raadpleging, **nieuw)
        else:
            respons.aantal_wijzigingen += 1
            respons.antwoorden.all().delete()
        respons.buurt, respons.groep = buurt_obj, groep
        respons.save()
        Antwoord.objects.bulk_create(
            Antwoord(respons=respons, vraag_id=vraag_id, waarde=JSON_NULL if w == WEET_NIET else w)
            for vraag_id, w in waarden.items()
            if w is not None
        )
        return respons
