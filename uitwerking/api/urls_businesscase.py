"""API of step 5's part 'businesscase' (under /api/v1/, kebab-case, no trailing slashes)."""

urlpatterns: list = []
