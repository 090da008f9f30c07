from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import SessionAuthentication

from wup.accounts import tweestap


class SessieMetTweestap(SessionAuthentication):
    """The browser's session, but not one whose login still owes its second factor."""

    def authenticate(self, request):
        resultaat = super().authenticate(request)
        if resultaat is not None and tweestap.nog_nodig(request._request):
            raise exceptions.AuthenticationFailed(
                _("Rond eerst de tweestapsverificatie af in de webapplicatie.")
            )
        return resultaat
