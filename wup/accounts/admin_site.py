from django.contrib.admin import AdminSite

from wup.accounts import tweestap


class WupAdminSite(AdminSite):
    """The admin, open only to staff whose session passed the second factor.

    Like django-otp's OTPAdminSite, but the code is asked on the product's own second step
    (with set-up and backup codes), and a multi-factor login at the municipality's identity
    provider counts too. The admin's login form stays: it is covered by the lockout, and after
    it the product's middleware asks for the code.
    """

    def has_permission(self, request) -> bool:
        return super().has_permission(request) and tweestap.voldaan(request)
