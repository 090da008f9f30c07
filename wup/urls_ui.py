"""URLs of the web UI (Dutch paths, no trailing slashes). Other code refers to the names."""

from django.contrib.auth import views as auth_views
from django.urls import path

from wup import views, views_besluiten, views_toegankelijkheid
from wup.forms import InlogForm

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path(
        "inloggen",
        auth_views.LoginView.as_view(
            template_name="registration/login.html",
            authentication_form=InlogForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("uitloggen", auth_views.LogoutView.as_view(), name="logout"),
    path("wijkplannen/nieuw", views.wijkplan_nieuw, name="wijkplan-nieuw"),
    path("wijkplannen/<int:pk>", views.wijkplan_detail, name="wijkplan-detail"),
    path("wijkplannen/<int:pk>/bewerken", views.wijkplan_bewerken, name="wijkplan-bewerken"),
    path(
        "wijkplannen/<int:pk>/overgangen/<str:naam>",
        views.wijkplan_overgang,
        name="wijkplan-overgang",
    ),
    path("wijkplannen/<int:pk>/historie", views.wijkplan_historie, name="wijkplan-historie"),
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
