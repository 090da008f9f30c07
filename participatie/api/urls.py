"""API of step 3, included under /api/v1/ through the step registry (kebab-case, no trailing
slashes)."""

from django.urls import path

from participatie.api import participatie as views

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
