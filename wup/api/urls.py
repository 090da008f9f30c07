"""The API's routes: kebab-case paths without trailing slashes (API Design Rules, API-48)."""

from django.urls import path, re_path

from wup.api import besluiten, views, wijzigingen

app_name = "api"

urlpatterns = [
    path("gemeenten", views.GemeentenView.as_view(), name="gemeenten"),
    path("gemeenten/<str:code>", views.GemeenteView.as_view(), name="gemeente-detail"),
    path("wijken", views.WijkenView.as_view(), name="wijken"),
    path("wijken/<str:code>", views.WijkView.as_view(), name="wijk-detail"),
    path("buurten", views.BuurtenView.as_view(), name="buurten"),
    path("buurten/<str:code>", views.BuurtView.as_view(), name="buurt-detail"),
    path("wijkplannen", views.WijkplannenView.as_view(), name="wijkplannen"),
    path("wijkplannen/<int:id>", views.WijkplanView.as_view(), name="wijkplan-detail"),
    path(
        "wijkplannen/<int:id>/overgangen",
        views.OvergangenView.as_view(),
        name="wijkplan-overgangen",
    ),
    path(
        "wijkplannen/<int:id>/overgangen/<str:naam>",
        views.OvergangUitvoerenView.as_view(),
        name="wijkplan-overgang-uitvoeren",
    ),
    path("wijkplannen/<int:id>/historie", views.HistorieView.as_view(), name="wijkplan-historie"),
    path(
        "wijkplannen/<int:id>/historie/<int:historie_id>",
        views.HistorieRijView.as_view(),
        name="wijkplan-historie-detail",
    ),
    path(
        "wijkplannen/<int:id>/besluiten",
        besluiten.BesluitenView.as_view(),
        name="wijkplan-besluiten",
    ),
    path(
        "wijkplannen/<int:id>/besluiten/<int:besluit_id>",
        besluiten.BesluitView.as_view(),
        name="wijkplan-besluit-detail",
    ),
    path(
        "wijkplannen/<int:id>/wijzigingen",
        wijzigingen.WijzigingenView.as_view(),
        name="wijkplan-wijzigingen",
    ),
    path("openapi.json", views.OpenApiJsonView.as_view(), name="openapi-json"),
    path("openapi.yaml", views.OpenApiYamlView.as_view(), name="openapi-yaml"),
    path("docs", views.DocsView.as_view(), name="docs"),
    # Last: anything else under /api/v1/ -- including a path with a trailing slash -- is a
    # problem+json 404, never an HTML page or a redirect to another form.
    re_path(r"^.+$", views.niet_gevonden),
]
