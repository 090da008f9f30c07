"""Step 3's models in the audit trail (see wup.audit).

Residents' personal data stays out: registrations, e-mail links, response codes (addresses),
responses and answers are exempt; of a resident's question only its moderation is recorded.
Names and free text that may name a resident are masked.
"""

from django.utils.translation import gettext as _

PERSOONSGEGEVENS = "persoonsgegevens van bewoners (worden geanonimiseerd; niet in het logboek)"


def _nummer(obj) -> str:
    return f"{obj._meta.verbose_name} {obj.pk}"


def _contactmoment(obj) -> str:
    return _("Contactmoment van %(datum)s") % {"datum": obj.datum}


def register() -> None:
    from participatie.models import (
        Aanmelding,
        Afwijking,
        Antwoord,
        Bijeenkomst,
        Contactmoment,
        EmailDeelname,
        Gedragsmaatregel,
        Inbreng,
        Nieuwsbericht,
        Participatieplan,
        Partij,
        Publicatie,
        Raadpleging,
        Respons,
        Responscode,
        VeelgesteldeVraag,
        Verwerking,
        Vraag,
    )
    from wup.audit import audit

    for model in (
        Gedragsmaatregel,
        Participatieplan,
        Afwijking,
        Publicatie,
        Nieuwsbericht,
        VeelgesteldeVraag,
        Bijeenkomst,
        Raadpleging,
    ):
        audit.register(model, plan="wijkplan")
    audit.register(Vraag, plan="raadpleging__wijkplan")
    # A stakeholder group's contact person and ambassadors may be residents.
    audit.register(
        Partij,
        plan="wijkplan",
        afschermen=("contactpersoon_naam", "contactpersoon_bereikbaar", "ambassadeurs"),
    )
    audit.register(
        Contactmoment,
        plan="wijkplan",
        afschermen=("onderwerp", "uitkomst"),
        omschrijving=_contactmoment,
    )
    # A resident's question or comment: only what the municipality did with it.
    audit.register(
        Inbreng,
        plan="wijkplan",
        include=("soort", "status", "reden_afwijzing", "antwoord", "gemodereerd_door"),
        omschrijving=_nummer,
    )
    for model in (Aanmelding, EmailDeelname, Responscode, Respons, Antwoord):
        audit.exempt(model, PERSOONSGEGEVENS)
    audit.exempt(Verwerking, "het verwerkingsregister (AVG) is zelf een onveranderlijk logboek")
