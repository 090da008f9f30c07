"""Web pages of step 2, included at the site root through the step registry (Dutch paths, no
trailing slashes)."""

from django.urls import path

from techniek.views import alternatieven as a
from techniek.views import parameters as p
from techniek.views import startanalyse as s
from techniek.views import voorraad as v

urlpatterns = [
    path("wijkplannen/<int:pk>/alternatieven", a.alternatieven, name="techniek-alternatieven"),
    path(
        "wijkplannen/<int:pk>/alternatieven/nieuw",
        a.alternatief_nieuw,
        name="techniek-alternatief-nieuw",
    ),
    path(
        "wijkplannen/<int:pk>/alternatieven/standaard",
        a.alternatieven_standaard,
        name="techniek-alternatieven-standaard",
    ),
    path(
        "wijkplannen/<int:pk>/alternatieven/berekenen",
        a.alternatieven_berekenen,
        name="techniek-alternatieven-berekenen",
    ),
    path(
        "wijkplannen/<int:pk>/alternatieven/vergelijking",
        a.vergelijking,
        name="techniek-alternatieven-vergelijking",
    ),
    path(
        "wijkplannen/<int:pk>/alternatieven/export",
        a.export,
        name="techniek-alternatieven-export",
    ),
    path(
        "wijkplannen/<int:pk>/alternatieven/<int:alt_id>",
        a.alternatief,
        name="techniek-alternatief",
    ),
    path(
        "wijkplannen/<int:pk>/alternatieven/<int:alt_id>/wijzigen",
        a.alternatief_wijzigen,
        name="techniek-alternatief-wijzigen",
    ),
    path(
        "wijkplannen/<int:pk>/alternatieven/<int:alt_id>/berekenen",
        a.alternatief_berekenen,
        name="techniek-alternatief-berekenen",
    ),
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
