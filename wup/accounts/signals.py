"""Receivers of the login signals: when this session started (for its absolute lifetime)."""

import time

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

#: Session keys of wup.accounts.middleware.
INGELOGD_OP = "wup_ingelogd_op"
LAATST_ACTIEF = "wup_laatst_actief"


@receiver(user_logged_in, dispatch_uid="wup.accounts.sessie_begint")
def sessie_begint(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        nu = time.time()
        request.session[INGELOGD_OP] = nu
        request.session[LAATST_ACTIEF] = nu
