"""The login, its second step, the lockout page and the user's own account pages."""

from __future__ import annotations

from base64 import b32encode
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse, reverse_lazy
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from wup.accounts import oidc, tweestap
from wup.accounts.forms import CodeForm, UitzettenForm, WachtwoordWijzigenForm
from wup.forms import InlogForm

#: Session key: the backup codes just made, shown once on the next page.
_NIEUWE_CODES = "wup_nieuwe_reservecodes"


def _volgende(request: HttpRequest) -> str:
    """Where to go after this step: a safe ``next`` or the dashboard."""
    doel = request.POST.get("next") or request.GET.get("next") or ""
    if doel and url_has_allowed_host_and_scheme(
        doel, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return doel
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _oidc_context() -> dict:
    return {"oidc_aan": oidc.aan(), "oidc_naam": oidc.naam()}


class InloggenView(auth_views.LoginView):
    template_name = "registration/login.html"
    authentication_form = InlogForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **_oidc_context()}

    def get_success_url(self) -> str:
        stap = tweestap.nog_nodig(self.request)
        if stap is None:
            return super().get_success_url()
        doel = self.get_redirect_url() or resolve_url(settings.LOGIN_REDIRECT_URL)
        return f"{reverse(f'tweestap-{stap}')}?{urlencode({'next': doel})}"


