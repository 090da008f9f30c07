"""Web pages of step 5's part 'organisatie'."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from uitwerking.views import organisatie as v
from wup.registry import PlanPage

PLAN = "wijkplannen/<int:pk>/uitwerking"

urlpatterns = [
    path(f"{PLAN}/organisatie", v.overzicht, name="uitwerking-organisatie"),
    path(f"{PLAN}/rollen", v.raci, name="uitwerking-raci"),
    path(
        f"{PLAN}/rollen/standaardpartijen", v.standaardpartijen, name="uitwerking-standaardpartijen"
    ),
    path(
        f"{PLAN}/rollen/standaardactiviteiten",
        v.standaardactiviteiten,
        name="uitwerking-standaardactiviteiten",
    ),
    path(f"{PLAN}/rollen/partijen/nieuw", v.partij_nieuw, name="uitwerking-partij-nieuw"),
    path(
        f"{PLAN}/rollen/partijen/<int:organisatiepartij_id>",
        v.partij_wijzigen,
        name="uitwerking-partij-wijzigen",
    ),
    path(
        f"{PLAN}/rollen/partijen/<int:organisatiepartij_id>/verwijderen",
        v.partij_verwijderen,
        name="uitwerking-partij-verwijderen",
    ),
    path(
        f"{PLAN}/rollen/activiteiten/nieuw", v.activiteit_nieuw, name="uitwerking-activiteit-nieuw"
    ),
    path(
        f"{PLAN}/rollen/activiteiten/<int:activiteit_id>",
        v.activiteit_wijzigen,
        name="uitwerking-activiteit-wijzigen",
    ),
    path(
        f"{PLAN}/rollen/activiteiten/<int:activiteit_id>/verwijderen",
        v.activiteit_verwijderen,
        name="uitwerking-activiteit-verwijderen",
    ),
    path(f"{PLAN}/rollen/akkoord", v.rollen_akkoord, name="uitwerking-rollen-akkoord"),
    path(f"{PLAN}/governance", v.governance, name="uitwerking-governance"),
    path(f"{PLAN}/risicos", v.risicos, name="uitwerking-risicos"),
    path(f"{PLAN}/risicos/export", v.risicos_export, name="uitwerking-risicos-export"),
    path(f"{PLAN}/risicos/nieuw", v.risico_nieuw, name="uitwerking-risico-nieuw"),
    path(f"{PLAN}/risicos/<int:risico_id>", v.risico_wijzigen, name="uitwerking-risico-wijzigen"),
    path(
        f"{PLAN}/risicos/<int:risico_id>/verwijderen",
        v.risico_verwijderen,
        name="uitwerking-risico-verwijderen",
    ),
    path(f"{PLAN}/planning", v.planning, name="uitwerking-planning"),
    path(f"{PLAN}/planning/nieuw", v.fase_nieuw, name="uitwerking-fase-nieuw"),
    path(
        f"{PLAN}/planning/<int:realisatiefase_id>",
        v.fase_wijzigen,
        name="uitwerking-fase-wijzigen",
    ),
    path(
        f"{PLAN}/planning/<int:realisatiefase_id>/verwijderen",
        v.fase_verwijderen,
        name="uitwerking-fase-verwijderen",
    ),
]

#: This part's pages in the plan navigation (`wup.registry.PlanPage`), in order.
PAGES: tuple = (
    PlanPage(_("Organisatie: overzicht"), "uitwerking-organisatie"),
    PlanPage(_("Rollen en verantwoordelijkheden"), "uitwerking-raci"),
    PlanPage(_("Eigendom en governance"), "uitwerking-governance"),
    PlanPage(_("Risicoregister"), "uitwerking-risicos"),
    PlanPage(_("Realisatieplanning"), "uitwerking-planning"),
)
