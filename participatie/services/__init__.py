"""Writes of step 3. Import from the submodules: ``participatie.services.netwerk`` (the
stakeholders, the log of contacts and the behavioural measures),
``participatie.services.participatieplan`` (the participation plan per phase);
``participatie.services.publiek`` (the public page: sign-ups, questions, moderation, news, FAQ,
events).
``participatie.services.toegang`` holds the shared check of who may write."""
