"""`make demo`: the portal with its demo back offices, OIDC provider and task worker, together.

Run as ``python -m demo.stack`` (see ``--help``). The browser tests start the same stack on
free ports through ``Stack`` (tests/fixtures/stack.py). The processes themselves are in
demo/processes.py, the test residents in demo/residents.py.

``python -m demo.stack --connect my.yaml`` (`make connect CONFIG=my.yaml`) runs the same
portal against a municipality's own back offices instead: see demo/connect.py.
"""

# The docstring above is also `--help`'s text. The stack's parts: demo/configuration.py
# (StackSettings, what the prepare step loads), demo/environment.py (what each child is given),
# demo/lifecycle.py (Stack: starting, waiting, stopping); this module the command line and
# what it says at the terminal.

import argparse
import os
import signal
import sys
from pathlib import Path

from demo.configuration import (
    CONFIG_YAML,
    DEMO_API_ROOT_VARIABLES,
    KLANTINTERACTIES_TOKEN,
    NOTIFICATIES_YAML,
    ZAKEN_CONFIG_YAML,
    StackSettings,
)
from demo.connect import DOCS, connect_banner
from demo.lifecycle import Stack
from demo.processes import StackError, say
from demo.residents import RESIDENTS

# What the tests, bench/ and tests/fixtures/ import from here, as before the split.
__all__ = [
    "CONFIG_YAML",
    "KLANTINTERACTIES_TOKEN",
    "NOTIFICATIES_YAML",
    "ZAKEN_CONFIG_YAML",
    "Stack",
    "StackSettings",
    "banner",
    "main",
]


def banner(stack: Stack) -> str:
    if stack.connect is not None:
        email = os.environ.get("EMAIL_BACKEND") or str(stack.settings.mailbox)
        return connect_banner(
            stack.connect,
            portal_url=stack.portal_url,
            oidc_url=stack.oidc_url,
            site_url=stack.site_url,
            mailbox=email,
            log_dir=stack.settings.log_dir,
            notes=stack.notes,
        )
    residents = "\n".join(f"    {r.bsn}  {r.name:<24} {r.story}" for r in RESIDENTS)
    return f"""
  MijnOmgeving draait: {stack.portal_url}/

  Inloggen: klik op "Inloggen met DigiD" en kies bij de test-DigiD ({stack.oidc_url})
  een van deze testinwoners (knop met het BSN):
{residents}

  Demo-backoffices (Zaken, Catalogi, Documenten, Notificaties, Klantinteracties): {stack.backoffice_url}/
  Demo-pagina's: {stack.backoffice_url}/_demo/
    zaak naar de volgende status: {stack.backoffice_url}/_demo/zaken/
    e-mails die MijnOmgeving stuurde: {stack.backoffice_url}/_demo/mailbox/
  Medewerkers (balie en beheer): {stack.portal_url}/beheer/login/
    gebruikersnaam balie of beheerder, wachtwoord demo-medewerker, code op {stack.backoffice_url}/_demo/medewerkers/
  Logbestanden: {stack.settings.log_dir}/
  Stoppen: Ctrl-C
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m demo.stack", description=__doc__)
    parser.add_argument("--portal-port", type=int, help="default: DEMO_PORTAL_PORT or 8000")
    parser.add_argument("--backoffice-port", type=int, help="default: DEMO_BACKOFFICE_PORT or 8001")
    parser.add_argument("--oidc-port", type=int, help="default: DEMO_OIDC_PORT or 9400")
    parser.add_argument(
        "--reload", action="store_true", help="herstart de portal bij codewijzigingen"
    )
    parser.add_argument("--quiet", action="store_true", help="uitvoer alleen in de logbestanden")
    parser.add_argument(
        "--connect",
        type=Path,
        metavar="YAML",
        help=f"uw eigen Open Zaak, Open Klant en Open Notificaties uit dit bestand in plaats van "
        f"de demo-backoffices (make connect CONFIG=...; zie {DOCS})",
    )
    args = parser.parse_args(argv)
    overrides = {
        key: value
        for key, value in (
            ("portal_port", args.portal_port),
            ("backoffice_port", args.backoffice_port),
            ("oidc_port", args.oidc_port),
            ("connect", args.connect),
        )
        if value is not None
    }
    what = "MijnOmgeving" if args.connect else "De demo"
    try:
        stack = Stack(
            StackSettings.from_environment(reload=args.reload, echo=not args.quiet, **overrides)
        )
    except StackError as error:  # --connect: the file is read first
        say(f"\n{what} kon niet starten: {error}", error=True)
        return 1
    if args.connect is None:
        ignored = [name for name in DEMO_API_ROOT_VARIABLES if os.environ.get(name)]
        if ignored:
            say(
                f"Let op: {', '.join(ignored)} {'is' if len(ignored) == 1 else 'zijn'} "
                "ingesteld, maar make demo gebruikt altijd zijn eigen demo-backoffices. Uw "
                f"eigen backoffices: make connect CONFIG=uw.yaml ({DOCS}).",
                error=True,
            )

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)
    signal.signal(signal.SIGINT, interrupt)  # also when started with SIGINT ignored (`&`)
    if stack.connect is None:
        say("MijnOmgeving-demo start (database, configuratie, backoffices, inloggen, portal)...")
    else:
        say(f"MijnOmgeving start met de backoffices uit {stack.connect.path} (database, configuratie, inloggen, portal)...")  # fmt: skip
    try:
        stack.start()
        say(banner(stack))
        return stack.wait()
    except StackError as error:
        say(f"\n{what} kon niet starten: {error}", error=True)
        return 1
    except KeyboardInterrupt:
        say(f"\n{what} stopt...")
        return 0
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
