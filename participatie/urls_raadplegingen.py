"""Consultations: their management, the response codes and the residents' response form."""

from django.urls import path

from participatie.views import raadplegen_publiek as publiek
from participatie.views import raadplegingen as v

BASIS = "wijkplannen/<int:pk>/participatie/raadplegingen"
EEN = BASIS + "/<int:raadpleging_id>"
PUBLIEK = "participatie/<slug:slug>/raadplegingen/<int:raadpleging_id>"

urlpatterns = [
    path(BASIS, v.lijst, name="participatie-raadplegingen"),
    path(BASIS + "/nieuw", v.raadpleging_nieuw, name="participatie-raadpleging-nieuw"),
    path(EEN, v.detail, name="participatie-raadpleging"),
    path(EEN + "/wijzigen", v.raadpleging_wijzigen, name="participatie-raadpleging-wijzigen"),
    path(EEN + "/vrijgeven", v.raadpleging_vrijgeven, name="participatie-raadpleging-vrijgeven"),
    path(EEN + "/vragen/nieuw", v.vraag_nieuw, name="participatie-vraag-nieuw"),
    path(
        EEN + "/vragen/<int:vraag_id>/wijzigen",
        v.vraag_wijzigen,
        name="participatie-vraag-wijzigen",
    ),
    path(
        EEN + "/vragen/<int:vraag_id>/verwijderen",
        v.vraag_verwijderen,
        name="participatie-vraag-verwijderen",
    ),
    path(
        EEN + "/vragen/<int:vraag_id>/verplaatsen",
        v.vraag_verplaatsen,
        name="participatie-vraag-verplaatsen",
    ),
    path(EEN + "/codes", v.codes, name="participatie-codes"),
    path(EEN + "/codes/export", v.codes_export, name="participatie-codes-export"),
    path(
        EEN + "/codes/<int:code_id>/intrekken",
        v.code_intrekken,
        name="participatie-code-intrekken",
    ),
    # Residents, no login.
    path(PUBLIEK, publiek.raadplegen, name="participatie-raadplegen"),
    path(
        PUBLIEK + "/vragen", publiek.raadplegen_formulier, name="participatie-raadplegen-formulier"
    ),
    path(PUBLIEK + "/bedankt", publiek.raadplegen_bedankt, name="participatie-raadplegen-bedankt"),
    path(
        PUBLIEK + "/link/<str:sleutel>",
        publiek.raadplegen_email,
        name="participatie-raadplegen-email",
    ),
]
