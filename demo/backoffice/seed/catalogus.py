"""The demo catalogus: zaaktypen with their statustypen, resultaattypen, roltypen and documenttypen."""

from dataclasses import dataclass, field
from datetime import date
from uuid import NAMESPACE_URL, UUID, uuid5

from demo.backoffice.models import (
    Catalogus,
    InformatieObjectType,
    ResultaatType,
    RolType,
    StatusType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)

NAMESPACE = uuid5(NAMESPACE_URL, "https://mijnomgeving.example/demo-backoffice")
RSIN = "517439943"
BEGIN = date(2024, 1, 1)


def uid(name: str) -> UUID:
    """A stable UUID for a seed record: the same name gives the same UUID in every run."""
    return uuid5(NAMESPACE, name)


@dataclass(slots=True)
class Catalogi:
    catalogus: Catalogus
    zaaktypen: dict[UUID, ZaakType] = field(default_factory=dict)
    statustypen: dict[UUID, StatusType] = field(default_factory=dict)
    resultaattypen: dict[UUID, ResultaatType] = field(default_factory=dict)
    roltypen: dict[UUID, RolType] = field(default_factory=dict)
    informatieobjecttypen: dict[UUID, InformatieObjectType] = field(default_factory=dict)
    ztiots: dict[UUID, ZaakTypeInformatieObjectType] = field(default_factory=dict)

    def statustype(self, zaaktype: str, volgnummer: int) -> StatusType:
        return self.statustypen[uid(f"statustype:{zaaktype}:{volgnummer}")]

    def statustypen_of(self, zaaktype: str) -> list[StatusType]:
        key = uid(f"zaaktype:{zaaktype}")
        found = [st for st in self.statustypen.values() if st.zaaktype == key]
        return sorted(found, key=lambda st: st.volgnummer)

    def resultaattype(self, zaaktype: str, omschrijving: str) -> ResultaatType:
        return self.resultaattypen[uid(f"resultaattype:{zaaktype}:{omschrijving}")]

    def roltype(self, zaaktype: str, omschrijving_generiek: str) -> RolType:
        return self.roltypen[uid(f"roltype:{zaaktype}:{omschrijving_generiek}")]


# (identificatie, omschrijving, onderwerp, doorlooptijd, servicenorm, vertrouwelijkheid,
#  intern/extern, verlengingstermijn, doel)
ZAAKTYPEN = [
    (
        "PARKEERVERGUNNING",
        "Aanvraag parkeervergunning",
        "Parkeervergunning voor bewoners",
        "P56D",
        "P28D",
        "beperkt_openbaar",
        "extern",
        None,
        "Bewoners een vergunning geven om in hun wijk te parkeren.",
    ),
    (
        "BIJZONDERE-BIJSTAND",
        "Aanvraag bijzondere bijstand",
        "Bijzondere bijstand voor noodzakelijke kosten",
        "P56D",
        "P42D",
        "zaakvertrouwelijk",
        "extern",
        "P28D",
        "Inwoners helpen met bijzondere, noodzakelijke kosten die zij zelf niet kunnen betalen.",
    ),
    (
        "OMGEVINGSVERGUNNING",
        "Omgevingsvergunning",
        "Omgevingsvergunning voor een bouwactiviteit",
        "P56D",
        "P56D",
        "openbaar",
        "extern",
        "P42D",
        "Toestemming geven voor bouwen en verbouwen volgens het omgevingsplan.",
    ),
    (
        "EVENEMENTENVERGUNNING",
        "Evenementenvergunning",
        "Vergunning voor een evenement in de openbare ruimte",
        "P84D",
        "P56D",
        "beperkt_openbaar",
        "extern",
        "P28D",
        "Evenementen veilig laten verlopen in de openbare ruimte.",
    ),
    (
        "HEROVERWEGING-INTERN",
        "Interne heroverweging",
        "Interne heroverweging van een besluit",
        "P42D",
        None,
        "intern",
        "intern",
        None,
        "Een besluit intern opnieuw bekijken voordat bezwaar wordt behandeld.",
    ),
]

