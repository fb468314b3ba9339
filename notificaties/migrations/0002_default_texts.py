"""Default Dutch message texts (administrators edit them afterwards)."""

from django.db import migrations

DEFAULTS = {'action_required': {'body': 'Beste inwoner,\n'
                             '\n'
                             "Voor uw zaak '{zaak}' moet u iets doen. Anders kunnen wij uw "
                             'zaak niet verder behandelen.\n'
                             '\n'
                             'Log in op MijnOmgeving om te zien wat u moet doen:\n'
                             '{link}\n'
                             '\n'
                             'Met vriendelijke groet,\n'
                             'Uw gemeente\n'
                             '\n'
                             'Dit bericht is automatisch verstuurd. U kunt niet reageren op '
                             'deze e-mail.',
                     'sms_body': "Voor uw zaak '{zaak}' moet u iets doen. Kijk in "
                                 'MijnOmgeving: {link}',
                     'subject': 'U moet iets doen voor uw zaak'},
 'new_document': {'body': 'Beste inwoner,\n'
                          '\n'
                          "Bij uw zaak '{zaak}' staat een nieuw document.\n"
                          '\n'
                          'Log in op MijnOmgeving om het document te bekijken:\n'
                          '{link}\n'
                          '\n'
                          'Met vriendelijke groet,\n'
                          'Uw gemeente\n'
                          '\n'
                          'Dit bericht is automatisch verstuurd. U kunt niet reageren op deze '
                          'e-mail. Wilt u geen berichten meer krijgen? Dat kunt u aanpassen '
                          'bij Meldingen in MijnOmgeving.',
                  'sms_body': "Er is een nieuw document bij uw zaak '{zaak}'. Kijk in "
                              'MijnOmgeving: {link}',
                  'subject': 'Er is een nieuw document bij uw zaak'},
 'status_update': {'body': 'Beste inwoner,\n'
                           '\n'
                           "Er is nieuws over uw zaak '{zaak}'. Uw zaak is een stap verder.\n"
                           '\n'
                           'Wilt u zien wat er is veranderd? Log in op MijnOmgeving:\n'
                           '{link}\n'
                           '\n'
                           'Met vriendelijke groet,\n'
                           'Uw gemeente\n'
                           '\n'
                           'Dit bericht is automatisch verstuurd. U kunt niet reageren op '
                           'deze e-mail. Wilt u geen berichten meer krijgen? Dat kunt u '
                           'aanpassen bij Meldingen in MijnOmgeving.',
                   'sms_body': "Er is nieuws over uw zaak '{zaak}'. Kijk in MijnOmgeving: "
                               '{link}',
                   'subject': 'Er is nieuws over uw zaak'}}


def create_defaults(apps, schema_editor):
    MessageTemplate = apps.get_model("notificaties", "MessageTemplate")
    for kind, text in DEFAULTS.items():
        MessageTemplate.objects.get_or_create(kind=kind, defaults=text)


class Migration(migrations.Migration):
    dependencies = [("notificaties", "0001_initial")]

    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]
