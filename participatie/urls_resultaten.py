"""Results of consultations (for the team and, once closed, the public); the deviation."""

from django.urls import URLPattern, path

from participatie.views import resultaten as v

urlpatterns: list[URLPattern] = [
    path(
        "wijkplannen/<int:pk>/participatie/raadplegingen/<int:raadpleging_id>/resultaten",
        v.resultaten,
        name="participatie-raadpleging-resultaten",
    ),
    path(
        "wijkplannen/<int:pk>/participatie/raadplegingen/<int:raadpleging_id>/resultaten/export",
        v.resultaten_export,
        name="participatie-raadpleging-resultaten-export",
    ),
    path("wijkplannen/<int:pk>/participatie/afwijking", v.afwijking, name="participatie-afwijking"),
    path(
        "participatie/<slug:slug>/raadplegingen/<int:raadpleging_id>/uitslag",
        v.publiek_resultaten,
        name="participatie-publiek-resultaten",
    ),
]
