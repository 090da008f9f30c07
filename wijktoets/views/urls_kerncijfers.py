"""Pages of the CBS Kerncijfers import, for the beheerder (Dutch paths, no trailing slashes)."""

from django.urls import path

from wijktoets.views import kerncijfers as views

urlpatterns = [
    path(
        "beheer/kerncijfers",
        views.kerncijfer_imports,
        name="wijktoets-kerncijfer-imports",
    ),
    path(
        "beheer/kerncijfers/inlezen",
        views.kerncijfer_import_nieuw,
        name="wijktoets-kerncijfer-import-nieuw",
    ),
    path(
        "beheer/kerncijfers/imports/<int:pk>",
        views.kerncijfer_import_detail,
        name="wijktoets-kerncijfer-import-detail",
    ),
]
