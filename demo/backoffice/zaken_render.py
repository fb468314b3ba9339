"""Zaken API 1.5.1 resources as Open Zaak 1.30 renders them, and its `expand` (`_expand`)."""

import re
from datetime import date, datetime
from typing import Any

from demo.backoffice.catalogi import (
    resultaattype_json,
    roltype_json,
    statustype_json,
    zaaktype_json,
)
from demo.backoffice.http import Links
from demo.backoffice.models import Resultaat, Rol, Status, Zaak, ZaakInformatieObject
from demo.backoffice.store import State

BETALINGSINDICATIE_WEERGAVE = {
    "": "",
    "nvt": "Er is geen sprake van te betalen, met de zaak gemoeide, kosten.",
    "nog_niet": "De met de zaak gemoeide kosten zijn (nog) niet betaald.",
    "gedeeltelijk": "De met de zaak gemoeide kosten zijn gedeeltelijk betaald.",
    "geheel": "De met de zaak gemoeide kosten zijn geheel betaald.",
}

# The expand paths the demo fills; the others in the spec's enum are accepted and stay empty
# because the seed has no deelzaken, hoofdzaak, eigenschappen or zaakobjecten.
EXPAND_CHOICES = (
    "deelzaken",
    "deelzaken.resultaat",
    "deelzaken.resultaat.resultaattype",
    "deelzaken.rollen",
    "deelzaken.rollen.roltype",
    "deelzaken.status",
    "deelzaken.status.statustype",
    "deelzaken.zaakinformatieobjecten",
    "deelzaken.zaakobjecten",
    "deelzaken.zaaktype",
    "eigenschappen",
    "eigenschappen.eigenschap",
    "hoofdzaak",
    "hoofdzaak.resultaat",
    "hoofdzaak.resultaat.resultaattype",
    "hoofdzaak.rollen",
    "hoofdzaak.rollen.roltype",
    "hoofdzaak.status",
    "hoofdzaak.status.statustype",
    "hoofdzaak.zaakinformatieobjecten",
    "hoofdzaak.zaakobjecten",
    "hoofdzaak.zaaktype",
    "resultaat",
    "resultaat.resultaattype",
    "rollen",
    "rollen.roltype",
    "status",
    "status.statustype",
    "zaakinformatieobjecten",
    "zaakobjecten",
    "zaaktype",
)


