"""The desk: start a look-up with a purpose, see the resident's MijnZaken, end it."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mijnomgeving.accounts.staff import staff_member
from mijnomgeving.audit.models import Purpose

from .access import desk_required
from .forms import LookupForm
from .services import lookup_start
from .session import current_lookup, end_lookup, store_lookup


@desk_required
@require_http_methods(["GET", "POST"])  # the form, and starting a look-up (logged)
def lookup_new(request: HttpRequest) -> HttpResponse:
    form = LookupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        lookup = lookup_start(
            staff=staff_member(request.user),
            bsn=form.cleaned_data["bsn"],
            purpose=Purpose(form.cleaned_data["purpose"]),
            purpose_text=form.cleaned_data["purpose_text"],
        )
        store_lookup(request, lookup)
        return redirect("balie-zaken:list")
    context = {"form": form, "running": current_lookup(request)}
    return render(request, "balie/lookup_new.html", context, status=400 if form.errors else 200)


@require_POST
@desk_required
def lookup_end(request: HttpRequest) -> HttpResponse:
    end_lookup(request)
    messages.success(request, _("De inzage is beëindigd."))
    return redirect("balie:start")