def uitgesloten(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """django-axes' lockout answer: the login page with the reason, the same whether or not the
    username exists (AXES_LOCKOUT_CALLABLE)."""
    minuten = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    melding = _(
        "Te veel mislukte pogingen om in te loggen. Om uw account te beschermen kunt u het over "
        "%(minuten)d minuten opnieuw proberen. Lukt het dan nog niet? Neem contact op met de "
        "beheerder."
    ) % {"minuten": minuten}
    return render(
        request,
        "registration/login.html",
        {
            "form": InlogForm(request),
            "uitgesloten": melding,
            "next": _volgende(request),
            **_oidc_context(),
        },
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


def _halve_login_context() -> dict:
    # Until the second step is done the menu would only lead back here: show the page as to
    # someone not yet logged in (the page has its own way out).
    return {"user": AnonymousUser()}


@require_http_methods(["GET", "POST"])
def tweestap_controle(request: HttpRequest) -> HttpResponse:
    """The second login step: a code from the app or a backup code."""
    if not request.user.is_authenticated:
        return redirect(settings.LOGIN_URL)
    if tweestap.nog_nodig(request) != "controle":
        return redirect(_volgende(request))
    form = CodeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        tweestap.inloggen_voltooid(request, form.gebruikt)
        if form.gebruikt.name == tweestap.RESERVE_NAAM:
            over = form.gebruikt.token_set.count()
            messages.warning(
                request,
                _(
                    "U bent ingelogd met een reservecode; u heeft er nog %(aantal)d. Maak nieuwe "
                    "codes aan op uw accountpagina als u er weinig meer heeft."
                )
                % {"aantal": over},
            )
        return redirect(_volgende(request))
    return render(
        request,
        "accounts/tweestap_controle.html",
        {"form": form, "next": _volgende(request), **_halve_login_context()},
        status=400 if form.is_bound else 200,
    )


def _qr_svg(url: str) -> str:
    """The provisioning QR code as an SVG element for the page (no data: URL, no script)."""
    afbeelding = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=10)
    svg = afbeelding.to_string(encoding="unicode")
    label = escape(_("QR-code om uw authenticator-app te koppelen"))
    return mark_safe(  # noqa: S308  (generated here from our own URL, no user markup)
        svg.replace("<svg ", f'<svg role="img" aria-label="{label}" class="wup-qr" ', 1)
    )


def _groepjes(sleutel: str) -> str:
    return " ".join(sleutel[i : i + 4] for i in range(0, len(sleutel), 4))


@require_http_methods(["GET", "POST"])
def tweestap_instellen(request: HttpRequest) -> HttpResponse:
    """Couple an authenticator app: scan the code, confirm with the first code, get backup
    codes. While logging in this is only open to someone who has no app yet."""
    if not request.user.is_authenticated:
        return redirect(f"{reverse(settings.LOGIN_URL)}?next={request.path}")
    stap = tweestap.nog_nodig(request)
    if stap == "controle":
        return redirect("tweestap-controle")
    apparaat = None
    if request.method == "POST":
        apparaat = tweestap.TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if apparaat is None:
        apparaat = tweestap.nieuwe_app(request.user)
    form = CodeForm(request.POST or None, user=request.user, reservecodes=False, apparaat=apparaat)
    if request.method == "POST" and form.is_valid():
        if tweestap.app_bevestigen(request, apparaat, form.cleaned_data["code"]):
            request.session[_NIEUWE_CODES] = tweestap.nieuwe_reservecodes(request.user)
            messages.success(request, _("Tweestapsverificatie staat aan."))
            doel = _volgende(request)
            return redirect(f"{reverse('tweestap-reservecodes')}?{urlencode({'next': doel})}")
        form.add_error(
            "code",
            _(
                "Deze code is onjuist. Controleer de tijd op uw telefoon en "
                "vul de code in die de app nu toont."
            ),
        )
    context = {
        "form": form,
        "qr": _qr_svg(apparaat.config_url),
        "sleutel": _groepjes(b32encode(apparaat.bin_key).decode()),
        "tijdens_inloggen": stap == "instellen",
        "next": _volgende(request),
    }
    if stap == "instellen":
        context.update(_halve_login_context())
    return render(
        request, "accounts/tweestap_instellen.html", context, status=400 if form.is_bound else 200
    )


@login_required
@require_http_methods(["GET", "POST"])
def tweestap_reservecodes(request: HttpRequest) -> HttpResponse:
    """New backup codes (POST), shown once (GET right after)."""
    if request.method == "POST":
        if tweestap.app_voor(request.user) is None:
            messages.error(request, _("Zet eerst tweestapsverificatie aan."))
            return redirect("account")
        request.session[_NIEUWE_CODES] = tweestap.nieuwe_reservecodes(request.user)
        messages.success(
            request, _("Er zijn nieuwe reservecodes gemaakt; de oude werken niet meer.")
        )
        return redirect("tweestap-reservecodes")
    codes = request.session.pop(_NIEUWE_CODES, None)
    return render(
        request,
        "accounts/tweestap_reservecodes.html",
        {"codes": codes, "next": _volgende(request)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def tweestap_uitzetten(request: HttpRequest) -> HttpResponse:
    if tweestap.verplicht(request.user):
        if request.method == "POST":
            # Not a question of a wrong password: this account may not switch it off at all.
            raise PermissionDenied
        messages.error(
            request,
            _("Voor uw account is tweestapsverificatie verplicht; u kunt hem niet uitzetten."),
        )
        return redirect("account")
    form = UitzettenForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        tweestap.uitzetten(request.user)
        messages.success(request, _("Tweestapsverificatie staat uit."))
        return redirect("account")
    return render(
        request,
        "accounts/tweestap_uitzetten.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )


@require_safe
@login_required
def account(request: HttpRequest) -> HttpResponse:
    user = request.user
    reserve = tweestap.reserve_voor(user)
    return render(
        request,
        "accounts/account.html",
        {
            "app": tweestap.app_voor(user),
            "reservecodes_over": reserve.token_set.count() if reserve else 0,
            "verplicht": tweestap.verplicht(user),
        },
    )


class WachtwoordWijzigenView(auth_views.PasswordChangeView):
    template_name = "accounts/wachtwoord_wijzigen.html"
    form_class = WachtwoordWijzigenForm
    success_url = reverse_lazy("account")

    def form_valid(self, form):
        response = super().form_valid(form)  # keeps this session, ends the others
        messages.success(self.request, _("Uw wachtwoord is gewijzigd."))
        return response

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response
