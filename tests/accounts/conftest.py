"""The accounts context processor, until the integrator lists it in TEMPLATES."""

import pytest

CONTEXT_PROCESSOR = "mijnomgeving.accounts.context_processors.session"


@pytest.fixture(autouse=True)
def session_context_processor(settings) -> None:
    options = settings.TEMPLATES[0]["OPTIONS"]
    if CONTEXT_PROCESSOR not in options["context_processors"]:
        templates = [dict(settings.TEMPLATES[0])]
        templates[0]["OPTIONS"] = {
            **options,
            "context_processors": [*options["context_processors"], CONTEXT_PROCESSOR],
        }
        settings.TEMPLATES = templates
