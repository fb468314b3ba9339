"""What administrators configure about MijnZaken: global rules and per-type labels (issue 4).

Per-type rows are keyed by catalogus + identificatie (zaaktype), catalogus + omschrijving
(informatieobjecttype: Catalogi 1.3.1 gives it no identificatie) and by omschrijving within a
zaaktype (statustype), never by a versioned URL (docs/standards.md Decision 5), so a new version of a
zaaktype keeps its configuration.
"""

from uuid import uuid4

from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from solo.models import SingletonModel

from mijnomgeving.clients.vertrouwelijkheid import Vertrouwelijkheid


class VertrouwelijkheidChoices(models.TextChoices):
    """The ordered scale of the ZGW APIs, lowest first (the order the admin shows)."""

    OPENBAAR = "openbaar", _("Openbaar")
    BEPERKT_OPENBAAR = "beperkt_openbaar", _("Beperkt openbaar")
    INTERN = "intern", _("Intern")
    ZAAKVERTROUWELIJK = "zaakvertrouwelijk", _("Zaakvertrouwelijk")
    VERTROUWELIJK = "vertrouwelijk", _("Vertrouwelijk")
    CONFIDENTIEEL = "confidentieel", _("Confidentieel")
    GEHEIM = "geheim", _("Geheim")
    ZEER_GEHEIM = "zeer_geheim", _("Zeer geheim")


class RichtingChoices(models.TextChoices):
    """Which zaaktype-informatieobjecttype richtingen show a document (Decision 3)."""

    DEFAULT = "", _("Zoals algemeen ingesteld")
    ALL = "alle", _("Alle richtingen, ook intern")
    INKOMEND_UITGAAND = "inkomend_uitgaand", _("Inkomend en uitgaand")
    INKOMEND = "inkomend", _("Alleen inkomend")
    UITGAAND = "uitgaand", _("Alleen uitgaand")


RICHTINGEN: dict[str, frozenset[str]] = {
    RichtingChoices.ALL: frozenset({"inkomend", "uitgaand", "intern"}),
    RichtingChoices.INKOMEND_UITGAAND: frozenset({"inkomend", "uitgaand"}),
    RichtingChoices.INKOMEND: frozenset({"inkomend"}),
    RichtingChoices.UITGAAND: frozenset({"uitgaand"}),
}

_MAX_HELP = _(
    "Zaken (of documenten) met een hogere vertrouwelijkheid ziet de inwoner niet. "
    "Leeg: de algemene instelling."
)


def vertrouwelijkheid_field(verbose_name: str, help_text: object = _MAX_HELP) -> models.CharField:
    return models.CharField(
        verbose_name,
        max_length=20,
        choices=VertrouwelijkheidChoices.choices,
        blank=True,
        help_text=help_text,
    )


def parse_vertrouwelijkheid(value: str, default: str) -> Vertrouwelijkheid:
    return Vertrouwelijkheid(value or default)


class MijnZakenConfig(SingletonModel):
    """The rules for every zaaktype; an empty field means: the server setting (environment)."""

    zaak_max_vertrouwelijkheid = vertrouwelijkheid_field(
        _("maximale vertrouwelijkheid zaken"),
        _(
            "De inwoner ziet alleen zaken tot en met dit niveau. Leeg: de instelling "
            "ZAAK_MAX_VERTROUWELIJKHEID van de server (standaard zaakvertrouwelijk)."
        ),
    )
    document_max_vertrouwelijkheid = vertrouwelijkheid_field(
        _("maximale vertrouwelijkheid documenten"),
        _(
            "De inwoner ziet alleen documenten tot en met dit niveau. Leeg: de instelling "
            "DOCUMENT_MAX_VERTROUWELIJKHEID van de server (standaard beperkt openbaar)."
        ),
    )
    show_zaken_without_status = models.BooleanField(
        _("zaken zonder status tonen"),
        null=True,
        blank=True,
        help_text=_(
            "Een zaak zonder status is vaak nog niet in behandeling genomen. Leeg: de "
            "instelling SHOW_ZAKEN_WITHOUT_STATUS van de server (standaard niet tonen)."
        ),
    )
    document_richtingen = models.CharField(
        _("documenten tonen met richting"),
        max_length=20,
        choices=[
            (value, label)
            for value, label in RichtingChoices.choices
            if value != RichtingChoices.DEFAULT
        ],
        default=RichtingChoices.INKOMEND_UITGAAND,
        help_text=_(
            "Per documenttype in een zaaktype staat of het document inkomend, uitgaand of "
            "intern is. Interne documenten zijn voor medewerkers."
        ),
    )

    # A new value on every change of any configuration row: the cache key of the snapshot
    # that pages read (zaken.configuration), so one small query tells whether it is current.
    revision = models.UUIDField(default=uuid4, editable=False)

    class Meta:
        verbose_name = _("algemene instellingen MijnZaken")

    def __str__(self) -> str:
        return str(_("Algemene instellingen MijnZaken"))

    @property
    def zaak_maximum(self) -> Vertrouwelijkheid:
        return parse_vertrouwelijkheid(
            self.zaak_max_vertrouwelijkheid, settings.ZAAK_MAX_VERTROUWELIJKHEID
        )

    @property
    def document_maximum(self) -> Vertrouwelijkheid:
        return parse_vertrouwelijkheid(
            self.document_max_vertrouwelijkheid, settings.DOCUMENT_MAX_VERTROUWELIJKHEID
        )

    @property
    def without_status(self) -> bool:
        if self.show_zaken_without_status is None:
            return bool(settings.SHOW_ZAKEN_WITHOUT_STATUS)
        return self.show_zaken_without_status


