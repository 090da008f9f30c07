"""Pages of the wijktoets, per plan (Dutch paths, no trailing slashes)."""

from django.urls import path

from wijktoets.views import wijktoets as views

urlpatterns = [
    path("wijkplannen/<int:pk>/wijktoets", views.wijktoets_detail, name="wijktoets"),
    path(
        "wijkplannen/<int:pk>/wijktoets/algemeen",
        views.wijktoets_algemeen,
        name="wijktoets-algemeen",
    ),
    path(
        "wijkplannen/<int:pk>/wijktoets/thema/<str:thema>",
        views.wijktoets_bevinding,
        name="wijktoets-bevinding",
    ),
    path(
        "wijkplannen/<int:pk>/wijktoets/partijen",
        views.wijktoets_partijen,
        name="wijktoets-partijen",
    ),
    path(
        "wijkplannen/<int:pk>/wijktoets/oordeel", views.wijktoets_oordeel, name="wijktoets-oordeel"
    ),
    path(
        "wijkplannen/<int:pk>/wijktoets/afronden",
        views.wijktoets_afronden,
        name="wijktoets-afronden",
    ),
    path(
        "wijkplannen/<int:pk>/wijktoets/versies",
        views.wijktoets_versies,
        name="wijktoets-versies",
    ),
]
