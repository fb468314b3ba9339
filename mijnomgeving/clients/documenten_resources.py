"""Documenten API resources as frozen values (field names: the standard's, in snake_case)."""

from dataclasses import dataclass
from datetime import date
from typing import Self
from uuid import UUID

from .parsing import (
    Json,
    opt_bool,
    opt_date,
    opt_enum,
    opt_int,
    opt_str,
    opt_url,
    req_date,
    req_int,
    req_str,
    uuid_from_url,
)
from .vertrouwelijkheid import Vertrouwelijkheid


@dataclass(frozen=True, slots=True)
class EnkelvoudigInformatieObject:
    """A document's metadata; `inhoud` is the download URL, for the portal to proxy only.

    `vertrouwelijkheidaanduiding` is None when the API serves it blank. `status` is "" when
    blank, else in_bewerking, ter_vaststelling, definitief or gearchiveerd.
    `inhoud_is_vervallen` (Documenten 1.5+) and `tonen_aan_initiator` (1.6+) are None when
    the back office does not serve them, as Open Zaak 1.30 (Documenten 1.4.2) does not.
    """

    url: str
    uuid: UUID
    identificatie: str
    bronorganisatie: str
    titel: str
    bestandsnaam: str
    formaat: str
    bestandsomvang: int | None
    creatiedatum: date
    vertrouwelijkheidaanduiding: Vertrouwelijkheid | None
    status: str
    informatieobjecttype: str
    versie: int
    inhoud: str | None
    taal: str
    beschrijving: str
    auteur: str
    locked: bool | None
    ontvangstdatum: date | None
    verzenddatum: date | None
    inhoud_is_vervallen: bool | None
    tonen_aan_initiator: bool | None

    @classmethod
    def from_api(cls, data: Json) -> Self:
        url = req_str(data, "url")
        return cls(
            url=url,
            uuid=uuid_from_url(url),
            identificatie=opt_str(data, "identificatie"),
            bronorganisatie=opt_str(data, "bronorganisatie"),
            titel=req_str(data, "titel"),
            bestandsnaam=opt_str(data, "bestandsnaam"),
            formaat=opt_str(data, "formaat"),
            bestandsomvang=opt_int(data, "bestandsomvang"),
            creatiedatum=req_date(data, "creatiedatum"),
            vertrouwelijkheidaanduiding=opt_enum(
                data, "vertrouwelijkheidaanduiding", Vertrouwelijkheid
            ),
            status=opt_str(data, "status"),
            informatieobjecttype=req_str(data, "informatieobjecttype"),
            versie=req_int(data, "versie"),
            inhoud=opt_url(data, "inhoud"),
            taal=opt_str(data, "taal"),
            beschrijving=opt_str(data, "beschrijving"),
            auteur=opt_str(data, "auteur"),
            locked=opt_bool(data, "locked"),
            ontvangstdatum=opt_date(data, "ontvangstdatum"),
            verzenddatum=opt_date(data, "verzenddatum"),
            inhoud_is_vervallen=opt_bool(data, "inhoudIsVervallen"),
            tonen_aan_initiator=opt_bool(data, "tonenAanInitiator"),
        )