# Whether residents see a zaaktype. None follows the catalogus (docs/standards.md §3.2 rule 1: only
# `indicatieInternOfExtern == "extern"`), so a row that only sets a label exposes nothing.
SHOWN_CHOICES = [
    (None, _("Volgens de catalogus (alleen extern)")),
    (True, _("Ja, tonen")),
    (False, _("Nee, verbergen")),
]


class ZaakTypeConfig(models.Model):
    """What residents see of one zaaktype, in all its versions."""

    catalogus_url = models.URLField(
        _("catalogus"),
        max_length=1000,
        help_text=_("Adres (URL) van de catalogus in de Catalogi API."),
    )
    identificatie = models.CharField(
        _("identificatie zaaktype"),
        max_length=50,
        help_text=_("Blijft gelijk bij een nieuwe versie van het zaaktype."),
    )
    omschrijving = models.CharField(
        _("omschrijving in de catalogus"),
        max_length=200,
        blank=True,
        help_text=_("Ter informatie; de import werkt dit bij."),
    )
    shown = models.BooleanField(
        _("tonen aan inwoners"),
        null=True,
        blank=True,
        default=None,
        choices=SHOWN_CHOICES,
        help_text=_(
            "Volgens de catalogus: inwoners zien zaken van dit type alleen als het zaaktype in "
            "de catalogus 'extern' is (de zaak begint met een aanvraag of vraag van buiten). "
            "Kies 'Ja, tonen' om ook een intern zaaktype te tonen, of 'Nee, verbergen' om een "
            "extern zaaktype te verbergen."
        ),
    )
    name = models.CharField(
        _("naam voor inwoners"),
        max_length=200,
        blank=True,
        help_text=_(
            "Zo heet dit soort zaak op de website, in gewone woorden. Leeg: de omschrijving "
            "uit de catalogus."
        ),
    )
    explanation = models.TextField(
        _("wat kunt u verwachten"),
        blank=True,
        help_text=_("Korte uitleg voor de inwoner: wat gebeurt er en hoe lang duurt het?"),
    )
    max_vertrouwelijkheid = vertrouwelijkheid_field(_("maximale vertrouwelijkheid"))
    documents_shown = models.BooleanField(
        _("documenten tonen"),
        default=True,
        help_text=_("Uit: de inwoner ziet geen documenten bij zaken van dit type."),
    )

    class Meta:
        verbose_name = _("zaaktype")
        verbose_name_plural = _("zaaktypen")
        ordering = ("omschrijving", "identificatie")
        constraints = [
            models.UniqueConstraint(
                fields=("catalogus_url", "identificatie"), name="zaaktypeconfig_unique_key"
            )
        ]

    def __str__(self) -> str:
        return self.name or self.omschrijving or self.identificatie