# Per zaaktype: (staff omschrijving, resident statustekst, informeren); the last is the end status.
STATUSTYPEN = {
    "PARKEERVERGUNNING": [
        (
            "Aanvraag geregistreerd",
            "We hebben uw aanvraag voor een parkeervergunning ontvangen.",
            True,
        ),
        (
            "Controle kenteken (RDW) en adres (BRP)",
            "We controleren uw kenteken en uw adres.",
            False,
        ),
        (
            "Toetsing parkeerplafond wijk afgerond",
            "We hebben bekeken of er in uw wijk nog plek is.",
            True,
        ),
        (
            "Besluit genomen, leges verwerkt",
            "We hebben een besluit genomen over uw aanvraag.",
            True,
        ),
        ("Zaak afgehandeld", "Uw aanvraag is afgehandeld.", True),
    ],
    "BIJZONDERE-BIJSTAND": [
        ("Aanvraag ontvangen", "We hebben uw aanvraag voor bijzondere bijstand ontvangen.", True),
        (
            "Intake en dossiervorming gestart",
            "We zijn begonnen met het bekijken van uw aanvraag.",
            False,
        ),
        (
            "Aanvullende gegevens opgevraagd (art. 4:5 Awb)",
            "We hebben meer gegevens van u nodig.",
            True,
        ),
        (
            "Draagkrachtberekening Participatiewet uitgevoerd",
            "We hebben uitgerekend welke kosten u zelf kunt betalen.",
            False,
        ),
        ("Beschikking opgesteld", "We hebben een besluit genomen over uw aanvraag.", True),
        ("Afgehandeld", "Uw aanvraag is afgehandeld.", True),
    ],
    "OMGEVINGSVERGUNNING": [
        (
            "Aanvraag ontvangen via Omgevingsloket",
            "We hebben uw aanvraag voor een omgevingsvergunning ontvangen.",
            True,
        ),
        (
            "Ontvankelijkheidstoets afgerond",
            "We hebben gecontroleerd of uw aanvraag compleet is.",
            True,
        ),
        ("Toetsing omgevingsplan en Bbl afgerond", "We hebben uw bouwplan beoordeeld.", True),
        (
            "Advies commissie ruimtelijke kwaliteit ontvangen",
            "We hebben advies gekregen over het uiterlijk van uw bouwplan.",
            False,
        ),
        ("Besluit verzonden", "We hebben een besluit genomen over uw aanvraag.", True),
        ("Zaak afgehandeld", "Uw aanvraag is afgehandeld.", True),
    ],
    "EVENEMENTENVERGUNNING": [
        (
            "Aanvraag ontvangen",
            "We hebben uw aanvraag voor een evenementenvergunning ontvangen.",
            True,
        ),
        (
            "Volledigheidstoets uitgevoerd",
            "We hebben gecontroleerd of uw aanvraag compleet is.",
            True,
        ),
        (
            "Advies politie en brandweer gevraagd",
            "We vragen de politie en de brandweer om advies.",
            False,
        ),
        (
            "Adviezen hulpdiensten ontvangen",
            "De politie en de brandweer hebben advies gegeven.",
            False,
        ),
        (
            "Verkeersbesluit voorbereid",
            "We regelen het afsluiten van wegen tijdens uw evenement.",
            True,
        ),
        ("Conceptvergunning opgesteld", "We hebben een conceptvergunning gemaakt.", True),
        (
            "Vergunning verleend en verzonden",
            "U heeft de vergunning gekregen. Het besluit staat bij uw documenten.",
            True,
        ),
        (
            "Evaluatie afgerond, zaak gesloten",
            "We hebben uw evenement nabesproken. De zaak is gesloten.",
            True,
        ),
    ],
    "HEROVERWEGING-INTERN": [
        ("Heroverweging gestart", "We bekijken het besluit opnieuw.", False),
        ("Advies juridische zaken opgesteld", "We hebben juridisch advies gevraagd.", False),
        ("Heroverweging afgerond", "We hebben het besluit opnieuw bekeken.", False),
    ],
}

# Per zaaktype: (omschrijving, omschrijvingGeneriek from the selectielijst, archiefnominatie, termijn)
RESULTAATTYPEN = {
    "PARKEERVERGUNNING": [
        ("Verleend", "Verleend", "vernietigen", "P1Y"),
        ("Geweigerd", "Geweigerd", "vernietigen", "P1Y"),
        ("Ingetrokken", "Ingetrokken", "vernietigen", "P1Y"),
    ],
    "BIJZONDERE-BIJSTAND": [
        ("Toegekend", "Toegekend", "vernietigen", "P7Y"),
        ("Afgewezen", "Afgewezen", "vernietigen", "P7Y"),
        ("Ingetrokken", "Ingetrokken", "vernietigen", "P7Y"),
    ],
    "OMGEVINGSVERGUNNING": [
        ("Verleend", "Verleend", "blijvend_bewaren", "P10Y"),
        ("Geweigerd", "Geweigerd", "vernietigen", "P10Y"),
        ("Buiten behandeling gesteld", "Buiten behandeling", "vernietigen", "P1Y"),
    ],
    "EVENEMENTENVERGUNNING": [
        ("Verleend", "Verleend", "vernietigen", "P5Y"),
        ("Geweigerd", "Geweigerd", "vernietigen", "P5Y"),
        ("Ingetrokken", "Ingetrokken", "vernietigen", "P1Y"),
    ],
    "HEROVERWEGING-INTERN": [
        ("Gehandhaafd", "Afgehandeld", "vernietigen", "P5Y"),
        ("Herzien", "Afgehandeld", "vernietigen", "P5Y"),
    ],
}

ROLTYPEN = [
    ("Aanvrager", "initiator"),
    ("Mede-aanvrager", "mede_initiator"),
    ("Belanghebbende", "belanghebbende"),
    ("Behandelaar", "behandelaar"),
]

