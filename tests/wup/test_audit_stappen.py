"""Each step's content changes, made through the step's own services, appear on the plan's
"Wijzigingen" page with who made them and the value before and after; parameters and residents'
personal data are handled as the security officer expects."""

from __future__ import annotations

import datetime
import json
from html import unescape

import pytest
from auditlog.context import set_actor
from django.urls import reverse

from tests import factories
from tests.factories import inloggen
from wup.models import Wijziging

pytestmark = pytest.mark.django_db


def _pagina(client, plan, user, **params) -> str:
    inloggen(client, user)
    response = client.get(reverse("wijkplan-wijzigingen", args=[plan.pk]), params)
    assert response.status_code == 200
    return unescape(response.content.decode())


def _toont(page: str, user, voor: str, na: str, onderdeel: str) -> None:
    assert f"{voor} → {na}" in page
    assert user.get_full_name() in page
    assert onderdeel in page


def test_step_1_wijktoets(client, plan, projectleider):
    from tests.wijktoets.test_wijktoets_services import huidige_versie
    from wijktoets.services import wijktoets as services

    with set_actor(projectleider):
        services.wijktoets_opslaan(
            wijkplan=plan, user=projectleider, versie=huidige_versie(plan), bronnen="CBS 2023"
        )
        services.wijktoets_opslaan(
            wijkplan=plan, user=projectleider, versie=huidige_versie(plan), bronnen="CBS 2024"
        )
    page = _pagina(client, plan, projectleider, onderdeel="wijktoets")
    _toont(page, projectleider, "CBS 2023", "CBS 2024", "Stap 1 · Wijktoets")


def test_step_2_alternatives(client, plan, projectleider):
    from techniek.services import alternatieven as services

    with set_actor(projectleider):
        alt = services.alternatief_toevoegen(
            wijkplan=plan, user=projectleider, sjabloon="S1a_B_LuchtWP"
        )
        services.alternatief_wijzigen(alternatief=alt, user=projectleider, schets="Per woning.")
        services.alternatief_wijzigen(alternatief=alt, user=projectleider, schets="Per blok.")
    page = _pagina(client, plan, projectleider, onderdeel="techniek")
    _toont(page, projectleider, "Per woning.", "Per blok.", "Stap 2 · Technisch")


def test_step_3_stakeholders_with_the_contact_person_masked(client, plan, projectleider):
    from participatie.services import netwerk as services

    with set_actor(projectleider):
        partij = services.partij_toevoegen(
            wijkplan=plan,
            user=projectleider,
            soort="vve",
            naam="VvE De Linde",
            contactpersoon_naam="Joke Jansen-Bewoner",
        )
        services.partij_wijzigen(
            partij=partij,
            user=projectleider,
            soort="vve",
            naam="VvE De Eik",
            contactpersoon_naam="Karel Bewoner-Buur",
        )
    page = _pagina(client, plan, projectleider, onderdeel="participatie")
    _toont(page, projectleider, "VvE De Linde", "VvE De Eik", "Stap 3 · Participatie")
    assert "afgeschermd (persoonsgegevens)" in page
    alles = json.dumps(list(Wijziging.objects.values("changes", "object_repr")), default=str)
    assert "Jansen-Bewoner" not in alles and "Bewoner-Buur" not in alles


def test_step_4_criteria(client, projectleider, gemeente):
    from keuze import services

    plan = factories.WijkplanFactory(gemeente=gemeente, projectleider=projectleider, keuze=True)
    velden = {
        "toelichting": "Waarom het telt.",
        "gewicht": 30,
        "richting": "hoger_beter",
        "eenheid": "score 1–5",
        "bron": "handmatig",
        "zekerheid": "laag",
    }
    with set_actor(projectleider):
        c = services.criterium_toevoegen(
            wijkplan=plan, user=projectleider, naam="Haalbaarheid", **velden
        )
        services.criterium_wijzigen(
            criterium=c, user=projectleider, naam="Uitvoerbaarheid", **velden
        )
    page = _pagina(client, plan, projectleider, onderdeel="keuze")
    _toont(page, projectleider, "Haalbaarheid", "Uitvoerbaarheid", "Stap 4 · Keuze")


