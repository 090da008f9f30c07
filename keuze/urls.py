"""Web pages of step 4: the assessment framework, the scores, the analysis and the choice."""

from django.urls import URLPattern, path  # noqa: F401

urlpatterns: list[URLPattern] = []
