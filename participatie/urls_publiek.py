"""The public participation page (no login) and its management by the projectleider."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
