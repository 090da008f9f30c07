"""Pages of step 3: ``participatie.views.participatie`` (the overview and the projectleider's
forms)."""
