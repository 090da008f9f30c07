from django.conf import settings

from wup.selectors import ongelezen_meldingen


def site(request):
    user = getattr(request, "user", None)
    return {
        "WUP_ORGANISATIE": settings.WUP_ORGANISATIE,
        "ongelezen_meldingen_aantal": (
            ongelezen_meldingen(user).count() if user is not None and user.is_authenticated else 0
        ),
    }
