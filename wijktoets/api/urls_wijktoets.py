"""API routes of the wijktoets (under /api/v1/; kebab-case, no trailing slashes)."""

from django.urls import path

from wijktoets.api import wijktoets as views

urlpatterns = [
    path("wijkplannen/<int:id>/wijktoets", views.WijktoetsView.as_view(), name="api-wijktoets"),
    path(
        "wijkplannen/<int:id>/wijktoets/bevindingen",
        views.WijktoetsBevindingenView.as_view(),
        name="api-wijktoets-bevindingen",
    ),
    path(
        "wijkplannen/<int:id>/wijktoets/bevindingen/<str:thema>",
        views.WijktoetsBevindingView.as_view(),
        name="api-wijktoets-bevinding",
    ),
    path(
        "wijkplannen/<int:id>/wijktoets/afronden",
        views.WijktoetsAfrondenView.as_view(),
        name="api-wijktoets-afronden",
    ),
    path(
        "wijkplannen/<int:id>/wijktoets/versies",
        views.WijktoetsVersiesView.as_view(),
        name="api-wijktoets-versies",
    ),
]
