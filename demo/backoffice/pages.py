"""The demo's own HTML pages on the back office (Dutch, plain HTML, no login: it is the demo).

- `/_demo/`          what the demo offers;
- `/_demo/zaken/`    the test residents' zaken, each with a "Volgende status" button that
                     posts to `/_demo/zaken/{uuid}/next-status` as a case worker would (which
                     publishes a `zaken`/`status` notification, see notificaties_api.py);
- `/_demo/mailbox/`  the e-mails the portal sent, read from DEMO_MAILBOX_DIR (the portal's
                     EMAIL_FILE_PATH for Django's filebased e-mail backend), newest first;
                     `?format=json` gives the same as JSON (for tests);
- `/_demo/medewerkers/`  the demo staff accounts with their password and the two-factor code
                     of this moment, computed from the fixed keys in demo/staff.py (this
                     project has no access to the portal's database).
"""

import email
import email.policy
import functools
import os
import re
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from uuid import UUID

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import Context, Engine
from django.utils.html import strip_tags

from demo.backoffice.config import NETHERLANDS
from demo.backoffice.seed.residents import MARY, MEREL, SIERRA, SUZANNE
from demo.backoffice.store import State, state
from demo.staff import DEMO_PASSWORD, DEMO_STAFF, totp_code, totp_seconds_left

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
RESIDENTS = (SUZANNE, MARY, SIERRA, MEREL)
# Django's filebased backend ends every message with a line of 79 dashes.
SEPARATOR = re.compile(r"^-{79}$\n?", re.MULTILINE)
LINK = re.compile(r"https?://[^\s<>\"']+")


@functools.cache
def engine() -> Engine:
    return Engine(dirs=[str(TEMPLATES)], autoescape=True)


