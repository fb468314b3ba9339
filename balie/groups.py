"""The two staff groups and their permissions; safe to run any number of times."""

from django.apps.registry import Apps
from django.db.models import Q

ADMINISTRATORS = "Beheerders"
DESK_EMPLOYEES = "Baliemedewerkers"

# Administrators configure what residents see (every zaken model) and the back office APIs it
# comes from (zgw_consumers' services), run the notification service (message texts, the
# subscription, retrying what failed; residents' own choices they may only view), and read and
# export the processing log; desk employees only use the desk.
NOTIFICATIES_CHANGES = [
    "change_messagetemplate",
    "add_subscription",
    "change_subscription",
    "change_receivednotification",
    "change_outgoingmessage",
]
GROUP_PERMISSIONS: dict[str, Q] = {
    ADMINISTRATORS: (
        Q(content_type__app_label="zaken")
        | Q(content_type__app_label="zgw_consumers", content_type__model="service")
        | Q(
            content_type__app_label="accounts",
            codename__in=["view_oidcconfig", "change_oidcconfig"],
        )
        | (
            Q(content_type__app_label="notificaties")
            & (Q(codename__startswith="view_") | Q(codename__in=NOTIFICATIES_CHANGES))
        )
        | Q(content_type__app_label="audit", codename="view_processinglogentry")
        | Q(content_type__app_label="audit", codename="export_processinglogentry")
    ),
    DESK_EMPLOYEES: Q(content_type__app_label="balie", codename="use_balie"),
}


def sync_groups(apps: Apps, using: str = "default") -> None:
    """Create the groups and add the permissions that exist now (never removes any)."""
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for name, permissions in GROUP_PERMISSIONS.items():
        group, _created = group_model.objects.using(using).get_or_create(name=name)
        group.permissions.add(*permission_model.objects.using(using).filter(permissions))
