from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "WUP-platform — beheer"
admin.site.site_title = "WUP-platform"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("wup.api.urls")),
    path("", include("wup.urls_ui")),
]

handler403 = "wup.views.handler403"
handler404 = "wup.views.handler404"
handler500 = "wup.views.handler500"