def test_step_5_organisation(client, projectleider, gemeente):
    from uitwerking.services import organisatie as services

    plan = factories.WijkplanFactory(
        gemeente=gemeente, projectleider=projectleider, uitwerking=True
    )
    with set_actor(projectleider):
        p = services.partij_toevoegen(
            wijkplan=plan, user=projectleider, naam="Warmtebedrijf", soort="anders"
        )
        services.partij_wijzigen(
            partij=p, user=projectleider, naam="Warmtebedrijf Ermelo", soort="anders"
        )
    page = _pagina(client, plan, projectleider, onderdeel="uitwerking")
    _toont(page, projectleider, "Warmtebedrijf", "Warmtebedrijf Ermelo", "Stap 5 · ")


def test_step_6_implementation_plan(client, projectleider, gemeente):
    from besluitvorming import services_uitvoeringsplan as services

    plan = factories.WijkplanFactory(
        gemeente=gemeente, projectleider=projectleider, uitvoeringsplan=True
    )
    with set_actor(projectleider):
        r = services.randvoorwaarde_toevoegen(
            wijkplan=plan, user=projectleider, tekst="Genoeg netcapaciteit."
        )
        services.randvoorwaarde_wijzigen(
            randvoorwaarde=r, user=projectleider, tekst="Netcapaciteit in 2030."
        )
    page = _pagina(client, plan, projectleider, onderdeel="besluitvorming")
    _toont(page, projectleider, "Genoeg netcapaciteit.", "Netcapaciteit in 2030.", "Stap 6 · ")


def test_publishing_a_parameter_set_is_recorded_for_the_beheerder(client, beheerder):
    from techniek.registratie import rechten_toekennen
    from techniek.services import parameters as services
    from techniek.services.pbl_kentallen import pbl_kentallen_laden
    from wup.roles import ensure_roles

    rechten_toekennen()
    ensure_roles()
    v1 = pbl_kentallen_laden()[0]
    concept = services.parameterset_concept_maken(bron=v1, user=beheerder, omschrijving="Offertes")
    with set_actor(beheerder):
        services.parameterset_vaststellen(parameterset=concept, user=beheerder)
    w = Wijziging.objects.get(
        onderdeel="parameters",
        content_type__model="parameterset",
        object_pk=str(concept.pk),
        action=Wijziging.Action.UPDATE,
        changes__has_key="status",
    )
    assert w.actor == beheerder and w.wijkplan_id is None
    assert w.changes["status"] == ["concept", "vastgesteld"]
    inloggen(client, beheerder)
    lijst = client.get(reverse("admin:wup_wijziging_changelist"), {"onderdeel": "parameters"})
    assert lijst.status_code == 200
    assert str(concept) in unescape(lijst.content.decode())


def test_no_personal_data_of_residents_ever_lands_in_the_trail(client, gemeente, projectleider):
    """A resident signs up, asks a question, answers two consultations (code and e-mail link);
    the question is moderated; after the retention period the job anonymises. Nothing of the
    resident is in any row of the trail, nor on the page."""
    from participatie.selectors.privacy import maanden_later
    from participatie.services import publiek
    from participatie.services.privacy import anonimiseren
    from tests.participatie.privacy_opbouw import besluiten, plan_met_persoonsgegevens

    email = "herkenbaar.bewoner@voorbeeld.nl"
    opzet = plan_met_persoonsgegevens(gemeente, projectleider, email=email)
    vraag = opzet.plan.inbreng.get()
    with set_actor(projectleider):
        publiek.inbreng_modereren(
            inbreng=vraag, user=projectleider, actie="publiceren", antwoord="In 2027."
        )
    herkenbaar = [email, "Jan de Vries", "Wanneer begint het?", "Graag op tijd bericht."]
    besluit = besluiten(opzet.plan)
    anonimiseren(nu=maanden_later(besluit.op, 12) + datetime.timedelta(days=1))

    # the moderation itself is recorded, with who did it
    assert Wijziging.objects.filter(
        content_type__model="inbreng", actor=projectleider, changes__has_key="status"
    ).exists()
    rijen = list(
        Wijziging.objects.values("changes", "changes_text", "object_repr", "serialized_data")
    )
    alles = json.dumps(rijen, default=str, ensure_ascii=False)
    for tekst in herkenbaar:
        assert tekst not in alles
    assert not Wijziging.objects.exclude(remote_addr=None).exists()
    page = _pagina(client, opzet.plan, projectleider)
    for tekst in herkenbaar:
        assert tekst not in page
