"""Web pages of step 1, included at the site root through the step registry."""

from django.urls import include, path

urlpatterns = [
    path("", include("wijktoets.views.urls_kerncijfers")),
    path("", include("wijktoets.views.urls_indicatoren")),
    path("", include("wijktoets.views.urls_wijktoets")),
]
