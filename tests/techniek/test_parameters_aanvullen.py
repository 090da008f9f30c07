"""A beheerder completes the PBL set with the engine's documented defaults, each with its source."""

from techniek.engine import Parameters
from techniek.models import Parameter
from techniek.selectors.parameters import parameterwaarden
from techniek.services.parameters import parameterset_aanvullen_met_rekenkern
from tests.techniek.alternatieven_hulp import pbl_set


def test_the_completed_set_is_a_new_published_version_the_engine_accepts(beheerder):
    pbl = pbl_set()

    aangevuld = parameterset_aanvullen_met_rekenkern(bron=pbl, user=beheerder)

    assert aangevuld.pk != pbl.pk and aangevuld.versie == pbl.versie + 1
    assert aangevuld.status == "vastgesteld"
    Parameters.uit_dict(parameterwaarden(aangevuld))  # raises if anything is missing
    toegevoegd = Parameter.objects.filter(parameterset=aangevuld, groep="Rekenkern")
    assert toegevoegd.exists()
    # every added figure says where it comes from, including "geen bron"
    assert all(p.bron for p in toegevoegd)
    assert toegevoegd.filter(bron__contains="(geen bron)").exists()
    # a complete set is left as it is
    assert parameterset_aanvullen_met_rekenkern(bron=aangevuld, user=beheerder) == aangevuld
