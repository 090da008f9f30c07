"""Web pages of step 6: the versions of the council PDF, one version's progress, its file."""

from django.urls import path

from besluitvorming import views as v

PLAN = "wijkplannen/<int:pk>/document/versies"

urlpatterns = [
    path(PLAN, v.versies, name="besluitvorming-versies"),
    path(f"{PLAN}/<int:versie_id>", v.versie, name="besluitvorming-versie"),
    path(f"{PLAN}/<int:versie_id>/pdf", v.download, name="besluitvorming-versie-download"),
]
