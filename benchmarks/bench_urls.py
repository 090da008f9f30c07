"""The product's URLs plus one bare view, for the load test's baseline only.

Selected by ``bench_settings`` (``DJANGO_SETTINGS_MODULE=benchmarks.bench_settings``); never
part of the product's own URLconf.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from wup import urls as product

handler403 = product.handler403
handler404 = product.handler404
handler500 = product.handler500


def kaal(request: HttpRequest) -> HttpResponse:
    """What every logged-in page pays before it does its own work: the middleware, the session
    and the user (read here, as a page's login check reads it), and a response."""
    return HttpResponse(
        f"ok {int(request.user.is_authenticated)}", content_type="text/plain; charset=utf-8"
    )


urlpatterns = [path("bench/kaal", kaal, name="bench-kaal"), *product.urlpatterns]
