"""A Klantinteracties API stand-in shaped like Open Klant 2.18 (API 0.9.0), read-only.

Served under `/klantinteracties/api/v1` with `Authorization: Token <key>` (the key comes from
DEMO_KLANTINTERACTIES_TOKEN). Only what the portal's Notificatieservice needs: partijen (found
by their BSN identificator, docs/standards.md §5) and their digitale adressen.

The seed (who has which address) is in klantinteracties_seed.py.
"""

import functools
import os
import secrets
import uuid as uuid_module
from collections.abc import Callable
from typing import Any, Final
from uuid import UUID

from django.http import HttpRequest, HttpResponse, JsonResponse

from demo.backoffice.http import ApiError, Query, detail_response, paginated_response
from demo.backoffice.klantinteracties_seed import DigitaalAdres, Partij, digitale_adressen, partijen
from demo.backoffice.store import state

PREFIX: Final = "/klantinteracties/api/v1"
API_VERSION: Final = "0.9.0"
DEFAULT_TOKEN: Final = "mijnomgeving-demo-klantinteracties-token"
IDENTIFICATOR_FIELDS: Final = ("codeObjecttype", "codeSoortObjectId", "codeRegister", "objectId")


def token() -> str:
    """DEMO_KLANTINTERACTIES_TOKEN: the key the portal sends as `Authorization: Token <key>`."""
    return os.environ.get("DEMO_KLANTINTERACTIES_TOKEN") or DEFAULT_TOKEN


# Rendering (the field set of Open Klant 2.18; optional fields it sends as null are sent so).


def _base(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}{PREFIX}"


def _ref(request: HttpRequest, kind: str, key: UUID) -> dict[str, str]:
    return {"uuid": str(key), "url": f"{_base(request)}/{kind}/{key}"}


def adres_json(request: HttpRequest, adres: DigitaalAdres, expand: bool = False) -> dict[str, Any]:
    body: dict[str, Any] = {
        **_ref(request, "digitaleadressen", adres.uuid),
        "verstrektDoorBetrokkene": None,
        "verstrektDoorPartij": _ref(request, "partijen", adres.partij),
        "adres": adres.adres,
        "soortDigitaalAdres": adres.soort,
        "isStandaardAdres": adres.is_standaard,
        "omschrijving": adres.omschrijving,
        "referentie": "portaalvoorkeur",
        "verificatieDatum": adres.verificatie_datum.isoformat()
        if adres.verificatie_datum
        else None,
    }
    if expand:
        body["_expand"] = {"verstrektDoorBetrokkene": None}
    return body


def partij_json(request: HttpRequest, partij: Partij, expand: list[str]) -> dict[str, Any]:
    identificator = {
        **_ref(request, "partij-identificatoren", partij.identificator_uuid),
        "identificeerdePartij": _ref(request, "partijen", partij.uuid),
        "anderePartijIdentificator": "",
        "partijIdentificator": {
            "codeObjecttype": "natuurlijk_persoon",
            "codeSoortObjectId": "bsn",
            "objectId": partij.bsn,
            "codeRegister": "brp",
        },
        "subIdentificatorVan": None,
    }
    body: dict[str, Any] = {
        **_ref(request, "partijen", partij.uuid),
        "nummer": partij.nummer,
        "interneNotitie": "",
        "betrokkenen": [],
        "categorieRelaties": [],
        "digitaleAdressen": [_ref(request, "digitaleadressen", a.uuid) for a in partij.adressen],
        "voorkeursDigitaalAdres": _ref(request, "digitaleadressen", partij.voorkeur)
        if partij.voorkeur
        else None,
        "vertegenwoordigden": [],
        "rekeningnummers": [],
        "voorkeursRekeningnummer": None,
        "partijIdentificatoren": [identificator],
        "soortPartij": "persoon",
        "indicatieGeheimhouding": False,
        "voorkeurstaal": "dut",
        "indicatieActief": True,
        "bezoekadres": None,
        "correspondentieadres": None,
        "partijIdentificatie": {
            "contactnaam": {
                "voorletters": partij.voorletters,
                "voornaam": partij.voornaam,
                "voorvoegselAchternaam": partij.voorvoegsel,
                "achternaam": partij.achternaam,
            },
            "volledigeNaam": partij.volledige_naam,
        },
    }
    if expand:
        expanded: dict[str, Any] = {}
        if "digitaleAdressen" in expand:
            expanded["digitaleAdressen"] = [adres_json(request, a) for a in partij.adressen]
        if "betrokkenen" in expand or "betrokkenen.hadKlantcontact" in expand:
            expanded["betrokkenen"] = []
        if "categorieRelaties" in expand:
            expanded["categorieRelaties"] = []
        body["_expand"] = expanded
    return body


# Auth and views.


def _problem(request: HttpRequest, status: int, code: str, title: str, detail: str) -> JsonResponse:
    body = {
        "type": f"{request.scheme}://{request.get_host()}/ref/fouten/{code}/",
        "code": code,
        "title": title,
        "status": status,
        "detail": detail,
        "instance": f"urn:uuid:{uuid_module.uuid4()}",
    }
    return JsonResponse(body, status=status, content_type="application/problem+json")


