"""API of step 2, included under /api/v1/ through the step registry (kebab-case, no trailing
slashes)."""

from django.urls import include, path

from techniek.api import parameters as views

urlpatterns = [
    path("", include("techniek.api.urls_alternatieven")),
    path("parametersets", views.ParametersetsView.as_view(), name="techniek-api-parametersets"),
    path(
        "parametersets/<int:id>",
        views.ParametersetView.as_view(),
        name="techniek-api-parameterset",
    ),
    path(
        "parametersets/<int:id>/parameters",
        views.ParametersView.as_view(),
        name="techniek-api-parameterset-parameters",
    ),
    path(
        "parametersets/<int:id>/parameters/<str:sleutel>",
        views.ParameterView.as_view(),
        name="techniek-api-parameterset-parameter",
    ),
    path(
        "parametersets/<int:id>/tabellen/<str:tabel>",
        views.TabelView.as_view(),
        name="techniek-api-parameterset-tabel",
    ),
    path(
        "parametersets/<int:id>/verschillen",
        views.VerschillenView.as_view(),
        name="techniek-api-parameterset-verschillen",
    ),
    path(
        "parametersets/<int:id>/concept",
        views.ConceptView.as_view(),
        name="techniek-api-parameterset-concept",
    ),
    path(
        "parametersets/<int:id>/vaststellen",
        views.VaststellenView.as_view(),
        name="techniek-api-parameterset-vaststellen",
    ),
]
