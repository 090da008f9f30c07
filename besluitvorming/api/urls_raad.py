"""API of step 6's part 'raad' (under /api/v1/, kebab-case, no trailing slashes)."""

from django.urls import path

from besluitvorming.api import views_raad as views

BASIS = "wijkplannen/<int:id>/raad"

urlpatterns = [
    path(
        f"{BASIS}/aanbieding",
        views.AanbiedingView.as_view(),
        name="besluitvorming-api-raad-aanbieding",
    ),
    path(f"{BASIS}/besluit", views.BesluitView.as_view(), name="besluitvorming-api-raad-besluit"),
    path("raad/inbox", views.InboxView.as_view(), name="besluitvorming-api-raad-inbox"),
]
