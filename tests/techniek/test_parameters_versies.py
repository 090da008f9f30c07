"""Versions of the parameters: copy-on-write, published sets never change, differences, and
results that become outdated when a new version is published."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, IntegrityError, connection, transaction

from techniek.models import Parameter, Parameterset, ParametersetOnveranderlijk, Parametertabel
from techniek.registratie import rechten_toekennen
from techniek.selectors import parameters as selectors
from techniek.services import parameters as services
from techniek.services.pbl_kentallen import pbl_kentallen_laden
from tests import factories
from wup.roles import ensure_roles

pytestmark = pytest.mark.django_db

SLEUTEL = "Netbeheer.Ki_verv_LD_min"


@pytest.fixture(autouse=True)
def _rechten(db):
    rechten_toekennen()
    ensure_roles()


@pytest.fixture
def v1():
    return pbl_kentallen_laden()[0]


@pytest.fixture
def concept(v1, beheerder):
    return services.parameterset_concept_maken(bron=v1, user=beheerder, omschrijving="Offertes")


def test_a_new_version_is_a_concept_with_a_copy_of_everything(v1, concept, beheerder):
    assert concept.versie == 2
    assert concept.is_concept
    assert concept.gebaseerd_op == v1
    assert concept.aangemaakt_door == beheerder
    assert concept.parameters.count() == v1.parameters.count()
    assert concept.tabellen.count() == v1.tabellen.count()
    assert selectors.verschillen(v1, concept).parameters == []
    # the published version stays the current one until the concept is published
    assert selectors.huidige_parameterset() == v1


def test_changing_a_concept_leaves_the_published_version_as_it_was(v1, concept, beheerder):
    services.parameter_wijzigen(
        parameterset=concept,
        sleutel=SLEUTEL,
        user=beheerder,
        waarde="350,5",
        bron="Offerte netbeheerder 2025",
    )
    assert concept.parameters.get(sleutel=SLEUTEL).waarde == Decimal("350.5")
    assert v1.parameters.get(sleutel=SLEUTEL).waarde == Decimal("343.8")
    gewijzigd = concept.parameters.get(sleutel=SLEUTEL)
    assert gewijzigd.bron == "Offerte netbeheerder 2025"
    assert gewijzigd.gewijzigd_door == beheerder


def test_a_changed_value_needs_a_source_and_not_the_old_one(concept, beheerder):
    with pytest.raises(ValidationError) as leeg:
        services.parameter_wijzigen(
            parameterset=concept, sleutel=SLEUTEL, user=beheerder, waarde="1", bron="  "
        )
    assert "bron" in leeg.value.message_dict
    with pytest.raises(ValidationError) as oud:
        services.parameter_wijzigen(
            parameterset=concept,
            sleutel=SLEUTEL,
            user=beheerder,
            waarde="1",
            bron="Inventarisatie netbeheerders 2024",
        )
    assert "nieuwe waarde" in oud.value.message_dict["bron"][0]
    assert concept.parameters.get(sleutel=SLEUTEL).waarde == Decimal("343.8")
    # only the description changes: the source may stay
    p = services.parameter_wijzigen(
        parameterset=concept,
        sleutel=SLEUTEL,
        user=beheerder,
        omschrijving="Vervangen lagedruk-gasnet, ondergrens",
        bron="Inventarisatie netbeheerders 2024",
    )
    assert p.omschrijving.startswith("Vervangen")


@pytest.mark.parametrize("waarde", ["twaalf", "1e400", "NaN", "1" * 20])
def test_a_value_that_is_no_usable_number_is_refused(concept, beheerder, waarde):
    with pytest.raises(ValidationError) as fout:
        services.parameter_wijzigen(
            parameterset=concept, sleutel=SLEUTEL, user=beheerder, waarde=waarde, bron="x"
        )
    assert "waarde" in fout.value.message_dict


def test_a_nvt_value_becomes_a_number_with_its_source(concept, beheerder):
    sleutel = "Vermogens.ASW_RVmt_wl_asl_min"
    p = services.parameter_wijzigen(
        parameterset=concept, sleutel=sleutel, user=beheerder, waarde="3", bron="Eigen meting"
    )
    assert p.waarde == Decimal("3") and p.waarde_tekst == ""


def test_a_published_version_never_changes(v1, beheerder):
    with pytest.raises(ParametersetOnveranderlijk):
        services.parameter_wijzigen(
            parameterset=v1, sleutel=SLEUTEL, user=beheerder, waarde="1", bron="x"
        )
    p = v1.parameters.get(sleutel=SLEUTEL)
    p.waarde = Decimal("1")
    with pytest.raises(ParametersetOnveranderlijk):
        p.save()
    with pytest.raises(ParametersetOnveranderlijk):
        p.delete()
    with pytest.raises(ParametersetOnveranderlijk):
        Parameter.objects.filter(parameterset=v1).update(bron="x")
    with pytest.raises(ParametersetOnveranderlijk):
        Parametertabel.objects.filter(parameterset=v1).delete()
    v1.omschrijving = "anders"
    with pytest.raises(ParametersetOnveranderlijk):
        v1.save()
    with pytest.raises(ParametersetOnveranderlijk):
        v1.delete()
    with pytest.raises(ParametersetOnveranderlijk):
        services.parameterset_verwijderen(parameterset=v1, user=beheerder)
    assert Parameter.objects.get(parameterset=v1, sleutel=SLEUTEL).waarde == Decimal("343.8")


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="trigger bestaat alleen op PostgreSQL"
)
def test_postgresql_refuses_a_raw_change_to_a_published_version(v1):
    for sql in (
        "UPDATE techniek_parameter SET waarde = 1 WHERE parameterset_id = %s",
        "DELETE FROM techniek_parametertabel WHERE parameterset_id = %s",
        "UPDATE techniek_parameterset SET naam = 'x' WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="vastgestelde parameterset"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [v1.pk])


def test_only_one_concept_at_a_time(v1, concept, beheerder):
    with pytest.raises(services.ConceptBestaatAl, match="versie 2"):
        services.parameterset_concept_maken(bron=v1, user=beheerder)
    with pytest.raises(IntegrityError), transaction.atomic():
        Parameterset.objects.create(naam="x", versie=9)


def test_publishing_makes_it_current_and_earlier_results_outdated(v1, concept, beheerder):
    resultaat_met_v1 = v1.pk
    assert not selectors.is_verouderd(resultaat_met_v1)
    services.parameter_wijzigen(
        parameterset=concept, sleutel=SLEUTEL, user=beheerder, waarde="351", bron="Offerte"
    )
    services.parameterset_vaststellen(parameterset=concept, user=beheerder)
    concept.refresh_from_db()
    assert concept.is_vastgesteld and concept.vastgesteld_door == beheerder
    assert selectors.huidige_parameterset() == concept
    assert selectors.is_verouderd(resultaat_met_v1)
    assert not selectors.is_verouderd(concept.pk)
    assert selectors.verouderd_many([v1.pk, concept.pk, None]) == {
        v1.pk: True,
        concept.pk: False,
        None: True,
    }
    with pytest.raises(ParametersetOnveranderlijk):
        services.parameterset_vaststellen(parameterset=concept, user=beheerder)


def test_a_version_with_the_same_engine_figures_outdates_nothing(v1, concept, beheerder):
    services.parameter_wijzigen(
        parameterset=concept, sleutel=SLEUTEL, user=beheerder, bron="Betere bron, zelfde getal"
    )
    services.parameterset_vaststellen(parameterset=concept, user=beheerder)
    assert selectors.huidige_parameterset().pk == concept.pk
    assert not selectors.is_verouderd(v1.pk)
    assert selectors.verouderd_many([v1.pk, None]) == {v1.pk: False, None: True}


def test_without_any_published_version_nothing_is_outdated():
    assert selectors.huidige_parameterset() is None
    assert not selectors.is_verouderd(None)


def test_a_concept_can_be_thrown_away(v1, concept, beheerder):
    services.parameterset_verwijderen(parameterset=concept, user=beheerder)
    assert list(Parameterset.objects.all()) == [v1]
    assert services.parameterset_concept_maken(bron=v1, user=beheerder).versie == 2


def test_a_table_cell_changes_with_its_source_recorded(v1, concept, beheerder):
    t = services.parametertabel_cel_wijzigen(
        parameterset=concept,
        tabel="woningen_bag",
        rij=0,
        kolom="Vrv_N_asl",
        waarde="40",
        bron="Eigen analyse 2025",
        user=beheerder,
    )
    assert t.rijen[0][t.kolomnamen.index("Vrv_N_asl")] == 40.0
    assert t.wijzigingen[0]["bron"] == "Eigen analyse 2025"
    assert t.wijzigingen[0]["rij"] == {"type_str": "vrijstaand", "bouwjaar_str": "voor 1930"}
    origineel = selectors.parametertabel(v1, "woningen_bag")
    assert origineel.rijen[0][origineel.kolomnamen.index("Vrv_N_asl")] == pytest.approx(37.73234704)
    with pytest.raises(ValidationError):
        services.parametertabel_cel_wijzigen(
            parameterset=concept,
            tabel="woningen_bag",
            rij=0,
            kolom="type_str",
            waarde="1",
            bron="x",
            user=beheerder,
        )


def test_the_differences_between_two_versions(v1, concept, beheerder):
    services.parameter_wijzigen(
        parameterset=concept, sleutel=SLEUTEL, user=beheerder, waarde="350", bron="Offerte"
    )
    services.parameter_wijzigen(
        parameterset=concept,
        sleutel="Infra.AF",
        user=beheerder,
        eenheid="fractie",
        bron="Eigen omrekening",
    )
    services.parametertabel_cel_wijzigen(
        parameterset=concept,
        tabel="emissiefactoren",
        rij=0,
        kolom="elektriciteit",
        waarde="0,5",
        bron="Andere bron",
        user=beheerder,
    )
    verschil = selectors.verschillen(v1, concept)
    per_sleutel = {p.sleutel: p for p in verschil.parameters}
    assert set(per_sleutel) == {SLEUTEL, "Infra.AF"}
    assert ("waarde", Decimal("343.8"), Decimal("350")) in [
        (v, o.normalize(), n.normalize()) if v == "waarde" else (v, o, n)
        for v, o, n in per_sleutel[SLEUTEL].velden
    ]
    assert [v for v, *_ in per_sleutel["Infra.AF"].velden] == ["eenheid", "bron"]
    (tabel,) = verschil.tabellen
    assert tabel.sleutel == "emissiefactoren"
    assert tabel.cellen == [
        {"rij": {"Jaar": 2010}, "kolom": "elektriciteit", "oud": 0.46, "nieuw": 0.5}
    ]
    # and the other way round: the same differences, swapped
    terug = selectors.verschillen(concept, v1)
    assert {p.sleutel for p in terug.parameters} == {SLEUTEL, "Infra.AF"}


def test_only_a_beheerder_may_change_parameters(v1, concept, projectleider):
    with pytest.raises(PermissionDenied):
        services.parameterset_concept_maken(bron=v1, user=projectleider)
    with pytest.raises(PermissionDenied):
        services.parameter_wijzigen(
            parameterset=concept, sleutel=SLEUTEL, user=projectleider, waarde="1", bron="x"
        )
    with pytest.raises(PermissionDenied):
        services.parameterset_vaststellen(parameterset=concept, user=projectleider)
    griffier = factories.griffier(factories.GemeenteFactory())
    with pytest.raises(PermissionDenied):
        services.parameterset_verwijderen(parameterset=concept, user=griffier)


def test_a_beheerder_sees_the_concept_others_only_published_versions(
    v1, concept, beheerder, projectleider
):
    assert list(selectors.parametersets_voor(beheerder)) == [concept, v1]
    assert list(selectors.parametersets_voor(projectleider)) == [v1]
    assert selectors.mag_zien(v1, projectleider)
    assert not selectors.mag_zien(concept, projectleider)
