"""API of step 5's part 'organisatie' (under /api/v1/, kebab-case, no trailing slashes)."""

urlpatterns: list = []
