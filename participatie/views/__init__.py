"""Pages of step 3: ``participatie.views.participatie`` (the overview and the projectleider's
forms), ``participatie.views.publiek`` (the public page for residents) and
``participatie.views.publiek_beheer`` (its management)."""
