"""API of step 5's part 'organisatie' (under /api/v1/, kebab-case, no trailing slashes)."""

from django.urls import path

from uitwerking.api import views_organisatie as v

BASIS = "wijkplannen/<int:id>/uitwerking"

urlpatterns = [
    path(f"{BASIS}/partijen", v.PartijenView.as_view(), name="uitwerking-api-partijen"),
    path(
        f"{BASIS}/partijen/standaard",
        v.StandaardPartijenView.as_view(),
        name="uitwerking-api-partijen-standaard",
    ),
    path(
        f"{BASIS}/partijen/<int:organisatiepartij_id>",
        v.PartijView.as_view(),
        name="uitwerking-api-partij",
    ),
    path(f"{BASIS}/activiteiten", v.ActiviteitenView.as_view(), name="uitwerking-api-activiteiten"),
    path(
        f"{BASIS}/activiteiten/standaard",
        v.StandaardActiviteitenView.as_view(),
        name="uitwerking-api-activiteiten-standaard",
    ),
    path(
        f"{BASIS}/activiteiten/<int:activiteit_id>",
        v.ActiviteitView.as_view(),
        name="uitwerking-api-activiteit",
    ),
    path(f"{BASIS}/raci", v.RaciView.as_view(), name="uitwerking-api-raci"),
    path(
        f"{BASIS}/rollen-akkoord",
        v.RollenAkkoordView.as_view(),
        name="uitwerking-api-rollen-akkoord",
    ),
    path(f"{BASIS}/governance", v.GovernanceView.as_view(), name="uitwerking-api-governance"),
    path(f"{BASIS}/risicos", v.RisicosView.as_view(), name="uitwerking-api-risicos"),
    path(f"{BASIS}/risicos/<int:risico_id>", v.RisicoView.as_view(), name="uitwerking-api-risico"),
    path(f"{BASIS}/planning", v.PlanningView.as_view(), name="uitwerking-api-planning"),
    path(
        f"{BASIS}/planning/<int:realisatiefase_id>",
        v.FaseView.as_view(),
        name="uitwerking-api-fase",
    ),
]
