"""API of step 1, included under /api/v1/ through the step registry."""

from django.urls import include, path

urlpatterns = [
    path("", include("wijktoets.api.urls_kerncijfers")),
    path("", include("wijktoets.api.urls_indicatoren")),
    path("", include("wijktoets.api.urls_wijktoets")),
]
