"""API of step 3, included under /api/v1/ through the step registry (kebab-case, no trailing
slashes)."""

from django.urls import path

from participatie.api import participatie as views
from participatie.api import publiek

urlpatterns = [
    path(
        "wijkplannen/<int:id>/partijen",
        views.PartijenView.as_view(),
        name="participatie-api-partijen",
    ),
    path(
        "wijkplannen/<int:id>/contactmomenten",
        views.ContactmomentenView.as_view(),
        name="participatie-api-contactmomenten",
    ),
    path(
        "wijkplannen/<int:id>/gedragsmaatregelen",
        views.GedragsmaatregelenView.as_view(),
        name="participatie-api-gedragsmaatregelen",
    ),
    path(
        "wijkplannen/<int:id>/participatieplannen",
        views.ParticipatieplannenView.as_view(),
        name="participatie-api-participatieplannen",
    ),
]

# Events, consultations and their results (``participatie.api.publiek``).
urlpatterns += [
    path(
        "wijkplannen/<int:id>/bijeenkomsten",
        publiek.BijeenkomstenView.as_view(),
        name="participatie-api-bijeenkomsten",
    ),
    path(
        "wijkplannen/<int:id>/raadplegingen",
        publiek.RaadplegingenView.as_view(),
        name="participatie-api-raadplegingen",
    ),
    path(
        "wijkplannen/<int:id>/raadplegingen/<int:raadpleging_id>/resultaten",
        publiek.ResultatenView.as_view(),
        name="participatie-api-resultaten",
    ),
    path(
        "wijkplannen/<int:id>/steunscores",
        publiek.SteunscoresView.as_view(),
        name="participatie-api-steunscores",
    ),
    path(
        "publiek/wijkplannen/<slug:slug>/bijeenkomsten",
        publiek.PubliekeBijeenkomstenView.as_view(),
        name="participatie-api-publiek-bijeenkomsten",
    ),
    path(
        "publiek/wijkplannen/<slug:slug>/raadplegingen/<int:raadpleging_id>/resultaten",
        publiek.PubliekeResultatenView.as_view(),
        name="participatie-api-publiek-resultaten",
    ),
]
