"""Web pages of step 6's part 'uitvoeringsplan'."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from besluitvorming import views_uitvoeringsplan as v
from wup.registry import PlanPage

PLAN = "wijkplannen/<int:pk>/uitvoeringsplan"


def _items(naam: str, meervoud: str, param: str) -> list:
    return [
        path(f"{PLAN}/{meervoud}/nieuw", v._item_nieuw(naam), name=f"besluitvorming-{naam}-nieuw"),
        path(
            f"{PLAN}/{meervoud}/<int:{param}>",
            _met_id(v._item_wijzigen(naam), param),
            name=f"besluitvorming-{naam}-wijzigen",
        ),
        path(
            f"{PLAN}/{meervoud}/<int:{param}>/verwijderen",
            _met_id(v._item_verwijderen(naam), param),
            name=f"besluitvorming-{naam}-verwijderen",
        ),
    ]


def _met_id(view, param: str):
    def met_id(request, pk: int, **kwargs):
        return view(request, pk, kwargs[param])

    met_id.__name__ = view.__name__
    return met_id


urlpatterns = [
    path(PLAN, v.uitvoeringsplan, name="besluitvorming-uitvoeringsplan"),
    *_items("randvoorwaarde", "randvoorwaarden", "randvoorwaarde_id"),
    *_items("processtap", "processtappen", "processtap_id"),
    *_items("besluit", "besluiten", "benodigd_besluit_id"),
    path(f"{PLAN}/wensen", v.wensen, name="besluitvorming-wensen"),
    path(f"{PLAN}/wensen/<int:inbreng_id>", v.wens_opslaan, name="besluitvorming-wens"),
    path("wijkplannen/<int:pk>/wgiw-waarborgen", v.waarborgen, name="besluitvorming-wgiw"),
    path(
        "wijkplannen/<int:pk>/wgiw-waarborgen/<str:punt>",
        v.waarborg_opslaan,
        name="besluitvorming-waarborg",
    ),
]

#: This part's pages in the plan navigation (`wup.registry.PlanPage`), in order.
PAGES: tuple = (
    PlanPage(_("Uitvoeringsplan"), "besluitvorming-uitvoeringsplan"),
    PlanPage(_("Wensen en eisen van belanghebbenden"), "besluitvorming-wensen"),
    PlanPage(_("Wettelijke waarborgen (Wgiw)"), "besluitvorming-wgiw"),
)
