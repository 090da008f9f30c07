"""API of step 6's part 'uitvoeringsplan' (under /api/v1/)."""

urlpatterns: list = []
