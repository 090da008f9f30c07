"""API of step 4: criteria, scores, the analysis and the choices of a plan."""

from django.urls import URLPattern, path  # noqa: F401

urlpatterns: list[URLPattern] = []
