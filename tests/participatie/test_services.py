import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from participatie.models import Contactmoment, Gedragsmaatregel, Participatieplan, Partij
from participatie.services import netwerk as services
from participatie.services.participatieplan import participatieplan_opslaan
from tests.factories import WijkplanFactory
from tests.factories import projectleider as maak_projectleider
from wup.exceptions import PlanFrozen

pytestmark = pytest.mark.django_db


def _partij(plan, user, **extra):
    return services.partij_toevoegen(
        wijkplan=plan, user=user, **{"soort": "vve", "naam": "VvE De Linde", **extra}
    )


def test_the_projectleider_adds_and_edits_a_partij(plan, projectleider):
    partij = _partij(plan, projectleider, omvang="48", contactpersoon_naam="J. Jansen")
    assert partij.omvang == 48 and partij.contactpersoon_naam == "J. Jansen"
    partij = services.partij_wijzigen(
        partij=partij, user=projectleider, soort="vve", naam="  VvE De Eik  ", omvang=None
    )
    assert Partij.objects.get().naam == "VvE De Eik"
    assert partij.omvang is None and partij.contactpersoon_naam == ""


def test_a_partij_with_bad_fields_gets_a_dutch_message_per_field(plan, projectleider):
    with pytest.raises(ValidationError) as e:
        services.partij_toevoegen(
            wijkplan=plan, user=projectleider, soort="buren", naam=" ", omvang="-3"
        )
    fouten = e.value.message_dict
    assert fouten["soort"] == ["Kies een soort partij uit de lijst."]
    assert fouten["naam"] == ["Geef de partij een naam."]
    assert fouten["omvang"] == ["Vul een heel getal in van 0 of meer, of laat het leeg."]
    assert not Partij.objects.exists()


def test_only_the_projectleider_writes(plan, gemeente):
    andere = maak_projectleider(gemeente, username="andere")
    with pytest.raises(PermissionDenied, match="Alleen de projectleider"):
        _partij(plan, andere)
    with pytest.raises(PermissionDenied):
        participatieplan_opslaan(
            wijkplan=plan, user=andere, fase="verkenning", participatieniveau="raadplegen"
        )
    assert not Partij.objects.exists() and not Participatieplan.objects.exists()


@pytest.mark.parametrize("trait", ["vastgesteld", "gestopt"])
def test_a_frozen_plan_refuses_every_write(gemeente, projectleider, trait):
    plan = WijkplanFactory(gemeente=gemeente, projectleider=projectleider, **{trait: True})
    vandaag = timezone.localdate()
    schrijven = [
        lambda: _partij(plan, projectleider),
        lambda: services.contactmoment_toevoegen(
            wijkplan=plan, user=projectleider, soort="brief", datum=vandaag, onderwerp="Brief"
        ),
        lambda: services.gedragsmaatregel_toevoegen(
            wijkplan=plan, user=projectleider, naam="Energiecoaches", status="idee"
        ),
        lambda: participatieplan_opslaan(
            wijkplan=plan, user=projectleider, fase="verkenning", participatieniveau="adviseren"
        ),
    ]
    for doe in schrijven:
        with pytest.raises(PlanFrozen, match="kan niet meer worden gewijzigd"):
            doe()
    assert not Partij.objects.exists() and not Contactmoment.objects.exists()


def test_a_contact_is_logged_and_corrected_never_in_the_future(plan, projectleider):
    partij = _partij(plan, projectleider)
    vandaag = timezone.localdate()
    moment = services.contactmoment_toevoegen(
        wijkplan=plan,
        user=projectleider,
        soort="bijeenkomst",
        datum=vandaag,
        onderwerp="Informatieavond",
        partij=partij.pk,
    )
    assert moment.partij == partij and moment.aangemaakt_door == projectleider
    moment = services.contactmoment_wijzigen(
        contactmoment=moment,
        user=projectleider,
        soort="bijeenkomst",
        datum=vandaag - datetime.timedelta(days=1),
        onderwerp="Informatieavond wijkcentrum",
    )
    assert moment.partij is None
    with pytest.raises(ValidationError) as e:
        services.contactmoment_toevoegen(
            wijkplan=plan,
            user=projectleider,
            soort="fax",
            datum=vandaag + datetime.timedelta(days=1),
            onderwerp="",
        )
    assert set(e.value.message_dict) == {"soort", "datum", "onderwerp"}
    assert "toekomst" in e.value.message_dict["datum"][0]
    assert Contactmoment.objects.count() == 1


def test_a_partij_of_another_plan_is_refused(plan, projectleider, gemeente):
    ander_plan = WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    vreemde = _partij(ander_plan, projectleider)
    with pytest.raises(ValidationError) as e:
        services.contactmoment_toevoegen(
            wijkplan=plan,
            user=projectleider,
            soort="brief",
            datum=timezone.localdate(),
            onderwerp="Brief",
            partij=vreemde.pk,
        )
    assert e.value.message_dict == {"partij": ["Kies een partij van dit plan."]}
    with pytest.raises(ValidationError) as e:
        services.gedragsmaatregel_toevoegen(
            wijkplan=plan,
            user=projectleider,
            naam="Coaches",
            status="idee",
            doelgroep_partij=vreemde,
        )
    assert e.value.message_dict == {"doelgroep_partij": ["Kies een partij van dit plan."]}


def test_a_measure_is_added_and_changed(plan, projectleider):
    maatregel = services.gedragsmaatregel_toevoegen(
        wijkplan=plan, user=projectleider, naam="Collectieve inkoop isolatie", status="gepland"
    )
    services.gedragsmaatregel_wijzigen(
        maatregel=maatregel, user=projectleider, naam="Collectieve inkoop isolatie", status="loopt"
    )
    assert Gedragsmaatregel.objects.get().status == "loopt"
    with pytest.raises(ValidationError) as e:
        services.gedragsmaatregel_wijzigen(
            maatregel=maatregel, user=projectleider, naam="", status="misschien"
        )
    assert e.value.message_dict == {
        "naam": ["Geef de maatregel een naam."],
        "status": ["Kies een status uit de lijst."],
    }


def test_one_participation_plan_per_phase(plan, projectleider):
    eerste = participatieplan_opslaan(
        wijkplan=plan, user=projectleider, fase="verkenning", participatieniveau="raadplegen"
    )
    tweede = participatieplan_opslaan(
        wijkplan=plan,
        user=projectleider,
        fase="verkenning",
        participatieniveau="coproduceren",
        doelen="Samen de alternatieven wegen.",
    )
    assert eerste.pk == tweede.pk and Participatieplan.objects.count() == 1
    assert tweede.participatieniveau == "coproduceren"
    with pytest.raises(ValidationError) as e:
        participatieplan_opslaan(
            wijkplan=plan, user=projectleider, fase="gestopt", participatieniveau="alles"
        )
    assert set(e.value.message_dict) == {"fase", "participatieniveau"}
