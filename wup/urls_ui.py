"""URLs of the web UI (Dutch paths, no trailing slashes). Other code refers to the names."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from wup import views, views_besluiten, views_toegankelijkheid, views_wijzigingen
from wup.accounts import views as account_views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("inloggen", account_views.InloggenView.as_view(), name="login"),
    path("uitloggen", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("wup.accounts.urls")),
    path("wijkplannen/nieuw", views.wijkplan_nieuw, name="wijkplan-nieuw"),
    path("wijkplannen/<int:pk>", views.wijkplan_detail, name="wijkplan-detail"),
    path("wijkplannen/<int:pk>/bewerken", views.wijkplan_bewerken, name="wijkplan-bewerken"),
    path(
        "wijkplannen/<int:pk>/overgangen/<str:naam>",
        views.wijkplan_overgang,
        name="wijkplan-overgang",
    ),
    path("wijkplannen/<int:pk>/historie", views.wijkplan_historie, name="wijkplan-historie"),
    path(
        "wijkplannen/<int:pk>/wijzigingen",
        views_wijzigingen.wijzigingen,
        name="wijkplan-wijzigingen",
    ),
    path(
        "wijkplannen/<int:pk>/wijzigingen/export",
        views_wijzigingen.wijzigingen_export,
        name="wijkplan-wijzigingen-export",
    ),
    path("wijkplannen/<int:pk>/document", views.wijkplan_document, name="wijkplan-document"),
    path("wijkplannen/<int:pk>/besluiten", views_besluiten.besluiten, name="wijkplan-besluiten"),
    path(
        "wijkplannen/<int:pk>/besluiten/<int:besluit_id>/corrigeren",
        views_besluiten.besluit_corrigeren,
        name="wijkplan-besluit-corrigeren",
    ),
    path("meldingen", views.meldingen, name="meldingen"),
    path(
        "toegankelijkheid",
        views_toegankelijkheid.toegankelijkheid,
        name="toegankelijkheid",
    ),
]
