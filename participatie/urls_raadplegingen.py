"""Consultations: their management, the response codes and the residents' response form."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
