"""API of step 6's part 'raad' (under /api/v1/)."""

urlpatterns: list = []
