"""Pages of the indicators of a plan area (Dutch paths, no trailing slashes)."""

from django.urls import path

from wijktoets.views import indicatoren as views

urlpatterns = [
    path("wijkplannen/<int:pk>/indicatoren", views.indicatoren, name="wijktoets-indicatoren"),
    path(
        "wijkplannen/<int:pk>/indicatoren/export",
        views.indicatoren_export,
        name="wijktoets-indicatoren-export",
    ),
]
