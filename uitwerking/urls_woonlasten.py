"""Web pages of step 5's part 'woonlasten'."""

urlpatterns: list = []

#: This part's pages in the plan navigation (`wup.registry.PlanPage`), in order.
PAGES: tuple = ()
