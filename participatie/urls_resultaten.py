"""Results of consultations, the privacy requests of the beheerder and the gate's deviation."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
