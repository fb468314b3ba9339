"""Login views (placeholder until the OIDC flow lands)."""

from django.shortcuts import redirect


def login(request):
    return redirect("oidc_authentication_init")