def render(template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    html = engine().get_template(template).render(Context(context))
    return HttpResponse(html, status=status, content_type="text/html; charset=utf-8")


def _only_get(request: HttpRequest) -> HttpResponse | None:
    if request.method not in ("GET", "HEAD"):
        response = HttpResponse("Methode niet toegestaan.", status=405)
        response["Allow"] = "GET, HEAD"
        return response
    return None


def index(request: HttpRequest) -> HttpResponse:
    return _only_get(request) or render("demo/index.html", {"mailbox_dir": mailbox_dir()})


# Zaken page.


@dataclass(frozen=True, slots=True)
class ZaakRow:
    uuid: UUID
    identificatie: str
    omschrijving: str
    zaaktype: str
    rol: str
    status: str
    reached: int
    total: int

    @property
    def at_end(self) -> bool:
        return self.reached >= self.total


def zaak_rows(current: State, bsn: str) -> list[ZaakRow]:
    seed, rows = current.seed, []
    for zaak in sorted(seed.zaken.values(), key=lambda z: z.startdatum, reverse=True):
        rollen = [
            rol.omschrijving_generiek
            for rol in current.rollen_of(zaak.uuid)
            if rol.betrokkene_type == "natuurlijk_persoon"
            and rol.betrokkene_identificatie.get("inpBsn") == bsn
        ]
        if not rollen:
            continue
        statussen = current.statussen_of(zaak.uuid)
        statustypen = seed.catalogi.statustypen
        rows.append(
            ZaakRow(
                uuid=zaak.uuid,
                identificatie=zaak.identificatie,
                omschrijving=zaak.omschrijving,
                zaaktype=seed.catalogi.zaaktypen[zaak.zaaktype].omschrijving,
                rol=", ".join(sorted(set(rollen))),
                status=statustypen[statussen[0].statustype].omschrijving if statussen else "",
                reached=len(statussen),
                total=len(current.statustypen_of(zaak.zaaktype)),
            )
        )
    return rows


def _zaak_by_uuid(current: State, raw: str | None) -> Any:
    try:
        return current.seed.zaken.get(UUID(raw or ""))
    except ValueError:
        return None


def zaken(request: HttpRequest) -> HttpResponse:
    if refused := _only_get(request):
        return refused
    current = state()
    residents = [
        {"naam": person.naam, "bsn": person.bsn, "zaken": zaak_rows(current, person.bsn)}
        for person in RESIDENTS
    ]
    moved = _zaak_by_uuid(current, request.GET.get("verzet"))
    failed = _zaak_by_uuid(current, request.GET.get("mislukt"))
    moved_status = ""
    if moved is not None and (statussen := current.statussen_of(moved.uuid)):
        moved_status = current.seed.catalogi.statustypen[statussen[0].statustype].omschrijving
    return render(
        "demo/zaken.html",
        {"residents": residents, "moved": moved, "moved_status": moved_status, "failed": failed},
    )


# Staff page.


def portal_url() -> str:
    """DEMO_PORTAL_URL: where the staff log in; `make demo`'s portal when unset."""
    return os.environ.get("DEMO_PORTAL_URL", "").rstrip("/") or "http://127.0.0.1:8000"


def medewerkers(request: HttpRequest) -> HttpResponse:
    if refused := _only_get(request):
        return refused
    now = time.time()
    staff = [{"member": member, "code": totp_code(member, now)} for member in DEMO_STAFF]
    response = render(
        "demo/medewerkers.html",
        {
            "staff": staff,
            "password": DEMO_PASSWORD,
            "seconds_left": totp_seconds_left(now),
            "login_url": f"{portal_url()}/beheer/login/",
        },
    )
    response["Cache-Control"] = "no-store"  # a reload must show the code of that moment
    return response


# Mailbox page.


@dataclass(frozen=True, slots=True)
class Mail:
    subject: str
    to: str
    sent: str  # ISO 8601
    body: str
    links: list[str]
    file: str


def mailbox_dir() -> Path | None:
    """DEMO_MAILBOX_DIR: where the portal's filebased e-mail backend writes (EMAIL_FILE_PATH)."""
    raw = os.environ.get("DEMO_MAILBOX_DIR", "")
    return Path(raw) if raw else None


def _body(message: email.message.EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    content = part.get_content()
    return strip_tags(content) if part.get_content_subtype() == "html" else content


def _links(message: email.message.EmailMessage, body: str) -> list[str]:
    found = LINK.findall(body)
    html = message.get_body(preferencelist=("html",))
    if html is not None:
        found += re.findall(r'href="(https?://[^"]+)"', html.get_content())
    return list(dict.fromkeys(link.rstrip(".,;)") for link in found))


def parse_mail(raw: str, file: Path) -> Mail | None:
    if not raw.strip():
        return None
    message = email.message_from_string(raw.lstrip("\n"), policy=email.policy.default)
    assert isinstance(message, email.message.EmailMessage)
    try:
        sent = parsedate_to_datetime(str(message["Date"]))
    except (TypeError, ValueError):
        sent = datetime.fromtimestamp(file.stat().st_mtime, UTC)
    if sent.tzinfo is None:  # "-0000": Django's default (EMAIL_USE_LOCALTIME off) is UTC
        sent = sent.replace(tzinfo=UTC)
    body = _body(message)
    return Mail(
        subject=str(message["Subject"] or "(geen onderwerp)"),
        to=str(message["To"] or ""),
        sent=sent.isoformat(),
        body=body,
        links=_links(message, body),
        file=file.name,
    )


def read_mailbox(directory: Path) -> list[Mail]:
    """Every message in the folder's files, newest first."""
    mails = []
    for file in sorted(directory.glob("*.log")) if directory.is_dir() else []:
        text = file.read_text(encoding="utf-8", errors="replace")
        for chunk in SEPARATOR.split(text):
            if mail := parse_mail(chunk, file):
                mails.append(mail)
    return sorted(mails, key=lambda mail: (mail.sent, mail.file), reverse=True)


def mailbox(request: HttpRequest) -> HttpResponse:
    if refused := _only_get(request):
        return refused
    directory = mailbox_dir()
    mails = read_mailbox(directory) if directory else []
    if request.GET.get("format") == "json":
        return JsonResponse(
            {"directory": str(directory or ""), "mails": [asdict(mail) for mail in mails]}
        )
    shown = [
        {**asdict(mail), "sent_label": _dutch_time(datetime.fromisoformat(mail.sent))}
        for mail in mails
    ]
    return render("demo/mailbox.html", {"directory": directory, "mails": shown})


MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def _dutch_time(moment: datetime) -> str:
    """In Dutch time: the back office's own processes run in UTC."""
    local = moment.astimezone(NETHERLANDS)
    return f"{local.day} {MONTHS[local.month - 1]} {local.year}, {local:%H:%M:%S}"
