"""The ordered confidentiality scale of the ZGW APIs (docs/standards.md §3.1, Decision 2)."""

from enum import Enum


class Vertrouwelijkheid(Enum):
    """openbaar < beperkt_openbaar < … < zeer_geheim; compares by position, never as text.

    Not a `str` enum on purpose: comparing with a plain string must fail loudly instead of
    silently comparing letters. Use `Vertrouwelijkheid("intern")` to parse and `.value` (or
    `str()`) for the API's spelling.
    """

    openbaar = "openbaar"
    beperkt_openbaar = "beperkt_openbaar"
    intern = "intern"
    zaakvertrouwelijk = "zaakvertrouwelijk"
    vertrouwelijk = "vertrouwelijk"
    confidentieel = "confidentieel"
    geheim = "geheim"
    zeer_geheim = "zeer_geheim"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    def at_most(self, maximum: "Vertrouwelijkheid") -> bool:
        """Whether something with this level may be shown under `maximum` (threshold)."""
        return self.rank <= maximum.rank

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Vertrouwelijkheid):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Vertrouwelijkheid):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Vertrouwelijkheid):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Vertrouwelijkheid):
            return NotImplemented
        return self.rank >= other.rank

    def __str__(self) -> str:
        return self.value


_RANKS = {level: index for index, level in enumerate(Vertrouwelijkheid)}