class StatusTypeConfig(models.Model):
    """One step of a zaaktype, keyed by its omschrijving.

    The omschrijving names the step and stays with it across versions; a volgnummer shifts
    when a step is added before it, so it only orders the rows here.
    """

    zaaktype_config = models.ForeignKey(
        ZaakTypeConfig,
        on_delete=models.CASCADE,
        related_name="statustypen",
        verbose_name=_("zaaktype"),
    )
    omschrijving = models.CharField(
        _("omschrijving statustype"),
        max_length=80,
        help_text=_("Precies zoals in de catalogus: hiermee wordt de stap herkend."),
    )
    volgnummer = models.PositiveIntegerField(
        _("volgnummer"), default=0, help_text=_("Ter informatie: de volgorde van de stappen.")
    )
    statustekst = models.TextField(
        _("statustekst in de catalogus"), blank=True, help_text=_("Ter informatie.")
    )
    label = models.CharField(
        _("naam voor inwoners"),
        max_length=200,
        blank=True,
        help_text=_(
            "Zo ziet de inwoner deze stap. Leeg: de statustekst uit de catalogus, anders de "
            "omschrijving."
        ),
    )
    explanation = models.TextField(
        _("uitleg voor inwoners"),
        blank=True,
        help_text=_("Wat betekent deze stap voor de inwoner, en wat gebeurt er hierna?"),
    )
    shown_in_timeline = models.BooleanField(
        _("tonen in de tijdlijn"),
        default=True,
        help_text=_("Uit: deze stap staat niet in de tijdlijn van de zaak."),
    )
    notify = models.BooleanField(
        _("inwoner een bericht sturen"),
        default=True,
        help_text=_(
            "Aan: de inwoner krijgt een bericht als de zaak deze stap bereikt en 'informeren' "
            "in de catalogus aan staat. Uit: nooit een bericht bij deze stap. De import neemt "
            "'informeren' uit de catalogus over."
        ),
    )

    action_required = models.BooleanField(
        _("inwoner moet iets doen"),
        default=False,
        help_text=_(
            "Aan: bij deze stap moet de inwoner iets doen (bijvoorbeeld gegevens aanvullen). "
            "Het bericht hierover gaat ook naar inwoners die statusberichten hebben uitgezet."
        ),
    )

    class Meta:
        verbose_name = _("statustype")
        verbose_name_plural = _("statustypen")
        ordering = ("zaaktype_config", "volgnummer", "omschrijving")
        constraints = [
            models.UniqueConstraint(
                fields=("zaaktype_config", "omschrijving"), name="statustypeconfig_unique_key"
            )
        ]

    def __str__(self) -> str:
        return self.label or self.omschrijving


class InformatieObjectTypeConfig(models.Model):
    """One kind of document, keyed by catalogus + omschrijving (1.3.1 has no identificatie)."""

    catalogus_url = models.URLField(
        _("catalogus"),
        max_length=1000,
        help_text=_("Adres (URL) van de catalogus in de Catalogi API."),
    )
    omschrijving = models.CharField(
        _("omschrijving documenttype"),
        max_length=80,
        help_text=_("Precies zoals in de catalogus: hiermee wordt het documenttype herkend."),
    )
    shown = models.BooleanField(
        _("tonen aan inwoners"),
        default=True,
        help_text=_("Uit: inwoners zien documenten van dit type nooit."),
    )
    max_vertrouwelijkheid = vertrouwelijkheid_field(_("maximale vertrouwelijkheid"))
    richtingen = models.CharField(
        _("tonen bij richting"),
        max_length=20,
        choices=RichtingChoices.choices,
        blank=True,
        default=RichtingChoices.DEFAULT,
        help_text=_("Wijkt dit documenttype af van de algemene instelling voor de richting?"),
    )
    notify = models.BooleanField(
        _("inwoner een bericht sturen bij een nieuw document"),
        default=True,
        help_text=_(
            "Aan: de inwoner krijgt een bericht als er een document van dit type bij de zaak "
            "komt dat hij mag zien."
        ),
    )

    class Meta:
        verbose_name = _("documenttype")
        verbose_name_plural = _("documenttypen")
        ordering = ("omschrijving",)
        constraints = [
            models.UniqueConstraint(
                fields=("catalogus_url", "omschrijving"), name="iotconfig_unique_key"
            )
        ]

    def __str__(self) -> str:
        return self.omschrijving


@receiver(post_save, sender=ZaakTypeConfig)
@receiver(post_save, sender=StatusTypeConfig)
@receiver(post_save, sender=InformatieObjectTypeConfig)
@receiver(post_delete, sender=ZaakTypeConfig)
@receiver(post_delete, sender=StatusTypeConfig)
@receiver(post_delete, sender=InformatieObjectTypeConfig)
def bump_revision(**kwargs: object) -> None:
    """Mark the cached configuration snapshot stale (zaken.configuration.snapshot).

    A signal, not a save() override, because the admin's bulk delete and queryset updates
    skip save(); this is cache bookkeeping, not domain flow (docs/architecture.md rule 14).
    """
    MijnZakenConfig.get_solo()
    MijnZakenConfig.objects.update(revision=uuid4())


class StatusChange(models.Model):
    """The newest status change a notification brought, per person: the dashboard's "latest
    change" without a call per zaak. Written by the Notificatieservice when Open Notificaties
    delivers a new status; holds no BSN (the keyed hash the login uses) and no text, only
    where to look. Zaken whose last change came before the subscription have no row; the
    dashboard still looks at the most recent ones itself."""

    identifier_hash = models.CharField(max_length=64, unique=True)
    zaak_url = models.URLField(max_length=1000)
    status_url = models.URLField(max_length=1000)
    statustype_url = models.URLField(max_length=1000)
    datum_status_gezet = models.DateTimeField()

    class Meta:
        verbose_name = _("laatste statuswijziging")
        verbose_name_plural = _("laatste statuswijzigingen")

    def __str__(self) -> str:
        return f"{self.identifier_hash[:8]}… {self.datum_status_gezet:%Y-%m-%d %H:%M}"
