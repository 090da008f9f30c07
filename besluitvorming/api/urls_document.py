"""API of step 6: the versions of a plan's council PDF (under /api/v1/, kebab-case, no
trailing slashes)."""

from django.urls import path

from besluitvorming.api import views

BASIS = "wijkplannen/<int:id>/document/versies"

urlpatterns = [
    path(BASIS, views.VersiesView.as_view(), name="besluitvorming-api-versies"),
    path(f"{BASIS}/<int:versie_id>", views.VersieView.as_view(), name="besluitvorming-api-versie"),
    path(
        f"{BASIS}/<int:versie_id>/pdf",
        views.VersieDownloadView.as_view(),
        name="besluitvorming-api-versie-download",
    ),
]
