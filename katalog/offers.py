"""An accepted offer from the form /zostan-realizatorem/ as a draft provider record.

The form backend hands the offer over as JSON (the webhook's body, or the ``.json`` attached
to its e-mail): ``{"form": "partner_offer", "reference": ..., "values": {...}}``.
``katalog apply-proposal`` turns it into ``content/providers/<id>.yaml`` for the editors to
complete. The contact person's name, phone and e-mail stay out of the record: the form's
privacy clause promises they reach the catalogue only with the person's consent.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

OFFER_FORM = "partner_offer"
ID_LENGTH = 60
# Letters NFKD does not split into a base letter and a mark.
_PLAIN = str.maketrans({"ł": "l", "Ł": "L", "ß": "ss", "æ": "ae", "ø": "o"})


def is_offer(data: Any) -> bool:
    """A partner offer as the form backend hands it over."""
    return (
        isinstance(data, Mapping)
        and data.get("form") == OFFER_FORM
        and isinstance(data.get("values"), Mapping)
    )


def provider_id(name: str) -> str:
    """``Fundacja „Dobry Sąsiad”`` → ``fundacja-dobry-sasiad``: a record id from a name."""
    plain = unicodedata.normalize("NFKD", name.translate(_PLAIN))
    ascii_only = plain.encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_only)
    return "-".join(words)[:ID_LENGTH].strip("-")


def provider_draft(values: Mapping[str, Any], today: dt.date) -> dict[str, Any]:
    """The fields of a provider record the offer gives; the editors add the rest."""
    record: dict[str, Any] = {
        "name": str(values.get("organisation", "")).strip(),
        "kind": values.get("kind"),
        "description": str(values.get("offer", "")).strip(),
        "last_verified": today.isoformat(),
    }
    return {key: value for key, value in record.items() if value}
