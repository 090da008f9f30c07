"""Writes of the public participation page.

Residents (no account): a sign-up for an event (the event row locked, so two people never take
the last places together), cancelling it with the secret link of the confirmation e-mail, and a
question or reaction (stored as typed; public only after moderation).

The projectleider (never in a frozen plan): the page's settings, news, FAQ, events and the
moderation. Bad input raises a ``ValidationError`` with a Dutch message per field; each write is
one transaction; e-mails go out after the commit.
"""

from __future__ import annotations

import datetime
import logging
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from participatie.models import (
    Aanmelding,
    Bijeenkomst,
    Inbreng,
    Nieuwsbericht,
    Publicatie,
    VeelgesteldeVraag,
)
from participatie.selectors.publiek import sleutel_hash
from participatie.services.toegang import keuze, schrijfbaar, tekst, verzamel
from wup.constants import Fase
from wup.models import Wijkplan

logger = logging.getLogger(__name__)

MAX_PERSONEN = 10
MAX_INBRENG = 2000
BEWAARTERMIJN = (1, 120)


def _mail_na_commit(onderwerp: str, bericht: str, ontvanger: str) -> None:
    """Send after the commit; a failing mail server is logged, never undoes the write."""

    def verstuur():
        send_mail(onderwerp, bericht, None, [ontvanger], fail_silently=False)

    transaction.on_commit(verstuur, robust=True)


