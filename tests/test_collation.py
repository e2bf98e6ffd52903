"""Issue 10 item 4: A–Z in Polish order (ł after l, ś after s, ż last), quotes and punctuation
ignored, on every page that lists services or providers."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pages import page, text
from records import copy_mini, edit

from cus_catalogue.collation import by_initial, initial, sort_key

# Service names of the fixture, in the order a Polish reader expects.
NAMES = [
    "Lody dla seniora",
    "Łaźnia miejska",
    "Obiady",
    "Ósemka – klub",
    "Szachy",
    "Śniadania",
    "Zupa na wynos",
    "„Źródło” – grupa wsparcia",
    "Żłobek",
]


def test_polish_letters_follow_their_base_letters_and_punctuation_is_ignored() -> None:
    shuffled = sorted(NAMES, key=lambda name: name[::-1])
    assert sorted(shuffled, key=sort_key) == NAMES
    assert initial("„E-senior” – zajęcia") == "E"
    assert initial("– 24 godziny") == "2"
    groups = by_initial(["ąb", "az", "Ćma", "cyrk", "„Ala”"], lambda name: name)
    assert groups == [("A", ["„Ala”", "az"]), ("Ą", ["ąb"]), ("C", ["cyrk"]), ("Ć", ["Ćma"])]


@pytest.fixture(scope="module")
def polish_site(tmp_path_factory, build_site: Callable[..., Path]) -> Path:
    """The mini catalogue with services whose names start with every tricky letter."""
    content = copy_mini(tmp_path_factory.mktemp("abc") / "alfabet")
    template = (content / "services" / "zlota-raczka.yaml").read_text(encoding="utf-8")
    for number, name in enumerate(reversed(NAMES)):
        service = content / "services" / f"usluga-{number}.yaml"
        service.write_text(template, encoding="utf-8")
        edit(service, "name: Złota rączka dla seniora", f"name: {name}")
    (content / "services" / "zlota-raczka.yaml").unlink()
    (content / "services" / "porada-prawna.yaml").unlink()
    return build_site(content)


def test_a_to_z_lists_and_groups_in_polish_order(polish_site: Path) -> None:
    """Defect: "„E-senior”" sat under a "„" heading at the end of /uslugi/."""
    html = page(polish_site, "/uslugi/").read_text(encoding="utf-8")
    headings = re.findall(r'<h2 id="litera-\d+">([^<]+)</h2>', html)
    assert headings == ["L", "Ł", "O", "Ó", "S", "Ś", "Z", "Ź", "Ż"]
    shown = text(page(polish_site, "/uslugi/"))
    positions = [shown.index(name) for name in NAMES]
    assert positions == sorted(positions)


def test_every_list_of_services_is_in_polish_order(polish_site: Path) -> None:
    for url in (
        "/dla/seniorzy/",
        "/obszary/pomoc-spoleczna/",
        "/realizatorzy/fundacja-pomocna-dlon/",
    ):
        shown = text(page(polish_site, url))
        positions = [shown.index(name) for name in NAMES]
        assert positions == sorted(positions), url
