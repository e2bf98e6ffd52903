"""Services open to every resident belong on every audience's list, marked as such.

A senior looking at /dla/seniorzy/ or filtering the search by seniors must also find free
legal advice, which is for everyone: its record says so with the audience ``EVERYONE``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Any, TypeVar

EVERYONE = "wszyscy-mieszkancy"
View = TypeVar("View", bound=Any)


def is_for_everyone(audiences: Collection[str]) -> bool:
    """Does a service with these audiences serve every resident?"""
    return EVERYONE in audiences


def also_for(services: Iterable[View], audience_id: str) -> list[View]:
    """Services for every resident that do not name ``audience_id`` themselves (none for the
    everyone audience's own page)."""
    if audience_id == EVERYONE:
        return []
    return [
        service
        for service in services
        if is_for_everyone(service.data["audiences"])
        and audience_id not in service.data["audiences"]
    ]


def facet_audiences(audiences: Sequence[str], known: Collection[str]) -> list[str]:
    """The audience filters a service answers to: its own, or every one when it is for all."""
    return sorted(known) if is_for_everyone(audiences) else list(audiences)
