"""What an error leaves in `last_error`: its type and its message without personal data.

An SMTP refusal names the address (`{'inwoner@example.nl': (550, ...)}`) and a channel's
message may carry a phone number; `last_error` is shown in the admin and kept, so both are
cut out. Long digit runs (a BSN too) go the same way.
"""

import re

EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")
# 9 to 15 digits, optionally with + or 00 in front and single spaces or dashes between: phone
# numbers and BSNs. Not inside a word, path, UUID or time (the look-arounds), so URLs keep
# their ids and "2026-01-14 10:00" stays a date.
NUMBER = re.compile(r"(?<![\w/.-])(?:\+|00)?\d(?:[ -]?\d){8,14}(?![\w/:-]|\.\w)")

MAX_LENGTH = 2000


def error_clean(text: str) -> str:
    """The text with e-mail addresses and phone numbers (or BSNs) replaced by a placeholder."""
    return NUMBER.sub("[nummer]", EMAIL.sub("[e-mailadres]", text))


def error_summary(error: BaseException) -> str:
    """`Type: cleaned message`, short enough for a `last_error` field."""
    message = error_clean(str(error))
    summary = f"{type(error).__name__}: {message}" if message else type(error).__name__
    return summary[:MAX_LENGTH]