def _email(waarde, veld: str, *, verplicht: str | None = None) -> str:
    waarde = tekst(waarde, veld, verplicht=verplicht, max_lengte=254).lower()
    if waarde:
        try:
            validate_email(waarde)
        except ValidationError:
            raise ValidationError(
                {veld: _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")}
            ) from None
    return waarde


def _moment(bijeenkomst: Bijeenkomst) -> str:
    begin = timezone.localtime(bijeenkomst.begint_op)
    tekst_ = date_format(begin, "l j F Y, H.i") + " " + _("uur")
    if bijeenkomst.eindigt_op:
        tekst_ += " " + _("tot %(eind)s uur") % {
            "eind": date_format(timezone.localtime(bijeenkomst.eindigt_op), "H.i")
        }
    return tekst_


# --- Sign-up -----------------------------------------------------------------------------------


def aanmelding_maken(
    *, bijeenkomst: Bijeenkomst, naam: str, email: str, aantal_personen, basis_url: str
) -> tuple[Aanmelding, bool]:
    """Sign up for an event; ``(aanmelding, nieuw)``. The same address twice gives the existing
    sign-up back (``nieuw`` False) and no second mail. ``basis_url`` (e.g.
    ``https://gemeente.nl``) is put before the cancel link of the confirmation e-mail."""
    velden = verzamel(
        (
            ("naam", lambda: tekst(naam, "naam", verplicht=_("Vul uw naam in."), max_lengte=200)),
            ("email", lambda: _email(email, "email", verplicht=_("Vul uw e-mailadres in."))),
            ("aantal_personen", lambda: _aantal(aantal_personen)),
        )
    )
    with transaction.atomic():
        b = (
            Bijeenkomst.objects.select_for_update()
            .select_related("wijkplan")
            .get(pk=bijeenkomst.pk)
        )
        _kan_aanmelden(b)
        bestaand = Aanmelding.objects.filter(
            bijeenkomst=b,
            email=velden["email"],
            afgemeld_op__isnull=True,
            geanonimiseerd_op__isnull=True,
        ).first()
        if bestaand is not None:
            return bestaand, False
        if b.capaciteit is not None:
            bezet = (
                Aanmelding.objects.filter(
                    bijeenkomst=b, afgemeld_op__isnull=True, geanonimiseerd_op__isnull=True
                ).aggregate(n=Sum("aantal_personen"))["n"]
                or 0
            )
            over = max(b.capaciteit - bezet, 0)
            if velden["aantal_personen"] > over:
                raise ValidationError(
                    {
                        "aantal_personen": _(
                            "Er is nog plaats voor %(n)d personen. Meld minder personen aan."
                        )
                        % {"n": over}
                    }
                    if over
                    else _("Deze bijeenkomst is vol. Aanmelden kan niet meer.")
                )
        sleutel = secrets.token_urlsafe(32)
        aanmelding = Aanmelding(bijeenkomst=b, sleutel_hash=sleutel_hash(sleutel), **velden)
        aanmelding.full_clean()
        aanmelding.save()
        link = basis_url.rstrip("/") + reverse(
            "participatie-aanmelding-afmelden", args=[b.wijkplan.slug, sleutel]
        )
        _mail_na_commit(
            _("Aangemeld: %(titel)s") % {"titel": b.titel},
            _(
                "Beste %(naam)s,\n\n"
                "U bent aangemeld voor: %(titel)s.\n\n"
                "Wanneer: %(moment)s\n"
                "Waar: %(locatie)s\n"
                "Aantal personen: %(aantal)d\n\n"
                "Kunt u toch niet komen? Meld u dan af via deze link:\n%(link)s\n\n"
                "Met vriendelijke groet,\n%(organisatie)s"
            )
            % {
                "naam": aanmelding.naam,
                "titel": b.titel,
                "moment": _moment(b),
                "locatie": b.locatie,
                "aantal": aanmelding.aantal_personen,
                "link": link,
                "organisatie": settings.WUP_ORGANISATIE,
            },
            aanmelding.email,
        )
        return aanmelding, True


def _aantal(waarde) -> int:
    melding = _("Vul een aantal in van 1 tot en met %(n)d.") % {"n": MAX_PERSONEN}
    try:
        aantal = int(waarde)
    except (TypeError, ValueError):
        raise ValidationError({"aantal_personen": melding}) from None
    if not 1 <= aantal <= MAX_PERSONEN:
        raise ValidationError({"aantal_personen": melding})
    return aantal


def _kan_aanmelden(b: Bijeenkomst) -> None:
    if b.wijkplan.fase == Fase.GESTOPT:
        raise ValidationError(_("Dit plan is gestopt. Aanmelden kan niet meer."))
    if b.geannuleerd_op is not None:
        raise ValidationError(_("Deze bijeenkomst gaat niet door. Aanmelden kan niet."))
    if b.begint_op <= timezone.now():
        raise ValidationError(_("Deze bijeenkomst is al begonnen of geweest."))
    if not b.aanmelden:
        raise ValidationError(_("Voor deze bijeenkomst hoeft of kan u zich niet aanmelden."))


def aanmelding_afmelden(*, aanmelding: Aanmelding) -> Aanmelding:
    """Cancel a sign-up; its places are free again. Cancelling twice changes nothing."""
    with transaction.atomic():
        Bijeenkomst.objects.select_for_update().filter(pk=aanmelding.bijeenkomst_id).first()
        a = Aanmelding.objects.select_for_update().get(pk=aanmelding.pk)
        if a.afgemeld_op is None:
            a.afgemeld_op = timezone.now()
            a.save(update_fields=["afgemeld_op"])
        return a


# --- Questions and reactions -------------------------------------------------------------------


def inbreng_indienen(*, wijkplan: Wijkplan, soort, tekst_: str, naam="", email="") -> Inbreng:
    """Store a resident's question or reaction as typed; it waits for moderation."""
    if wijkplan.bevroren:
        raise ValidationError(
            _("Dit plan is %(fase)s. U kunt geen vragen meer stellen via de website.")
            % {"fase": wijkplan.get_fase_display().lower()}
        )
    velden = verzamel(
        (
            (
                "soort",
                lambda: keuze(
                    soort, "soort", Inbreng.Soort.choices, _("Kies: een vraag of een reactie.")
                ),
            ),
            (
                "tekst",
                lambda: tekst(
                    tekst_,
                    "tekst",
                    verplicht=_("Schrijf uw vraag of reactie."),
                    max_lengte=MAX_INBRENG,
                ),
            ),
            ("naam", lambda: tekst(naam, "naam", max_lengte=100)),
            ("email", lambda: _email(email, "email")),
        )
    )
    with transaction.atomic():
        inbreng = Inbreng(wijkplan=wijkplan, status=Inbreng.Status.NIEUW, **velden)
        inbreng.full_clean()
        inbreng.save()
        return inbreng


def inbreng_modereren(
    *,
    inbreng: Inbreng,
    user: AbstractBaseUser,
    actie: str,
    antwoord: str = "",
    reden_afwijzing: str = "",
    pagina_url: str = "",
) -> Inbreng:
    """Publish (with an optional answer, which may be added or changed later) or reject (with
    a reason). The sender who left an e-mail address hears once when an answer is published;
    ``pagina_url`` is the public page, for the link in that mail."""
    velden = verzamel(
        (
            (
                "actie",
                lambda: keuze(
                    actie,
                    "actie",
                    (("publiceren", ""), ("afwijzen", "")),
                    _("Kies: publiceren of niet publiceren."),
                ),
            ),
            ("antwoord", lambda: tekst(antwoord, "antwoord", max_lengte=5000)),
            ("reden_afwijzing", lambda: tekst(reden_afwijzing, "reden_afwijzing", max_lengte=300)),
        )
    )
    if velden["actie"] == "afwijzen" and not velden["reden_afwijzing"]:
        raise ValidationError({"reden_afwijzing": _("Schrijf kort waarom dit niet online komt.")})
    with transaction.atomic():
        schrijfbaar(inbreng.wijkplan, user)
        i = Inbreng.objects.select_for_update().get(pk=inbreng.pk)
        had_antwoord = i.status == Inbreng.Status.GEPUBLICEERD and bool(i.antwoord)
        if velden["actie"] == "publiceren":
            i.status, i.antwoord, i.reden_afwijzing = (
                Inbreng.Status.GEPUBLICEERD,
                velden["antwoord"],
                "",
            )
        else:
            i.status, i.reden_afwijzing = Inbreng.Status.AFGEWEZEN, velden["reden_afwijzing"]
        i.gemodereerd_door, i.gemodereerd_op = user, timezone.now()
        i.full_clean()
        i.save()
        if i.status == Inbreng.Status.GEPUBLICEERD and i.antwoord and not had_antwoord and i.email:
            _mail_na_commit(
                _("Antwoord op uw vraag over %(plan)s") % {"plan": i.wijkplan.naam},
                _(
                    "Beste %(naam)s,\n\nOp uw vraag of reactie staat nu een antwoord op de "
                    "website:\n%(link)s\n\nMet vriendelijke groet,\n%(organisatie)s"
                )
                % {
                    "naam": i.naam or _("heer of mevrouw"),
                    "link": f"{pagina_url}#inbreng-{i.pk}",
                    "organisatie": settings.WUP_ORGANISATIE,
                },
                i.email,
            )
        return i


# --- The page, news, FAQ, events ---------------------------------------------------------------


def publicatie_opslaan(
    *,
    wijkplan: Wijkplan,
    user: AbstractBaseUser,
    gepubliceerd: bool,
    waarom: str = "",
    contact: str = "",
    bewaartermijn_maanden=12,
) -> Publicatie:
    def termijn():
        melding = _("Vul een aantal maanden in van %(van)d tot en met %(tot)d.") % {
            "van": BEWAARTERMIJN[0],
            "tot": BEWAARTERMIJN[1],
        }
        try:
            n = int(bewaartermijn_maanden)
        except (TypeError, ValueError):
            raise ValidationError({"bewaartermijn_maanden": melding}) from None
        if not BEWAARTERMIJN[0] <= n <= BEWAARTERMIJN[1]:
            raise ValidationError({"bewaartermijn_maanden": melding})
        return n

    velden = verzamel(
        (
            ("waarom", lambda: tekst(waarom, "waarom", max_lengte=10000)),
            ("contact", lambda: tekst(contact, "contact", max_lengte=2000)),
            ("bewaartermijn_maanden", termijn),
        )
    )
    with transaction.atomic():
        plan = schrijfbaar(wijkplan, user)
        publicatie, _nieuw = Publicatie.objects.select_for_update().get_or_create(wijkplan=plan)
        for k, v in velden.items():
            setattr(publicatie, k, v)
        publicatie.gepubliceerd = bool(gepubliceerd)
        publicatie.gewijzigd_door = user
        publicatie.full_clean()
        publicatie.save()
        return publicatie


def nieuws_opslaan(
    *,
    wijkplan: Wijkplan,
    user: AbstractBaseUser,
    titel: str,
    tekst_: str,
    publiceren: bool,
    bericht: Nieuwsbericht | None = None,
) -> Nieuwsbericht:
    """Add or change a news item; ``publiceren`` puts it online now (keeping its first date),
    otherwise it stays a concept."""
    velden = verzamel(
        (
            (
                "titel",
                lambda: tekst(
                    titel, "titel", verplicht=_("Geef het bericht een titel."), max_lengte=200
                ),
            ),
            (
                "tekst",
                lambda: tekst(
                    tekst_,
                    "tekst",
                    verplicht=_("Schrijf de tekst van het bericht."),
                    max_lengte=20000,
                ),
            ),
        )
    )
    with transaction.atomic():
        plan = schrijfbaar(wijkplan, user)
        n = (
            Nieuwsbericht.objects.select_for_update().get(pk=bericht.pk, wijkplan=plan)
            if bericht
            else Nieuwsbericht(wijkplan=plan)
        )
        n.titel, n.tekst, n.gewijzigd_door = velden["titel"], velden["tekst"], user
        if publiceren:
            n.gepubliceerd_op = n.gepubliceerd_op or timezone.now()
        else:
            n.gepubliceerd_op = None
        n.full_clean()
        n.save()
        return n


def faq_opslaan(
    *,
    wijkplan: Wijkplan,
    user: AbstractBaseUser,
    vraag: str,
    antwoord: str,
    volgorde=0,
    faq: VeelgesteldeVraag | None = None,
) -> VeelgesteldeVraag:
    def _volgorde():
        try:
            n = int(volgorde or 0)
        except (TypeError, ValueError):
            n = -1
        if not 0 <= n <= 1000:
            raise ValidationError({"volgorde": _("Vul een heel getal in van 0 tot en met 1000.")})
        return n

    velden = verzamel(
        (
            (
                "vraag",
                lambda: tekst(vraag, "vraag", verplicht=_("Schrijf de vraag."), max_lengte=300),
            ),
            (
                "antwoord",
                lambda: tekst(
                    antwoord, "antwoord", verplicht=_("Schrijf het antwoord."), max_lengte=10000
                ),
            ),
            ("volgorde", _volgorde),
        )
    )
    with transaction.atomic():
        plan = schrijfbaar(wijkplan, user)
        f = (
            VeelgesteldeVraag.objects.select_for_update().get(pk=faq.pk, wijkplan=plan)
            if faq
            else VeelgesteldeVraag(wijkplan=plan)
        )
        for k, v in velden.items():
            setattr(f, k, v)
        f.gewijzigd_door = user
        f.full_clean()
        f.save()
        return f


def bijeenkomst_opslaan(
    *,
    wijkplan: Wijkplan,
    user: AbstractBaseUser,
    titel: str,
    locatie: str,
    begint_op: datetime.datetime | None,
    omschrijving: str = "",
    eindigt_op: datetime.datetime | None = None,
    capaciteit=None,
    aanmelden: bool = True,
    geannuleerd: bool = False,
    bijeenkomst: Bijeenkomst | None = None,
) -> Bijeenkomst:
    """Add or change an event; ``geannuleerd`` calls it off: sign-up closes and whoever is
    signed up gets an e-mail (once)."""

    def _begin():
        if not isinstance(begint_op, datetime.datetime):
            raise ValidationError({"begint_op": _("Vul de datum en het begintijdstip in.")})
        return begint_op

    def _eind():
        if eindigt_op is None:
            return None
        if isinstance(begint_op, datetime.datetime) and eindigt_op <= begint_op:
            raise ValidationError({"eindigt_op": _("Het einde moet na het begin liggen.")})
        return eindigt_op

    def _capaciteit():
        if capaciteit in (None, ""):
            return None
        try:
            n = int(capaciteit)
        except (TypeError, ValueError):
            n = 0
        if not 1 <= n <= 100_000:
            raise ValidationError(
                {"capaciteit": _("Vul een aantal plaatsen in van 1 of meer, of laat het leeg.")}
            )
        return n

    velden = verzamel(
        (
            (
                "titel",
                lambda: tekst(
                    titel, "titel", verplicht=_("Geef de bijeenkomst een titel."), max_lengte=200
                ),
            ),
            (
                "locatie",
                lambda: tekst(
                    locatie,
                    "locatie",
                    verplicht=_("Waar is de bijeenkomst? Vul de plaats in."),
                    max_lengte=300,
                ),
            ),
            ("omschrijving", lambda: tekst(omschrijving, "omschrijving", max_lengte=10000)),
            ("begint_op", _begin),
            ("eindigt_op", _eind),
            ("capaciteit", _capaciteit),
        )
    )
    with transaction.atomic():
        plan = schrijfbaar(wijkplan, user)
        b = (
            Bijeenkomst.objects.select_for_update().get(pk=bijeenkomst.pk, wijkplan=plan)
            if bijeenkomst
            else Bijeenkomst(wijkplan=plan)
        )
        for k, v in velden.items():
            setattr(b, k, v)
        b.aanmelden = bool(aanmelden)
        net_afgelast = bool(geannuleerd) and b.pk is not None and b.geannuleerd_op is None
        if geannuleerd:
            b.geannuleerd_op = b.geannuleerd_op or timezone.now()
        else:
            b.geannuleerd_op = None
        b.gewijzigd_door = user
        b.full_clean()
        b.save()
        if net_afgelast:
            _afgelast_melden(b)
        return b


def _afgelast_melden(b: Bijeenkomst) -> None:
    """Tell everyone still signed up that the event is called off."""
    for a in Aanmelding.objects.filter(
        bijeenkomst=b, afgemeld_op__isnull=True, geanonimiseerd_op__isnull=True
    ).only("naam", "email"):
        _mail_na_commit(
            _("Gaat niet door: %(titel)s") % {"titel": b.titel},
            _(
                "Beste %(naam)s,\n\n"
                "De bijeenkomst waarvoor u bent aangemeld, gaat niet door: %(titel)s "
                "(%(moment)s, %(locatie)s).\n\n"
                "Met vriendelijke groet,\n%(organisatie)s"
            )
            % {
                "naam": a.naam,
                "titel": b.titel,
                "moment": _moment(b),
                "locatie": b.locatie,
                "organisatie": settings.WUP_ORGANISATIE,
            },
            a.email,
        )
