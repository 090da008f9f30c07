from tests.factories import WijkplanFactory
from wup.constants import Fase
from wup.permissions import is_projectleider


def test_factory_traits_build_plans_in_each_phase(db, projectleider):
    plan = WijkplanFactory(keuze=True, projectleider=projectleider)
    assert plan.fase == Fase.KEUZE
    assert plan.buurten.count() == 1
    assert is_projectleider(plan, projectleider)
