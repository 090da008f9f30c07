"""API of step 4: criteria, scores, the analysis and the choices of a plan (under /api/v1/,
kebab-case, no trailing slashes)."""

from django.urls import path

from keuze.api import views

BASIS = "wijkplannen/<int:id>/keuze"

urlpatterns = [
    path(f"{BASIS}/criteria", views.CriteriaView.as_view(), name="keuze-api-criteria"),
    path(
        f"{BASIS}/criteria/standaardkader",
        views.StandaardkaderView.as_view(),
        name="keuze-api-standaardkader",
    ),
    path(
        f"{BASIS}/criteria/<int:criterium_id>",
        views.CriteriumView.as_view(),
        name="keuze-api-criterium",
    ),
    path(
        f"{BASIS}/criteria/<int:criterium_id>/scores",
        views.CriteriumScoresView.as_view(),
        name="keuze-api-criterium-scores",
    ),
    path(f"{BASIS}/gewichten", views.GewichtenView.as_view(), name="keuze-api-gewichten"),
    path(f"{BASIS}/scores", views.ScoresView.as_view(), name="keuze-api-scores"),
    path(f"{BASIS}/analyse", views.AnalyseView.as_view(), name="keuze-api-analyse"),
    path(f"{BASIS}/keuzes", views.KeuzesView.as_view(), name="keuze-api-keuzes"),
    path(f"{BASIS}/keuzes/<int:keuze_id>", views.KeuzeView.as_view(), name="keuze-api-keuze"),
]
