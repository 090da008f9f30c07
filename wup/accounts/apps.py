from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class WupAdminConfig(AdminConfig):
    """Django's admin, with the site that also requires the second factor."""

    default_site = "wup.accounts.admin_site.WupAdminSite"


class AccountsConfig(AppConfig):
    name = "wup.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from wup.accounts import signals  # noqa: F401  (connects the login receivers)
        from wup.constants import Rol
        from wup.roles import grant

        # A beheerder unlocks a locked-out login and resets a colleague's lost authenticator.
        grant(
            Rol.BEHEERDER,
            "axes.view_accessattempt",
            "axes.delete_accessattempt",
            "axes.view_accesslog",
            "axes.view_accessfailurelog",
            "otp_totp.view_totpdevice",
            "otp_totp.delete_totpdevice",
            "otp_static.view_staticdevice",
            "otp_static.delete_staticdevice",
        )
