"""Existing entries get their subject: every page logged so far was a MijnZaken page.

An overview, a zaak, a document or an attempt (only the zaken pages log attempts) is about
service "zaken", kind "zaak" (its UUID and zaaknummer were carried over by 0003); a look-up
and an export are about no subject. The page kind "zaak" is now "detail".

The log refuses to be changed (ProcessingLogQuerySet.update raises ImmutableEntryError), and
that is deliberate for the application. This migration files existing entries under the new
columns without changing what they say, so it writes through `_base_manager`: always
Django's plain Manager, whatever managers the model declares (the historical model has no
ProcessingLogQuerySet today, as the manager is not `use_in_migrations`; `_base_manager` keeps
this migration working should that change). Set-based updates: no row is loaded.

Backwards: "detail" is "zaak" again and the subject columns are dropped by 0003's reverse;
refused when an entry is about another service or another kind of number (a KVK number
would otherwise turn into a BSN).
"""

from django.db import migrations

ZAKEN_PAGES = ["overzicht", "zaak", "document", "poging"]


def _entries(apps, schema_editor):
    model = apps.get_model("audit", "ProcessingLogEntry")
    return model._base_manager.using(schema_editor.connection.alias)


def forwards(apps, schema_editor):
    entries = _entries(apps, schema_editor)
    entries.filter(kind__in=ZAKEN_PAGES).update(subject_service="zaken", subject_kind="zaak")
    entries.filter(kind="zaak").update(kind="detail")


def backwards(apps, schema_editor):
    entries = _entries(apps, schema_editor)
    if entries.exclude(identifier_kind="bsn").exists():
        raise RuntimeError(
            "The processing log holds entries with a KVK number: the bsn_* columns of the "
            "earlier schema cannot hold them."
        )
    if entries.exclude(subject_service__in=["", "zaken"]).exists():
        raise RuntimeError(
            "The processing log holds entries about another service than MijnZaken: the "
            "zaak_* columns of the earlier schema cannot hold them."
        )
    entries.filter(kind="detail").update(kind="zaak")


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0003_identifier_and_subject"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
