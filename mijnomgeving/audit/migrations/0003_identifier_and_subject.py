"""Service-neutral columns: the identifier with its kind (BSN, KVK) and the subject (service,
kind, UUID, label) instead of bsn_* and zaak_* columns (issue 10, point 5).

The columns that keep their meaning are renamed, so every entry keeps its values as they are
(the encrypted BSN, its hash and tail, the zaaknummer, the zaak's UUID, the listed
zaaknummers, the list): nothing is copied or re-encrypted. The new kind columns are filled
for existing entries: identifier_kind "bsn" here (every entry so far is a resident's),
subject_service/subject_kind in 0004, which also renames the page kind "zaak" to "detail".
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_overview_attempts_exports"),
    ]

    operations = [
        migrations.RenameField("processinglogentry", "bsn_encrypted", "identifier_encrypted"),
        migrations.RenameField("processinglogentry", "bsn_hash", "identifier_hash"),
        migrations.RenameField("processinglogentry", "bsn_tail", "identifier_tail"),
        migrations.RenameField("processinglogentry", "zaak_identificatie", "subject_label"),
        migrations.RenameField("processinglogentry", "zaak_uuid", "subject_uuid"),
        migrations.RenameField("processinglogentry", "zaak_identificaties", "listed_labels"),
        migrations.RenameField("processinglogentry", "zaken_list", "list_name"),
        migrations.AddField(
            model_name="processinglogentry",
            name="identifier_kind",
            field=models.CharField(
                choices=[("bsn", "BSN"), ("kvk", "KVK-nummer")],
                default="bsn",
                editable=False,
                max_length=10,
                verbose_name="soort nummer",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="processinglogentry",
            name="subject_service",
            field=models.CharField(
                blank=True,
                choices=[("zaken", "MijnZaken")],
                default="",
                max_length=20,
                verbose_name="dienst",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="processinglogentry",
            name="subject_kind",
            field=models.CharField(
                blank=True,
                choices=[("zaak", "Zaak")],
                default="",
                max_length=20,
                verbose_name="soort onderwerp",
            ),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="processinglogentry",
            name="identifier_encrypted",
            field=models.TextField(editable=False, verbose_name="nummer (versleuteld)"),
        ),
        migrations.AlterField(
            model_name="processinglogentry",
            name="identifier_hash",
            field=models.CharField(
                db_index=True, editable=False, max_length=64, verbose_name="nummer (hash)"
            ),
        ),
        migrations.AlterField(
            model_name="processinglogentry",
            name="identifier_tail",
            field=models.CharField(
                editable=False, max_length=2, verbose_name="laatste cijfers nummer"
            ),
        ),
        migrations.AlterField(
            model_name="processinglogentry",
            name="subject_label",
            field=models.CharField(blank=True, max_length=200, verbose_name="onderwerp"),
        ),
        migrations.AlterField(
            model_name="processinglogentry",
            name="subject_uuid",
            field=models.UUIDField(blank=True, null=True, verbose_name="onderwerp (uuid)"),
        ),
        migrations.AlterField(
            model_name="processinglogentry",
            name="listed_labels",
            field=models.JSONField(
                blank=True, default=list, verbose_name="onderwerpen in de lijst"
            ),
        ),
        migrations.AlterField(
            model_name="processinglogentry",
            name="list_name",
            field=models.CharField(
                blank=True,
                choices=[("lopend", "Lopende zaken"), ("afgerond", "Afgeronde zaken")],
                max_length=20,
                verbose_name="lijst",
            ),
        ),
        migrations.AlterField(
            model_name="processinglogentry",
            name="kind",
            field=models.CharField(
                choices=[
                    ("opzoeken", "Inwoner opgezocht"),
                    ("overzicht", "Overzicht"),
                    ("detail", "Detailpagina"),
                    ("document", "Document gedownload"),
                    ("poging", "Poging, niets getoond"),
                    ("export", "Geëxporteerd als CSV"),
                ],
                max_length=20,
                verbose_name="wat is bekeken",
            ),
        ),
    ]
