"""What each child of the stack is given: the addresses of the parts, the environment of the
portal's processes and of the demo back office, and the configuration files the prepare step
loads. StackEnvironment is the half of Stack (demo/lifecycle.py) that starts nothing."""

import os
from pathlib import Path

from demo.configuration import (
    CONFIG_YAML,
    KLANTINTERACTIES_TOKEN,
    NOTIFICATIES_YAML,
    ZAKEN_CONFIG_YAML,
    StackSettings,
)
from demo.connect import ConnectFile


class StackEnvironment:
    """Stack's addresses and its children's environments; Stack sets both attributes."""

    settings: StackSettings
    # --connect: the municipality's file (demo/connect.py); None: the demo's back offices.
    connect: ConnectFile | None

    @property
    def demo_backoffice(self) -> bool:
        """The demo back office runs (make demo), not the municipality's own (--connect)."""
        return self.connect is None

    @property
    def demo_login(self) -> bool:
        """The demo OIDC provider runs: always in the demo; with --connect unless the file
        switches on the municipality's own login (oidc_config)."""
        return self.connect is None or not self.connect.own_login

    def _url(self, port: int) -> str:
        return f"http://{self.settings.host}:{port}"

    @property
    def portal_url(self) -> str:
        return self._url(self.settings.portal_port)

    @property
    def backoffice_url(self) -> str:
        return self._url(self.settings.backoffice_port)

    @property
    def oidc_url(self) -> str:
        return self._url(self.settings.oidc_port)

    def api_root(self, api: str) -> str:
        """The demo back office's root for "zaken", "catalogi" or "documenten"."""
        return f"{self.backoffice_url}/{api}/api/v1/"

    def _base_env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
        no_proxy = ",".join(filter(None, [env.get("NO_PROXY", ""), "127.0.0.1,localhost"]))
        env |= {
            "PYTHONUNBUFFERED": "1",
            "NO_COLOR": "1",
            "NO_PROXY": no_proxy,
            "no_proxy": no_proxy,
        }
        return env

    @property
    def site_url(self) -> str:
        """The portal's public address (links in e-mails, the webhook's callback). --connect:
        SITE_URL from the environment when set (an address Open Notificaties can reach)."""
        if self.connect is not None and os.environ.get("SITE_URL"):
            return os.environ["SITE_URL"].rstrip("/")
        return self.portal_url

    def yaml_files(self) -> list[Path]:
        """What the prepare step loads, in this order."""
        if self.connect is None:
            return [self.settings.config_yaml, NOTIFICATIES_YAML, ZAKEN_CONFIG_YAML]
        # setup.yaml's login only (its services switched off by portal_env) after the file.
        return [self.connect.path, *([CONFIG_YAML] if self.demo_login else [])]

    def portal_env(self) -> dict[str, str]:
        """The environment of the portal's processes: database, back offices and OIDC provider."""
        env = self._base_env() | {
            "DJANGO_SETTINGS_MODULE": self.settings.settings_module,
            "DATABASE_URL": self.settings.database_url,
            "SITE_URL": self.site_url,
        }
        mailbox = {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.settings.mailbox),
        }
        if self.connect is None:
            env |= mailbox | {
                "DEMO_ZAKEN_API_ROOT": self.api_root("zaken"),
                "DEMO_CATALOGI_API_ROOT": self.api_root("catalogi"),
                "DEMO_DOCUMENTEN_API_ROOT": self.api_root("documenten"),
                "DEMO_NOTIFICATIES_API_ROOT": self.api_root("notificaties"),
                "DEMO_KLANTINTERACTIES_API_ROOT": self.api_root("klantinteracties"),
                "DEMO_KLANTINTERACTIES_AUTHORIZATION": f"Token {self.klantinteracties_token}",
            }
        elif "EMAIL_BACKEND" not in env:  # residents' real addresses: files unless told
            env |= mailbox
        if self.demo_login:
            # demo/config/setup.yaml loads the login's OIDC settings (the provider's endpoints
            # below this issuer) into the database, as a municipality would configure it.
            env |= {"DEMO_OIDC_CONFIG_ENABLE": "true", "DEMO_OIDC_ISSUER": self.oidc_url}
        if self.connect is not None and self.demo_login:
            # Only setup.yaml's login, not its demo services; any typed BSN logs in (the
            # provider's `sub`: the municipality's own test residents are not its buttons).
            env |= {"DEMO_SERVICES_CONFIG_ENABLE": "false", "DEMO_OIDC_BSN_CLAIM": "sub"}
        # The demo shows what residents get: the Dutch error pages, not Django's debug pages
        # (which list every URL and, on a 500, local variables). DJANGO_DEBUG=true overrides.
        env.setdefault("DJANGO_DEBUG", "false")
        return env | dict(self.settings.extra_env)

    @property
    def klantinteracties_token(self) -> str:
        return os.environ.get("DEMO_KLANTINTERACTIES_TOKEN") or KLANTINTERACTIES_TOKEN

    def backoffice_env(self) -> dict[str, str]:
        """The back office's: its public root (URLs in notifications), the mailbox, the token."""
        return self._base_env() | {
            "DEMO_BACKOFFICE_BASE_URL": self.backoffice_url,
            "DEMO_MAILBOX_DIR": str(self.settings.mailbox),
            "DEMO_KLANTINTERACTIES_TOKEN": self.klantinteracties_token,
            "DEMO_PORTAL_URL": self.portal_url,  # the staff page's login link
        }
