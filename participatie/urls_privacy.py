"""The beheerder's pages for requests of a person about their data, and the processing log."""

from django.urls import URLPattern, path

from participatie.views import privacy as v

urlpatterns: list[URLPattern] = [
    path("beheer/privacy", v.verzoeken, name="participatie-privacy"),
    path("beheer/privacy/export", v.export, name="participatie-privacy-export"),
    path("beheer/privacy/wissen", v.wissen, name="participatie-privacy-wissen"),
    path("beheer/privacy/logboek", v.logboek, name="participatie-privacy-logboek"),
]
