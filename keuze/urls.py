"""Web pages of step 4: the assessment framework, the scores, the analysis and the choice."""

from django.urls import path

from keuze import views as v

PLAN = "wijkplannen/<int:pk>/keuze"

urlpatterns = [
    path(PLAN, v.overzicht, name="keuze-overzicht"),
    path(f"{PLAN}/standaardkader", v.standaardkader, name="keuze-standaardkader"),
    path(f"{PLAN}/criteria/nieuw", v.criterium_nieuw, name="keuze-criterium-nieuw"),
    path(
        f"{PLAN}/criteria/<int:criterium_id>",
        v.criterium_wijzigen,
        name="keuze-criterium-wijzigen",
    ),
    path(
        f"{PLAN}/criteria/<int:criterium_id>/verwijderen",
        v.criterium_verwijderen,
        name="keuze-criterium-verwijderen",
    ),
    path(f"{PLAN}/criteria/<int:criterium_id>/scores", v.scores, name="keuze-scores"),
    path(f"{PLAN}/gewichten", v.gewichten, name="keuze-gewichten"),
    path(f"{PLAN}/vastleggen", v.vastleggen, name="keuze-vastleggen"),
    path(f"{PLAN}/keuzes/<int:keuze_id>", v.keuze_detail, name="keuze-detail"),
]
