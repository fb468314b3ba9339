"""The clients against the demo back office (Open Zaak 1.30 look-alike) over real HTTP."""

from mijnomgeving.clients.calls import record_upstream_calls
from mijnomgeving.clients.vertrouwelijkheid import Vertrouwelijkheid
from mijnomgeving.clients.zaken import person_filters
from mijnomgeving.clients.zgw import build_zgw_clients
from tests.fixtures.backoffice import CLIENT_ID, SECRET

SUZANNE = "999993653"  # demo/backoffice/seed/residents.py


def test_a_residents_zaken_statussen_and_documents_parse(
    make_zgw_services, zgw_actor, demo_backoffice
) -> None:
    make_zgw_services(api_root_base=demo_backoffice.base_url, client_id=CLIENT_ID, secret=SECRET)
    clients = build_zgw_clients(zgw_actor)
    demo_backoffice.clear_requests_log()

    with record_upstream_calls() as calls:
        zaken = clients.zaken.zaken_page(
            person_filters(bsn=SUZANNE),
            max_vertrouwelijkheid=Vertrouwelijkheid.zeer_geheim,
            expand=("zaaktype", "status", "status.statustype"),
        ).zaken
        zaak = next(z for z in zaken if z.expanded_status is not None)
        statustypen = clients.catalogi.statustypen(zaak.zaaktype)
        statussen = clients.zaken.statussen(zaak.url)
        links = clients.zaken.zaakinformatieobjecten(zaak.url)
        document = clients.documenten.informatieobject(links[0].informatieobject)
        with clients.documenten.download(document.inhoud or "") as download:
            size = sum(len(chunk) for chunk in download)

    assert zaken and all(z.expanded_zaaktype is not None for z in zaken)
    assert [s.volgnummer for s in statustypen] == sorted(s.volgnummer for s in statustypen)
    assert {s.statustype for s in statussen} <= {s.url for s in statustypen}
    assert zaak.expanded_status.expanded_statustype.url in {s.url for s in statustypen}
    assert size == document.bestandsomvang
    assert document.tonen_aan_initiator is None  # Documenten 1.4.2, as Open Zaak 1.30
    log = demo_backoffice.requests_log()
    assert len(log) == calls.count
    assert {entry["status"] for entry in log} == {200}
    assert {entry["user_id"] for entry in log} == {zgw_actor.user_id}
