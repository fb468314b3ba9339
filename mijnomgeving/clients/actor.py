"""On whose behalf a call is made: the user_id/user_representation claims of the ZGW JWT."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Actor:
    user_id: str
    user_representation: str
