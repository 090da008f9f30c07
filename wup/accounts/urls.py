"""The login's second step, the user's own account pages and the OIDC login."""

from django.urls import path

from wup.accounts import oidc, views

urlpatterns = [
    path("inloggen/tweestap", views.tweestap_controle, name="tweestap-controle"),
    path("inloggen/oidc", oidc.OIDCInloggen.as_view(), name="oidc-inloggen"),
    path("inloggen/oidc/terug", oidc.OIDCTerug.as_view(), name="oidc-terug"),
    path("account", views.account, name="account"),
    path("account/wachtwoord", views.WachtwoordWijzigenView.as_view(), name="account-wachtwoord"),
    path("account/tweestap/instellen", views.tweestap_instellen, name="tweestap-instellen"),
    path(
        "account/tweestap/reservecodes",
        views.tweestap_reservecodes,
        name="tweestap-reservecodes",
    ),
    path("account/tweestap/uitzetten", views.tweestap_uitzetten, name="tweestap-uitzetten"),
]