def token_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """GET only, `Authorization: Token <key>` as Open Klant (DRF TokenAuthentication: 401)."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        header = request.headers.get("Authorization", "")
        response: HttpResponse
        if not header:
            response = _problem(
                request,
                401,
                "not_authenticated",
                "Authenticatiegegevens zijn niet opgegeven.",
                "Authenticatiegegevens zijn niet opgegeven.",
            )
        elif not header.startswith("Token ") or not secrets.compare_digest(
            header.removeprefix("Token ").strip().encode(), token().encode()
        ):
            response = _problem(
                request, 401, "authentication_failed", "Ongeldige token.", "Ongeldige token."
            )
        else:
            try:
                if request.method not in ("GET", "HEAD"):
                    raise ApiError(
                        405, "method_not_allowed", f'Methode "{request.method}" niet toegestaan.'
                    )
                response = view(request, *args, **kwargs)
            except ApiError as error:
                response = error.response(request)
        if response.status_code == 401:
            response["WWW-Authenticate"] = "Token"
        response["API-version"] = API_VERSION
        return response

    return wrapper


PARTIJ_EXPAND: Final = (
    "betrokkenen",
    "betrokkenen.hadKlantcontact",
    "categorieRelaties",
    "digitaleAdressen",
)
PAGING: Final = ("page", "pageSize")


def _identificator_matches(partij: Partij, values: dict[str, str | None]) -> bool:
    own = {
        "codeObjecttype": "natuurlijk_persoon",
        "codeSoortObjectId": "bsn",
        "codeRegister": "brp",
        "objectId": partij.bsn,
    }
    return all(value is None or own[name] == value for name, value in values.items())


def _uuid(query: Query, name: str) -> UUID | None:
    value = query.string(name)
    if value is None:
        return None
    try:
        return UUID(value)
    except ValueError:
        raise ApiError(
            400,
            "invalid",
            "Voer een geldige UUID in.",
            [{"name": name, "code": "invalid", "reason": "Voer een geldige UUID in."}],
        ) from None


@token_view
def partij_list(request: HttpRequest) -> HttpResponse:
    names = [f"partijIdentificator__{field}" for field in IDENTIFICATOR_FIELDS]
    query = Query(request, [*names, "soortPartij", "indicatieActief", "expand", *PAGING])
    wanted = {name.split("__")[1]: query.string(name) for name in names}
    expand = query.multiple("expand", PARTIJ_EXPAND)
    soort = query.choice("soortPartij", ("contactpersoon", "organisatie", "persoon"))
    actief = query.boolean("indicatieActief")
    found = [
        partij
        for partij in partijen(state().config.today).values()
        if _identificator_matches(partij, wanted)
        and soort in (None, "persoon")
        and actief in (None, True)
    ]
    found.sort(key=lambda partij: partij.nummer)
    return paginated_response(request, found, lambda p: partij_json(request, p, expand))


@token_view
def partij_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    expand = Query(request, ["expand"]).multiple("expand", PARTIJ_EXPAND)
    partij = partijen(state().config.today).get(uuid)
    if partij is None:
        raise ApiError(404, "not_found", "Niet gevonden.")
    return detail_response(request, partij_json(request, partij, expand))


@token_view
def digitaal_adres_list(request: HttpRequest) -> HttpResponse:
    by_identificator = [
        f"verstrektDoorPartij__partijIdentificator__{field}" for field in IDENTIFICATOR_FIELDS
    ]
    query = Query(
        request,
        [
            "verstrektDoorPartij__uuid",
            "verstrektDoorPartij__url",
            *by_identificator,
            "soortDigitaalAdres",
            "isGeverifieerd",
            "isStandaardAdres",
            "referentie",
            "adres",
            "expand",
            *PAGING,
        ],
    )
    expand = bool(query.multiple("expand", ("verstrektDoorBetrokkene",)))
    partij_uuid = _uuid(query, "verstrektDoorPartij__uuid")
    partij_url = query.string("verstrektDoorPartij__url")
    wanted = {name.rsplit("__", 1)[1]: query.string(name) for name in by_identificator}
    soort = query.choice("soortDigitaalAdres", ("email", "telefoonnummer", "overig"))
    geverifieerd = query.boolean("isGeverifieerd")
    standaard = query.boolean("isStandaardAdres")
    referentie, adres = query.string("referentie"), query.string("adres")
    today = state().config.today
    owners = partijen(today)
    found = [
        a
        for a in digitale_adressen(today).values()
        if partij_uuid in (None, a.partij)
        and (partij_url is None or partij_url.rstrip("/").endswith(f"/partijen/{a.partij}"))
        and _identificator_matches(owners[a.partij], wanted)
        and soort in (None, a.soort)
        and geverifieerd in (None, a.verificatie_datum is not None)
        and standaard in (None, a.is_standaard)
        and referentie in (None, "portaalvoorkeur")
        and adres in (None, a.adres)
    ]
    return paginated_response(request, found, lambda a: adres_json(request, a, expand))


@token_view
def digitaal_adres_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    expand = bool(Query(request, ["expand"]).multiple("expand", ("verstrektDoorBetrokkene",)))
    adres = digitale_adressen(state().config.today).get(uuid)
    if adres is None:
        raise ApiError(404, "not_found", "Niet gevonden.")
    return detail_response(request, adres_json(request, adres, expand))
