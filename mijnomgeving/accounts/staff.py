"""A staff member at the desk, as a domain value: who they are in the log and in the JWT."""

from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser

from mijnomgeving.clients.actor import Actor


@dataclass(frozen=True, slots=True)
class StaffMember:
    user_id: int
    username: str
    full_name: str


def staff_member(user: AbstractBaseUser) -> StaffMember:
    """The logged-in staff user as a value (the name falls back to the username)."""
    full_name = user.get_full_name().strip() if hasattr(user, "get_full_name") else ""
    username = user.get_username()
    return StaffMember(user_id=int(user.pk), username=username, full_name=full_name or username)


def staff_actor(member: StaffMember) -> Actor:
    """docs/standards.md Decision 1: desk look-ups carry the employee's username and full name."""
    return Actor(user_id=member.username, user_representation=member.full_name)
