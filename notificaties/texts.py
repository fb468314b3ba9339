"""Message texts: admin-editable MessageTemplate rows, with these defaults (also the migration's).

Only `{onderwerp}` (the subject's label: for a zaak, the zaaktype's resident-facing name) and
`{link}` (the subject's page) are filled in: no BSN, no name, no case content. `{zaak}` is the
same label, so texts written with it (these defaults, administrators' edits) keep working.
"""

import re
from dataclasses import dataclass

from .models import MessageTemplate

DEFAULTS: dict[str, dict[str, str]] = {
    "status_update": {
        "subject": "Er is nieuws over uw zaak",
        "body": (
            "Beste inwoner,\n\n"
            "Er is nieuws over uw zaak '{zaak}'. Uw zaak is een stap verder.\n\n"
            "Wilt u zien wat er is veranderd? Log in op MijnOmgeving:\n{link}\n\n"
            "Met vriendelijke groet,\nUw gemeente\n\n"
            "Dit bericht is automatisch verstuurd. U kunt niet reageren op deze e-mail. "
            "Wilt u geen berichten meer krijgen? Dat kunt u aanpassen bij Meldingen in MijnOmgeving."
        ),
        "sms_body": "Er is nieuws over uw zaak '{zaak}'. Kijk in MijnOmgeving: {link}",
    },
    "action_required": {
        "subject": "U moet iets doen voor uw zaak",
        "body": (
            "Beste inwoner,\n\n"
            "Voor uw zaak '{zaak}' moet u iets doen. Anders kunnen wij uw zaak niet verder "
            "behandelen.\n\n"
            "Log in op MijnOmgeving om te zien wat u moet doen:\n{link}\n\n"
            "Met vriendelijke groet,\nUw gemeente\n\n"
            "Dit bericht is automatisch verstuurd. U kunt niet reageren op deze e-mail."
        ),
        "sms_body": "Voor uw zaak '{zaak}' moet u iets doen. Kijk in MijnOmgeving: {link}",
    },
    "new_document": {
        "subject": "Er is een nieuw document bij uw zaak",
        "body": (
            "Beste inwoner,\n\n"
            "Bij uw zaak '{zaak}' staat een nieuw document.\n\n"
            "Log in op MijnOmgeving om het document te bekijken:\n{link}\n\n"
            "Met vriendelijke groet,\nUw gemeente\n\n"
            "Dit bericht is automatisch verstuurd. U kunt niet reageren op deze e-mail. "
            "Wilt u geen berichten meer krijgen? Dat kunt u aanpassen bij Meldingen in MijnOmgeving."
        ),
        "sms_body": "Er is een nieuw document bij uw zaak '{zaak}'. Kijk in MijnOmgeving: {link}",
    },
}


@dataclass(frozen=True, slots=True)
class Text:
    subject: str
    body: str
    sms_body: str


PLACEHOLDER = re.compile(r"\{(onderwerp|zaak|link)\}")


def _fill(template: str, label: str, link: str) -> str:
    """One pass: a label that itself reads "{link}" stays as it is."""
    values = {"onderwerp": label, "zaak": label, "link": link}
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


def message_text(kind: str, *, label: str, link: str) -> Text:
    """The texts of a message of this kind about a subject known as `label`."""
    row = MessageTemplate.objects.filter(kind=kind).first()
    source = (
        {"subject": row.subject, "body": row.body, "sms_body": row.sms_body}
        if row
        else DEFAULTS[kind]
    )
    return Text(
        subject=_fill(source["subject"], label, link),
        body=_fill(source["body"], label, link),
        sms_body=_fill(source["sms_body"], label, link),
    )
