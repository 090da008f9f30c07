"""API routes of a plan's stock, alternatives and calculations (under /api/v1/, kebab-case,
no trailing slashes)."""

from django.urls import path

from techniek.api import alternatieven, startanalyse

urlpatterns = [
    path(
        "wijkplannen/<int:id>/gebouwvoorraad",
        alternatieven.GebouwvoorraadView.as_view(),
        name="techniek-api-gebouwvoorraad",
    ),
    path(
        "wijkplannen/<int:id>/alternatieven",
        alternatieven.AlternatievenView.as_view(),
        name="techniek-api-alternatieven",
    ),
    path(
        "wijkplannen/<int:id>/alternatieven/<int:alt_id>",
        alternatieven.AlternatiefView.as_view(),
        name="techniek-api-alternatief",
    ),
    path(
        "wijkplannen/<int:id>/alternatieven/<int:alt_id>/berekenen",
        alternatieven.BerekenenView.as_view(),
        name="techniek-api-alternatief-berekenen",
    ),
    path(
        "wijkplannen/<int:id>/alternatieven/<int:alt_id>/berekening",
        alternatieven.BerekeningView.as_view(),
        name="techniek-api-alternatief-berekening",
    ),
    path(
        "wijkplannen/<int:id>/startanalyse",
        startanalyse.StartanalyseView.as_view(),
        name="techniek-api-startanalyse",
    ),
]
