"""Web pages of step 6's part 'raad'."""

urlpatterns: list = []

#: This part's pages in the plan navigation (`wup.registry.PlanPage`), in order.
PAGES: tuple = ()
