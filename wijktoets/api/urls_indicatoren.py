"""API of the indicators of a plan area (kebab-case, no trailing slashes)."""

from django.urls import path

from wijktoets.api import indicatoren as views

urlpatterns = [
    path(
        "wijkplannen/<int:id>/indicatoren",
        views.PlanIndicatorenView.as_view(),
        name="wijktoets-api-indicatoren",
    ),
]
