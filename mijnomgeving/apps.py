"""The project package is an app itself: template tags, processing log, shared pages."""

from django.apps import AppConfig
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def production_settings_problems() -> list[str]:
    """What makes these settings unsafe to serve residents with; empty when all is well."""
    problems = []
    if settings.DEBUG:
        problems.append("DEBUG staat aan (DJANGO_DEBUG).")
    if settings.SECRET_KEY == settings.INSECURE_SECRET_KEY or len(settings.SECRET_KEY) < 32:
        problems.append("DJANGO_SECRET_KEY is niet gezet of te kort (minimaal 32 tekens).")
    if settings.PSEUDONYM_SECRET == settings.INSECURE_SECRET_KEY:
        problems.append("MIJNOMGEVING_PSEUDONYM_SECRET is niet gezet.")
    demo_apps = [app for app in settings.INSTALLED_APPS if app == "demo" or app.startswith("demo.")]
    if demo_apps:
        problems.append(f"De demo-apps zijn geïnstalleerd: {', '.join(demo_apps)}.")
    return problems


class MijnOmgevingConfig(AppConfig):
    name = "mijnomgeving"
    verbose_name = "MijnOmgeving"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        if settings.MIJNOMGEVING_ENVIRONMENT != "production":
            return
        problems = production_settings_problems()
        if problems:
            raise ImproperlyConfigured(
                "MijnOmgeving weigert te starten met onveilige productie-instellingen: "
                + " ".join(problems)
            )
