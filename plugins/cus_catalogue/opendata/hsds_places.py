"""Where and when, from HSDS: addresses (in any country), locations and weekly schedules."""

from __future__ import annotations

import re
from typing import Any

from .common import RRULE_DAYS
from .hsds_source import Source

DAYS_OF_RRULE = {rrule: code for code, rrule in RRULE_DAYS.items()}
# Record hours are Polish local time: UTC+1 in winter, UTC+2 in summer (schedule.timezone).
POLISH_OFFSETS = (1, 2)
# A rule with any of these is not "every week at these hours": it is kept as text only.
RESTRICTING = ("byweekno", "bymonthday", "byyearday", "count", "until", "valid_from", "valid_to")
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")


def _time(value: Any) -> str | None:
    """``09:00:00`` or ``9:00`` → ``09:00``; ``23:59:59`` is our tables' way to write 24:00."""
    match = _TIME.fullmatch(str(value or ""))
    if not match or match.group(3) not in (None, "00", "59"):
        return None
    hour, minute = int(match.group(1)), match.group(2)
    if match.group(3) == "59":
        return "24:00" if (hour, minute) == (23, "59") else None
    return f"{hour:02d}:{minute}"


def _weekly(schedule: Source) -> dict[str, Any] | None:
    """The slot of a plain weekly rule (days, from, to), or None when the rule says more."""
    tokens = [day.strip() for day in str(schedule.peek("byday") or "").split(",") if day.strip()]
    opens, closes = _time(schedule.peek("opens_at")), _time(schedule.peek("closes_at"))
    plain = (
        schedule.peek("freq") in (None, "WEEKLY")
        and schedule.peek("interval") in (None, 1)
        and schedule.peek("timezone") in (None, *POLISH_OFFSETS)
        and not any(schedule.peek(key) not in (None, "") for key in RESTRICTING)
    )
    if not (plain and tokens and all(t in DAYS_OF_RRULE for t in tokens) and opens and closes):
        return None
    schedule.use("freq", "interval", "wkst", "byday", "opens_at", "closes_at", "timezone")
    return {"days": [DAYS_OF_RRULE[token] for token in tokens], "from": opens, "to": closes}


def hours_from(schedules: list[Source], ours: bool) -> tuple[list[dict[str, Any]], list[str]]:
    """Weekly rules as hour slots; descriptions and notes of any rule as the hours note."""
    hours, notes = [], []
    for schedule in schedules:
        slot = _weekly(schedule)
        if slot:
            hours.append(slot)
        notes += [text for key in ("description", "notes") if (text := schedule.text(key))]
    return hours, notes


def address_fields(location: Source, ours: bool) -> dict[str, Any]:
    """The first street address of a location, in the country it is in."""
    for address in location.children("addresses"):
        street = address.text("address_1")
        if not street:
            continue
        found: dict[str, Any] = {"street": street}
        if second := address.text("address_2"):
            found["street"] = f"{street}, {second}"
        for key in ("postal_code", "city"):
            if value := address.text(key):
                found[key] = value
        country = str(address.value("country") or "PL").upper()
        if country != "PL":
            found["country"] = country
        address.use("address_type")
        if ours:
            address.use("state_province")  # our export writes the setting's voivodeship
        return found
    return {}


def place_from(location: Source, ours: bool) -> dict[str, Any] | str | None:
    """A named location as a place (address, coordinates); an unnamed one as its description."""
    location.use("location_type")
    if name := location.text("name"):
        place: dict[str, Any] = {"name": name, **address_fields(location, ours)}
        for source, target in (("latitude", "lat"), ("longitude", "lon")):
            if isinstance(location.peek(source), int | float):
                place[target] = location.value(source)
        return place
    return location.text("description")
