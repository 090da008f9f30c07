"""System checks of the deployment (``manage.py check --deploy``)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

_SCHEMAS = ("mailto:", "https://", "tel:")


@register(Tags.security, deploy=True)
def security_contact(app_configs, **kwargs):
    """security.txt (RFC 9116) needs a contact: without one there is nothing to publish."""
    contacten = settings.WUP_SECURITY_CONTACT
    if not contacten:
        return [
            Warning(
                "WUP_SECURITY_CONTACT is leeg: /.well-known/security.txt wordt niet getoond.",
                hint="Zet bijvoorbeeld WUP_SECURITY_CONTACT=mailto:security@gemeente.nl.",
                id="wup.W001",
            )
        ]
    return [
        Warning(
            f"WUP_SECURITY_CONTACT {contact!r} is geen mailto:-, https://- of tel:-adres.",
            id="wup.W002",
        )
        for contact in contacten
        if not contact.startswith(_SCHEMAS)
    ]
