"""API of step 6's part 'uitvoeringsplan' (under /api/v1/, kebab-case, no trailing slashes)."""

from django.urls import path

from besluitvorming.api import views_uitvoeringsplan as v

BASIS = "wijkplannen/<int:id>/uitvoeringsplan"

urlpatterns = [
    path(BASIS, v.UitvoeringsplanView.as_view(), name="besluitvorming-api-uitvoeringsplan"),
    *(
        p
        for soort in v.SOORTEN
        for p in (
            path(
                f"{BASIS}/{soort.pad}",
                v.lijst_view(soort).as_view(),
                name=f"besluitvorming-api-{soort.pad}",
            ),
            path(
                f"{BASIS}/{soort.pad}/<int:{soort.param}>",
                v.item_view(soort).as_view(),
                name=f"besluitvorming-api-{soort.enkel}",
            ),
        )
    ),
    path(f"{BASIS}/wensen", v.WensenView.as_view(), name="besluitvorming-api-wensen"),
    path(f"{BASIS}/wensen/<int:inbreng_id>", v.WensView.as_view(), name="besluitvorming-api-wens"),
    path(
        "wijkplannen/<int:id>/wgiw-waarborgen",
        v.WaarborgenView.as_view(),
        name="besluitvorming-api-wgiw-waarborgen",
    ),
    path(
        "wijkplannen/<int:id>/wgiw-waarborgen/<str:punt>",
        v.WaarborgView.as_view(),
        name="besluitvorming-api-wgiw-waarborg",
    ),
]
