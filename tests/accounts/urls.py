"""The portal's URLs plus one resident page, to test the access decorator."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from mijnomgeving.accounts.decorators import resident_required
from mijnomgeving.accounts.session import require_identity
from mijnomgeving.urls import urlpatterns as portal_urlpatterns


@resident_required
def resident_page(request: HttpRequest) -> HttpResponse:
    return HttpResponse(f"Welkom, {require_identity(request).kind}")


urlpatterns = [path("test/inwoner/", resident_page, name="test-resident-page"), *portal_urlpatterns]