def datetime_json(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def date_json(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _add_years(day: date, duration: str) -> date:
    years = int(re.fullmatch(r"P(\d+)Y", duration).group(1))  # type: ignore[union-attr]
    return day.replace(year=day.year + years)


def zaak_json(zaak: Zaak, links: Links, current: State) -> dict[str, Any]:
    seed = current.seed
    resultaattype = (
        seed.catalogi.resultaattypen[seed.resultaten[zaak.resultaat].resultaattype]
        if zaak.resultaat
        else None
    )
    body = {
        "url": links("zaak", zaak.uuid),
        "uuid": str(zaak.uuid),
        "identificatie": zaak.identificatie,
        "bronorganisatie": seed.catalogi.catalogus.rsin,
        "omschrijving": zaak.omschrijving,
        "toelichting": zaak.toelichting,
        "zaaktype": links("zaaktype", zaak.zaaktype),
        "registratiedatum": zaak.registratiedatum.isoformat(),
        "verantwoordelijkeOrganisatie": seed.catalogi.catalogus.rsin,
        "startdatum": zaak.startdatum.isoformat(),
        "einddatum": date_json(zaak.einddatum),
        "einddatumGepland": date_json(zaak.einddatum_gepland),
        "uiterlijkeEinddatumAfdoening": date_json(zaak.uiterlijke_einddatum_afdoening),
        "publicatiedatum": None,
        "laatstGemuteerd": datetime_json(zaak.laatst_gemuteerd or datetime.min),
        "laatstGeopend": None,
        "communicatiekanaal": "",
        "communicatiekanaalNaam": "",
        "productenOfDiensten": [],
        "vertrouwelijkheidaanduiding": zaak.vertrouwelijkheidaanduiding,
        "betalingsindicatie": zaak.betalingsindicatie,
        "betalingsindicatieWeergave": BETALINGSINDICATIE_WEERGAVE[zaak.betalingsindicatie],
        "laatsteBetaaldatum": datetime_json(zaak.laatste_betaaldatum)
        if zaak.laatste_betaaldatum
        else None,
        # Open Zaak always sends both keys: null when the zaak has none.
        "zaakgeometrie": (
            {"type": "Point", "coordinates": list(zaak.zaakgeometrie)}
            if zaak.zaakgeometrie
            else None
        ),
        "verlenging": (
            {"reden": zaak.verlenging[0], "duur": zaak.verlenging[1]} if zaak.verlenging else None
        ),
        "opschorting": {
            "indicatie": zaak.opschorting is not None,
            "eerdereOpschorting": zaak.opschorting is not None,
            "reden": zaak.opschorting or "",
        },
        "selectielijstklasse": "",
        "hoofdzaak": None,
        "deelzaken": [],
        "relevanteAndereZaken": [],
        "gerelateerdeZaken": [],
        "eigenschappen": [],
        "rollen": [links("rol", rol.uuid) for rol in current.rollen_of(zaak.uuid)],
        "status": links.optional("status", zaak.status),
        "zaakinformatieobjecten": [
            links("zaakinformatieobject", zio.uuid) for zio in current.zios_of(zaak.uuid)
        ],
        "zaakobjecten": [],
        "kenmerken": [],
        "archiefnominatie": resultaattype.archiefnominatie if resultaattype else None,
        "archiefstatus": "nog_te_archiveren",
        "archiefactiedatum": (
            _add_years(zaak.einddatum, resultaattype.archiefactietermijn).isoformat()
            if resultaattype and zaak.einddatum
            else None
        ),
        "resultaat": links.optional("resultaat", zaak.resultaat),
        "opdrachtgevendeOrganisatie": seed.catalogi.catalogus.rsin,
        "processobjectaard": "",
        "startdatumBewaartermijn": None,
        "processobject": {
            "datumkenmerk": "",
            "identificatie": "",
            "objecttype": "",
            "registratie": "",
        },
    }
    return body


def status_json(status: Status, links: Links, current: State) -> dict[str, Any]:
    zaak = current.seed.zaken[status.zaak]
    return {
        "url": links("status", status.uuid),
        "uuid": str(status.uuid),
        "zaak": links("zaak", status.zaak),
        "statustype": links("statustype", status.statustype),
        "datumStatusGezet": datetime_json(status.datum_status_gezet),
        "statustoelichting": status.statustoelichting,
        "indicatieLaatstGezetteStatus": zaak.status == status.uuid,
        "gezetdoor": None,
        "zaakinformatieobjecten": [
            links("zaakinformatieobject", zio.uuid)
            for zio in current.zios_of(status.zaak)
            if zio.status == status.uuid
        ],
    }


# What Open Zaak adds to a betrokkeneIdentificatie when the rol was made without it: "" for
# an unknown value, null for an address that was not given.
IDENTIFICATIE_DEFAULTS: dict[str, dict[str, Any]] = {
    "natuurlijk_persoon": {
        "inpBsn": "",
        "anpIdentificatie": "",
        "inpA_nummer": "",
        "geslachtsnaam": "",
        "voorvoegselGeslachtsnaam": "",
        "voorletters": "",
        "voornamen": "",
        "geslachtsaanduiding": "",
        "geboortedatum": "",
        "verblijfsadres": None,
        "subVerblijfBuitenland": None,
    },
    "niet_natuurlijk_persoon": {
        "innNnpId": "",
        "annIdentificatie": "",
        "kvkNummer": "",
        "vestigingsNummer": "",
        "statutaireNaam": "",
        "innRechtsvorm": "",
        "bezoekadres": "",
        "verblijfsadres": None,
        "subVerblijfBuitenland": None,
    },
    "vestiging": {
        "vestigingsNummer": "",
        "handelsnaam": [],
        "verblijfsadres": None,
        "subVerblijfBuitenland": None,
        "kvkNummer": "",
    },
}


def rol_json(rol: Rol, links: Links, current: State) -> dict[str, Any]:
    identificatie: dict[str, Any] = {
        **IDENTIFICATIE_DEFAULTS.get(rol.betrokkene_type, {}),
        **rol.betrokkene_identificatie,
    }
    body: dict[str, Any] = {
        "url": links("rol", rol.uuid),
        "uuid": str(rol.uuid),
        "zaak": links("zaak", rol.zaak),
        "betrokkene": "",
        "betrokkeneType": rol.betrokkene_type,
        "afwijkendeNaamBetrokkene": "",
        "roltype": links("roltype", rol.roltype),
        "omschrijving": rol.omschrijving,
        "omschrijvingGeneriek": rol.omschrijving_generiek,
        "roltoelichting": rol.roltoelichting or rol.omschrijving,
        "registratiedatum": datetime_json(rol.registratiedatum),
        "indicatieMachtiging": "",
        # Always there in Open Zaak: an object of empty strings when no contact person is known.
        "contactpersoonRol": {"emailadres": "", "functie": "", "telefoonnummer": "", "naam": ""},
        "statussen": [],
        "beginGeldigheid": None,
        "eindeGeldigheid": None,
        "betrokkeneIdentificatie": identificatie,
        "authenticatieContext": None,
    }
    return body


def resultaat_json(resultaat: Resultaat, links: Links, current: State) -> dict[str, Any]:
    return {
        "url": links("resultaat", resultaat.uuid),
        "uuid": str(resultaat.uuid),
        "zaak": links("zaak", resultaat.zaak),
        "resultaattype": links("resultaattype", resultaat.resultaattype),
        "toelichting": resultaat.toelichting,
    }


def zio_json(zio: ZaakInformatieObject, links: Links, current: State) -> dict[str, Any]:
    return {
        "url": links("zaakinformatieobject", zio.uuid),
        "uuid": str(zio.uuid),
        "informatieobject": links("enkelvoudiginformatieobject", zio.informatieobject),
        "zaak": links("zaak", zio.zaak),
        "aardRelatieWeergave": "Hoort bij, omgekeerd: kent",
        "titel": zio.titel,
        "beschrijving": zio.beschrijving,
        "registratiedatum": datetime_json(zio.registratiedatum),
        "vernietigingsdatum": None,
        "status": links.optional("status", zio.status),
    }


def expanded_zaak(zaak: Zaak, paths: set[str], links: Links, current: State) -> dict[str, Any]:
    """The zaak with `_expand` as Open Zaak fills it: only what exists, nested `_expand` in
    expanded objects; `{}` when nothing was asked, no `_expand` key at all when something was
    asked but none of it exists (a zaak without status asked for status,resultaat)."""
    body = zaak_json(zaak, links, current)
    seed = current.seed
    expand: dict[str, Any] = {}
    if "zaaktype" in paths:
        expand["zaaktype"] = zaaktype_json(seed.catalogi.zaaktypen[zaak.zaaktype], links, current)
    if "status" in paths and zaak.status is not None:
        status = seed.statussen[zaak.status]
        expand["status"] = status_json(status, links, current)
        if "status.statustype" in paths:
            statustype = seed.catalogi.statustypen[status.statustype]
            expand["status"]["_expand"] = {
                "statustype": statustype_json(statustype, links, current)
            }
    if "resultaat" in paths and zaak.resultaat is not None:
        resultaat = seed.resultaten[zaak.resultaat]
        expand["resultaat"] = resultaat_json(resultaat, links, current)
        if "resultaat.resultaattype" in paths:
            resultaattype = seed.catalogi.resultaattypen[resultaat.resultaattype]
            expand["resultaat"]["_expand"] = {
                "resultaattype": resultaattype_json(resultaattype, links, current)
            }
    rollen = current.rollen_of(zaak.uuid)
    if "rollen" in paths and rollen:
        expand["rollen"] = []
        for rol in rollen:
            rendered = rol_json(rol, links, current)
            if "rollen.roltype" in paths:
                roltype = seed.catalogi.roltypen[rol.roltype]
                rendered["_expand"] = {"roltype": roltype_json(roltype, links, current)}
            expand["rollen"].append(rendered)
    zios = current.zios_of(zaak.uuid)
    if "zaakinformatieobjecten" in paths and zios:
        expand["zaakinformatieobjecten"] = [zio_json(zio, links, current) for zio in zios]
    if expand or not paths:
        body["_expand"] = expand
    return body


def expand_paths(requested: list[str]) -> set[str]:
    """Asking for `status.statustype` includes `status` itself."""
    paths = set(requested)
    for path in requested:
        parts = path.split(".")
        paths.update(".".join(parts[:depth]) for depth in range(1, len(parts)))
    return paths
