"""Fixtures shared by the whole suite; each fixture module under tests/fixtures registers here."""

pytest_plugins: list[str] = [
    "tests.fixtures.services",
    "tests.fixtures.oidc",
    "tests.fixtures.backoffice",
    "tests.fixtures.stack",
    "tests.fixtures.roundtrips",
    "tests.fixtures.notificaties",
    "tests.fixtures.staff",
    "tests.guard",  # guard_world, resident_a, resident_b
]
