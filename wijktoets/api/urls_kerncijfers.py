"""API of the CBS Kerncijfers (kebab-case, no trailing slashes)."""

from django.urls import path

from wijktoets.api import kerncijfers as views

urlpatterns = [
    path("kerncijfers", views.KerncijfersView.as_view(), name="wijktoets-api-kerncijfers"),
    path(
        "kerncijfer-variabelen",
        views.VariabelenView.as_view(),
        name="wijktoets-api-kerncijfer-variabelen",
    ),
    path(
        "kerncijfer-imports",
        views.ImportsView.as_view(),
        name="wijktoets-api-kerncijfer-imports",
    ),
    path(
        "kerncijfer-imports/<int:id>",
        views.ImportView.as_view(),
        name="wijktoets-api-kerncijfer-import-detail",
    ),
]
