"""Web pages of step 2, included at the site root through the step registry (Dutch paths, no
trailing slashes)."""

from django.urls import path

from techniek.views import parameters as p
from techniek.views import startanalyse as s
from techniek.views import voorraad as v

urlpatterns = [
    path("parameters", p.parametersets, name="techniek-parametersets"),
    path("parameters/huidig", p.parameterset_huidig, name="techniek-parameterset-huidig"),
    path(
        "parameters/vergelijken",
        p.parametersets_vergelijken,
        name="techniek-parametersets-vergelijken",
    ),
    path("parameters/pbl-laden", p.parameters_pbl_laden, name="techniek-parameters-pbl-laden"),
    path("parameters/<int:pk>", p.parameterset_detail, name="techniek-parameterset"),
    path(
        "parameters/<int:pk>/concept",
        p.parameterset_concept,
        name="techniek-parameterset-concept",
    ),
    path(
        "parameters/<int:pk>/vaststellen",
        p.parameterset_vaststellen,
        name="techniek-parameterset-vaststellen",
    ),
    path(
        "parameters/<int:pk>/aanvullen",
        p.parameterset_aanvullen,
        name="techniek-parameterset-aanvullen",
    ),
    path(
        "parameters/<int:pk>/verwijderen",
        p.parameterset_verwijderen,
        name="techniek-parameterset-verwijderen",
    ),
    path(
        "parameters/<int:pk>/wijzigen/<str:sleutel>",
        p.parameter_wijzigen,
        name="techniek-parameter-wijzigen",
    ),
    path(
        "parameters/<int:pk>/tabellen/<str:tabel>",
        p.parametertabel,
        name="techniek-parametertabel",
    ),
    path(
        "parameters/<int:pk>/tabellen/<str:tabel>/wijzigen",
        p.parametertabel_wijzigen,
        name="techniek-parametertabel-wijzigen",
    ),
    path("beheer/startanalyse", s.startanalyse_imports, name="techniek-startanalyse-imports"),
    path(
        "beheer/startanalyse/inlezen",
        s.startanalyse_import_nieuw,
        name="techniek-startanalyse-import-nieuw",
    ),
    path(
        "beheer/startanalyse/imports/<int:pk>",
        s.startanalyse_import_detail,
        name="techniek-startanalyse-import-detail",
    ),
    path("wijkplannen/<int:pk>/gebouwvoorraad", v.gebouwvoorraad, name="techniek-gebouwvoorraad"),
    path(
        "wijkplannen/<int:pk>/gebouwvoorraad/cbs",
        v.gebouwvoorraad_cbs,
        name="techniek-gebouwvoorraad-cbs",
    ),
    path(
        "wijkplannen/<int:pk>/gebouwvoorraad/upload",
        v.gebouwvoorraad_upload,
        name="techniek-gebouwvoorraad-upload",
    ),
    path(
        "wijkplannen/<int:pk>/gebouwvoorraad/wijzigen",
        v.gebouwvoorraad_wijzigen,
        name="techniek-gebouwvoorraad-wijzigen",
    ),
    path(
        "wijkplannen/<int:pk>/gebouwvoorraad/voorbeeld.csv",
        v.gebouwvoorraad_voorbeeld,
        name="techniek-gebouwvoorraad-voorbeeld",
    ),
    path(
        "wijkplannen/<int:pk>/gebouwvoorraad/voorbeeld.xlsx",
        v.gebouwvoorraad_voorbeeld_excel,
        name="techniek-gebouwvoorraad-voorbeeld-excel",
    ),
]
