"""API of step 5, one URLconf per part (under /api/v1/)."""

from uitwerking.api import urls_businesscase, urls_organisatie, urls_woonlasten

urlpatterns = [
    p for deel in (urls_businesscase, urls_woonlasten, urls_organisatie) for p in deel.urlpatterns
]
