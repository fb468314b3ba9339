"""Message texts: admin-editable MessageTemplate rows, with these defaults (also the migration's).

Only `{zaak}` (the zaaktype's resident-facing name) and `{link}` (the case page) are filled
in: no BSN, no name, no case content.
"""

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


def _fill(template: str, zaak: str, link: str) -> str:
    return template.replace("{zaak}", zaak).replace("{link}", link)


def message_text(kind: str, *, zaak: str, link: str) -> Text:
    row = MessageTemplate.objects.filter(kind=kind).first()
    source = (
        {"subject": row.subject, "body": row.body, "sms_body": row.sms_body}
        if row
        else DEFAULTS[kind]
    )
    return Text(
        subject=_fill(source["subject"], zaak, link),
        body=_fill(source["body"], zaak, link),
        sms_body=_fill(source["sms_body"], zaak, link),
    )