# (key, omschrijving, vertrouwelijkheid, categorie)
INFORMATIEOBJECTTYPEN = [
    ("aanvraagformulier", "Aanvraagformulier", "zaakvertrouwelijk", "Aanvraag"),
    ("bijlage", "Bijlage", "zaakvertrouwelijk", "Bijlage"),
    ("ontvangstbevestiging", "Ontvangstbevestiging", "beperkt_openbaar", "Brief"),
    ("verzoek-aanvulling", "Verzoek om aanvulling", "beperkt_openbaar", "Brief"),
    ("besluit", "Besluit", "beperkt_openbaar", "Besluit"),
    ("intern-advies", "Intern advies", "intern", "Advies"),
]

# Direction of each documenttype within every extern zaaktype (docs/standards.md Decision 3).
RICHTING = {
    "aanvraagformulier": "inkomend",
    "bijlage": "inkomend",
    "ontvangstbevestiging": "uitgaand",
    "verzoek-aanvulling": "uitgaand",
    "besluit": "uitgaand",
    "intern-advies": "intern",
}


def build_catalogi() -> Catalogi:
    catalogi = Catalogi(
        Catalogus(
            uuid=uid("catalogus:DEMO"),
            domein="DEMO",
            rsin=RSIN,
            naam="Zaaktypecatalogus gemeente Demodam",
            contactpersoon="Team Informatiebeheer",
            begindatum_versie=BEGIN,
        )
    )
    for key, omschrijving, vertrouwelijkheid, categorie in INFORMATIEOBJECTTYPEN:
        iot = InformatieObjectType(uid(f"iot:{key}"), omschrijving, vertrouwelijkheid, categorie)
        catalogi.informatieobjecttypen[iot.uuid] = iot
    for row in ZAAKTYPEN:
        _add_zaaktype(catalogi, *row)
    return catalogi


def _add_zaaktype(
    catalogi: Catalogi,
    identificatie: str,
    omschrijving: str,
    onderwerp: str,
    doorlooptijd: str,
    servicenorm: str | None,
    vertrouwelijkheid: str,
    intern_of_extern: str,
    verlengingstermijn: str | None,
    doel: str,
) -> None:
    zaaktype = ZaakType(
        uuid=uid(f"zaaktype:{identificatie}"),
        identificatie=identificatie,
        omschrijving=omschrijving,
        onderwerp=onderwerp,
        doel=doel,
        aanleiding=f"Een {'inwoner' if intern_of_extern == 'extern' else 'medewerker'} start een {omschrijving.lower()}.",
        toelichting="",
        vertrouwelijkheidaanduiding=vertrouwelijkheid,
        indicatie_intern_of_extern=intern_of_extern,
        doorlooptijd=doorlooptijd,
        servicenorm=servicenorm,
        verlenging_mogelijk=verlengingstermijn is not None,
        verlengingstermijn=verlengingstermijn,
        handeling_initiator="Aanvragen" if intern_of_extern == "extern" else "Starten",
        handeling_behandelaar="Behandelen",
        trefwoorden=(omschrijving.split()[-1].lower(),),
        referentieproces=omschrijving,
        begin_geldigheid=BEGIN,
    )
    catalogi.zaaktypen[zaaktype.uuid] = zaaktype
    for volgnummer, (staff, tekst, informeren) in enumerate(STATUSTYPEN[identificatie], start=1):
        statustype = StatusType(
            uuid=uid(f"statustype:{identificatie}:{volgnummer}"),
            zaaktype=zaaktype.uuid,
            volgnummer=volgnummer,
            omschrijving=staff,
            statustekst=tekst,
            informeren=informeren,
        )
        catalogi.statustypen[statustype.uuid] = statustype
    for naam, generiek, nominatie, termijn in RESULTAATTYPEN[identificatie]:
        resultaattype = ResultaatType(
            uuid=uid(f"resultaattype:{identificatie}:{naam}"),
            zaaktype=zaaktype.uuid,
            omschrijving=naam,
            omschrijving_generiek=generiek,
            archiefnominatie=nominatie,
            archiefactietermijn=termijn,
            toelichting=f"De {omschrijving.lower()} is {naam.lower()}.",
        )
        catalogi.resultaattypen[resultaattype.uuid] = resultaattype
    for naam, generiek in ROLTYPEN:
        roltype = RolType(uid(f"roltype:{identificatie}:{generiek}"), zaaktype.uuid, naam, generiek)
        catalogi.roltypen[roltype.uuid] = roltype
    keys = (
        [key for key, *_ in INFORMATIEOBJECTTYPEN]
        if intern_of_extern == "extern"
        else ["intern-advies", "besluit"]
    )
    for volgnummer, key in enumerate(keys, start=1):
        ztiot = ZaakTypeInformatieObjectType(
            uuid=uid(f"ztiot:{identificatie}:{key}"),
            zaaktype=zaaktype.uuid,
            informatieobjecttype=uid(f"iot:{key}"),
            volgnummer=volgnummer,
            richting=RICHTING[key] if intern_of_extern == "extern" else "intern",
        )
        catalogi.ztiots[ztiot.uuid] = ztiot
