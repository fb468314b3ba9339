"""Service-neutral outbox and rate limit: the identifier with its kind (BSN, KVK) and the
subject (service, kind, URL, label) instead of zaak_url (issue 10, point 5).

Every existing row is a resident's (BSN) message about a zaak, so the rows carry over as they
are: zaak_url is renamed to subject_url (values untouched), and the new columns are filled by
their one-off defaults, identifier_kind "bsn", subject_service "zaken", subject_kind "zaak";
the models themselves have no default, every new row states its own. subject_label stays ""
for old rows (the zaaktype's name was not kept; their subject and body hold it). dedupe_key
is not touched: recipients.dedupe_key gives a resident's zaak message the key it always had,
so an old row still stops the same message from going out again. The throttle rows (one per
resident and zaak) are renamed alike; their unique constraint now includes the kind.

Backwards: the renames and added columns are undone; refused when a row is a KVK number's or
about another subject than a zaak (it would read as a resident's zaak message).
"""

from django.db import migrations, models


def refuse_rows_the_old_schema_cannot_hold(apps, schema_editor):
    alias = schema_editor.connection.alias
    messages = apps.get_model("notificaties", "OutgoingMessage")._base_manager.using(alias)
    throttles = apps.get_model("notificaties", "DeliveryThrottle")._base_manager.using(alias)
    if (
        messages.exclude(
            identifier_kind="bsn", subject_service="zaken", subject_kind="zaak"
        ).exists()
        or throttles.exclude(identifier_kind="bsn").exists()
    ):
        raise RuntimeError(
            "The outbox holds messages for a KVK number or about another subject than a "
            "zaak: the zaak_url schema cannot hold them."
        )


class Migration(migrations.Migration):
    dependencies = [
        ("notificaties", "0003_throttle_fallback_auth"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="deliverythrottle",
            name="notificaties_throttle_unique",
        ),
        migrations.RemoveIndex(
            model_name="outgoingmessage",
            name="notificatie_identif_132e3c_idx",
        ),
        migrations.RenameField("deliverythrottle", "zaak_url", "subject_url"),
        migrations.RenameField("outgoingmessage", "zaak_url", "subject_url"),
        migrations.AddField(
            model_name="deliverythrottle",
            name="identifier_kind",
            field=models.CharField(
                choices=[("bsn", "BSN"), ("kvk", "KVK-nummer")], default="bsn", max_length=10
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="outgoingmessage",
            name="identifier_kind",
            field=models.CharField(
                choices=[("bsn", "BSN"), ("kvk", "KVK-nummer")], default="bsn", max_length=10
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="outgoingmessage",
            name="subject_service",
            field=models.CharField(
                choices=[("zaken", "MijnZaken")], default="zaken", max_length=20
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="outgoingmessage",
            name="subject_kind",
            field=models.CharField(choices=[("zaak", "Zaak")], default="zaak", max_length=20),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="outgoingmessage",
            name="subject_label",
            field=models.CharField(blank=True, max_length=300),
        ),
        migrations.AlterField(
            model_name="messagetemplate",
            name="body",
            field=models.TextField(
                help_text=(
                    "Gebruik {onderwerp} voor de naam van het onderwerp (bij een zaak: het "
                    "zaaktype; {zaak} werkt ook) en {link} voor de link ernaartoe."
                )
            ),
        ),
        migrations.AddIndex(
            model_name="outgoingmessage",
            index=models.Index(
                fields=["identifier_hash", "subject_url", "created_at"],
                name="notificatie_identif_2bd662_idx",
            ),
        ),
        migrations.AddConstraint(
            model_name="deliverythrottle",
            constraint=models.UniqueConstraint(
                fields=("identifier_kind", "identifier_hash", "subject_url"),
                name="notificaties_throttle_subject_unique",
            ),
        ),
        # Last, so that going back checks first.
        migrations.RunPython(migrations.RunPython.noop, refuse_rows_the_old_schema_cannot_hold),
    ]
