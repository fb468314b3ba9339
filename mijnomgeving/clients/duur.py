"""ISO-8601 durations as the Catalogi and Zaken APIs serve them (doorlooptijd, servicenorm, duur)."""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_PATTERN = re.compile(
    r"P(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?"
    r"(?:T(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+)S)?)?"
)


@dataclass(frozen=True, slots=True)
class Duur:
    """A calendar duration: years and months stay calendar units, weeks become days.

    Months cannot be turned into days without a start date (P2M is 59 to 62 days), so they
    are kept apart and only resolved by `add_to(start)`, which adds them the way
    `dateutil.relativedelta` does: 31 January + P1M is the last day of February. The time
    part (rare in zaaktypen) counts in whole days only when it adds up to them.
    `iso` keeps the text as served.
    """

    iso: str
    years: int = 0
    months: int = 0
    days: int = 0
    seconds: int = 0

    @classmethod
    def parse(cls, text: str) -> "Duur":
        """Parse `P56D`, `P8W`, `P2M`, `P1Y2M10DT2H`; raise ValueError for anything else.

        Only whole numbers are accepted; signs and decimal fractions are not.
        """
        match = _PATTERN.fullmatch(text.strip()) if isinstance(text, str) else None
        if match is None or text.strip() in {"P", ""} or text.strip().endswith("T"):
            raise ValueError("not an ISO-8601 duration")
        parts = {name: int(value) for name, value in match.groupdict().items() if value}
        return cls(
            iso=text.strip(),
            years=parts.get("years", 0),
            months=parts.get("months", 0),
            days=parts.get("days", 0) + 7 * parts.get("weeks", 0),
            seconds=parts.get("hours", 0) * 3600
            + parts.get("minutes", 0) * 60
            + parts.get("seconds", 0),
        )

    @property
    def has_calendar_units(self) -> bool:
        """True when the length in days depends on the start date (years or months)."""
        return bool(self.years or self.months)

    @property
    def total_days(self) -> int | None:
        """The length in whole days, or None when it has years or months (see `add_to`)."""
        if self.has_calendar_units:
            return None
        return self.days + self.seconds // 86400

    def add_to(self, start: date) -> date:
        """The date this duration after `start` (e.g. a zaak's planned end from its start)."""
        month_index = start.month - 1 + self.months + 12 * self.years
        year = start.year + month_index // 12
        month = month_index % 12 + 1
        day = min(start.day, calendar.monthrange(year, month)[1])
        return date(year, month, day) + timedelta(days=self.days + self.seconds // 86400)

    def __str__(self) -> str:
        return self.iso
