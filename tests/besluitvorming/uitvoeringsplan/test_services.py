"""The writes of the implementation plan: Dutch messages per field, nothing half-saved, the
warning for a short notice period and the end date not before step 5's planning."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from besluitvorming import selectors_uitvoeringsplan as selectors
from besluitvorming import services_uitvoeringsplan as services
from besluitvorming.models import Processtap, Randvoorwaarde, Uitvoeringsplan, Waarborg
from participatie.models import Inbreng
from tests import factories
from tests.besluitvorming.uitvoeringsplan.hulp import samenstelling, uvpplan
from uitwerking.models import Realisatiefase
from wup.exceptions import PlanFrozen

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(gemeente, projectleider):
    return uvpplan(gemeente, projectleider)


def _fouten(exc) -> dict:
    return {k: v[0] for k, v in exc.value.message_dict.items()}


def test_the_composition_is_saved(plan, projectleider):
    uitkomst = samenstelling(plan, projectleider)
    assert uitkomst.waarschuwingen == ()
    s = selectors.samenstelling_van(plan)
    assert s.einddatum_gaslevering == datetime.date(2040, 1, 1)
    assert s.aankondigingstermijn_jaren == 8
    assert s.andere_werken.startswith("Niet van toepassing:")


def test_a_notice_period_under_eight_years_is_saved_with_a_warning(plan, projectleider):
    uitkomst = samenstelling(plan, projectleider, aankondigingstermijn_jaren=5)
    assert uitkomst.samenstelling.aankondigingstermijn_jaren == 5
    assert len(uitkomst.waarschuwingen) == 1
    assert "korter dan de norm van 8 jaar" in uitkomst.waarschuwingen[0]


def test_an_end_date_too_soon_for_the_notice_period_is_saved_with_a_warning(plan, projectleider):
    eind = datetime.date.today() + datetime.timedelta(days=365 * 3)
    uitkomst = samenstelling(plan, projectleider, einddatum_gaslevering=eind)
    assert len(uitkomst.waarschuwingen) == 1
    assert "minder dan 8 jaar na vandaag" in uitkomst.waarschuwingen[0]


def test_bad_values_name_every_field_and_nothing_is_saved(plan, projectleider):
    with pytest.raises(ValidationError) as exc:
        samenstelling(
            plan,
            projectleider,
            einddatum_gaslevering="morgen",
            aankondigingstermijn_jaren=-1,
            armoede="n.v.t.",
        )
    fouten = _fouten(exc)
    assert fouten["einddatum_gaslevering"].startswith("Vul een geldige datum in")
    assert fouten["aankondigingstermijn_jaren"].startswith("Vul een heel aantal jaren in")
    assert fouten["armoede"].startswith("Schrijf er ook bij waarom")
    assert not Uitvoeringsplan.objects.filter(wijkplan=plan).exists()


def test_the_gas_end_date_may_not_lie_before_the_end_of_the_realisation(plan, projectleider):
    Realisatiefase.objects.create(
        wijkplan=plan,
        naam="Gasnet verwijderen",
        begindatum=datetime.date(2030, 1, 1),
        einddatum=datetime.date(2041, 6, 30),
    )
    with pytest.raises(ValidationError) as exc:
        samenstelling(plan, projectleider)
    assert "30-06-2041" in _fouten(exc)["einddatum_gaslevering"]
    assert not Uitvoeringsplan.objects.filter(wijkplan=plan).exists()
    samenstelling(plan, projectleider, einddatum_gaslevering=datetime.date(2041, 7, 1))


def test_items_need_their_fields(plan, projectleider):
    with pytest.raises(ValidationError) as exc:
        services.randvoorwaarde_toevoegen(wijkplan=plan, user=projectleider, tekst=" ")
    assert _fouten(exc) == {"tekst": "Beschrijf de randvoorwaarde."}
    with pytest.raises(ValidationError) as exc:
        services.processtap_toevoegen(
            wijkplan=plan, user=projectleider, naam="", verantwoordelijke=""
        )
    assert _fouten(exc) == {
        "naam": "Geef de stap een naam.",
        "verantwoordelijke": "Vul in welke partij verantwoordelijk is voor deze stap.",
    }
    with pytest.raises(ValidationError) as exc:
        services.benodigd_besluit_toevoegen(
            wijkplan=plan, user=projectleider, orgaan="koning", onderwerp="x"
        )
    assert _fouten(exc) == {"orgaan": "Kies wie het besluit neemt."}
    assert not Randvoorwaarde.objects.exists() and not Processtap.objects.exists()


def test_items_are_added_changed_and_removed(plan, projectleider):
    r = services.randvoorwaarde_toevoegen(wijkplan=plan, user=projectleider, tekst="Eén")
    services.randvoorwaarde_toevoegen(wijkplan=plan, user=projectleider, tekst="Twee")
    services.randvoorwaarde_wijzigen(randvoorwaarde=r, user=projectleider, tekst="Eerste")
    assert [x.tekst for x in selectors.randvoorwaarden_van(plan)] == ["Eerste", "Twee"]
    services.randvoorwaarde_verwijderen(randvoorwaarde=r, user=projectleider)
    assert [x.tekst for x in selectors.randvoorwaarden_van(plan)] == ["Twee"]
    b = services.benodigd_besluit_toevoegen(
        wijkplan=plan,
        user=projectleider,
        orgaan="gemeenteraad",
        onderwerp="Omgevingsplan",
        beoogde_datum="2027-03-01",
    )
    assert b.beoogde_datum == datetime.date(2027, 3, 1)


def test_only_the_projectleider_writes_and_never_in_a_frozen_plan(gemeente, projectleider):
    plan = uvpplan(gemeente, projectleider)
    ander = factories.projectleider(gemeente)
    with pytest.raises(PermissionDenied):
        services.randvoorwaarde_toevoegen(wijkplan=plan, user=ander, tekst="x")
    bevroren = factories.WijkplanFactory(
        gemeente=gemeente, projectleider=projectleider, vastgesteld=True
    )
    with pytest.raises(PlanFrozen):
        samenstelling(bevroren, projectleider)


def test_a_published_question_is_taken_in_with_a_note(plan, projectleider):
    vraag = Inbreng.objects.create(
        wijkplan=plan,
        soort="vraag",
        tekst="Wat kost het?",
        antwoord="Niets extra.",
        status="gepubliceerd",
    )
    verborgen = Inbreng.objects.create(wijkplan=plan, soort="vraag", tekst="?", status="nieuw")
    with pytest.raises(ValidationError) as exc:
        services.wens_vastleggen(
            wijkplan=plan, user=projectleider, inbreng_id=vraag.pk, opgenomen=True, notitie=""
        )
    assert _fouten(exc) == {"notitie": "Schrijf kort op hoe deze wens in het plan is opgenomen."}
    with pytest.raises(ValidationError) as exc:
        services.wens_vastleggen(
            wijkplan=plan, user=projectleider, inbreng_id=verborgen.pk, opgenomen=False
        )
    assert "inbreng_id" in _fouten(exc)
    services.wens_vastleggen(
        wijkplan=plan,
        user=projectleider,
        inbreng_id=vraag.pk,
        opgenomen=True,
        notitie="Een vaste prijs.",
    )
    [w] = selectors.wensen_van(plan)
    assert (w.vraag, w.antwoord, w.opgenomen, w.notitie) == (
        "Wat kost het?",
        "Niets extra.",
        True,
        "Een vaste prijs.",
    )


def test_a_safeguard_needs_an_answer_and_a_status_and_keeps_its_evidence(plan, projectleider):
    with pytest.raises(ValidationError) as exc:
        services.waarborg_opslaan(
            wijkplan=plan, user=projectleider, punt="betaalbaarheid", antwoord="", status="x"
        )
    assert _fouten(exc) == {
        "antwoord": "Beschrijf hoe het plan aan deze waarborg voldoet.",
        "status": "Kies of aan de waarborg is voldaan.",
    }
    with pytest.raises(ValidationError):
        services.waarborg_opslaan(
            wijkplan=plan, user=projectleider, punt="iets", antwoord="a", status="voldaan"
        )
    samenstelling(plan, projectleider)
    w = services.waarborg_opslaan(
        wijkplan=plan,
        user=projectleider,
        punt="redelijke_termijn",
        antwoord="Ruim op tijd.",
        status="voldaan",
    )
    assert "01-01-2040" in w.bewijs and "8 jaar" in w.bewijs
    assert Waarborg.objects.filter(wijkplan=plan).count() == 1
