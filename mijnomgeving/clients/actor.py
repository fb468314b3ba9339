"""On whose behalf a call is made: the user_id/user_representation claims of the ZGW JWT."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Actor:
    user_id: str
    user_representation: str


# The portal itself, for the endpoints that know no person (NotifyNL, an OIDC provider's
# key set, an OAuth2 token endpoint): their credentials name the service only.
PORTAL = Actor(user_id="mijnomgeving", user_representation="MijnOmgeving")
