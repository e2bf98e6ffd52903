"""Hostile records (issue 10, defects 17-20): links, YAML bombs, line breaks, ids with a newline.

Each is refused by `katalog validate` and the build with a Polish message at the file and line,
never a traceback, and nothing of it reaches the site or CODEOWNERS.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from records import edit, problems_of, write
from sitekit import run_katalog, run_pelican

from cus_catalogue.record_parser import MAX_RECORD_BYTES
from cus_catalogue.records import ID_PATTERN
from cus_catalogue.validation import schema
from katalog.cli import main

ROOT = Path(__file__).resolve().parent.parent
SECRET = "Tajne hasło do serwera: 1234"


def outside_record(tmp_path: Path, mini: Path) -> Path:
    """A valid record outside the catalogue that carries a secret in its description."""
    source = (mini / "services" / "porada-prawna.yaml").read_text(encoding="utf-8")
    return write(tmp_path / "poza" / "sekret.yaml", source.replace("Porada", SECRET, 1))


def test_defect_17_a_symlinked_record_is_refused_by_validate_and_build(mini, tmp_path):
    target = outside_record(tmp_path, mini)
    record = mini / "services" / "porada-prawna.yaml"
    record.unlink()
    record.symlink_to(target)
    result = run_katalog("validate", str(mini))
    assert result.returncode == 1
    assert (
        f"{record}:1: to jest dowiązanie symboliczne (skrót do innego pliku); rekord musi być "
        "zwykłym plikiem w tym folderze"
    ) in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    built = run_pelican(mini, tmp_path / "site")
    assert built.returncode == 1
    assert "porada-prawna.yaml:1: to jest dowiązanie symboliczne" in built.stdout + built.stderr
    site_text = "".join(
        p.read_text("utf-8", "replace") for p in (tmp_path / "site").rglob("*") if p.is_file()
    )
    assert SECRET not in site_text


def test_defect_17_a_symlinked_folder_and_a_fifo_are_refused_without_hanging(mini, tmp_path):
    outside = tmp_path / "gdzie-indziej"
    (mini / "providers").rename(outside)
    (mini / "providers").symlink_to(outside)
    os.mkfifo(mini / "services" / "kolejka.yaml")
    started = time.monotonic()
    problems = problems_of(mini)
    assert time.monotonic() - started < 30  # a FIFO is never opened (it would block forever)
    assert "providers:1: to jest dowiązanie symboliczne (skrót do innego pliku); rekord musi być " \
        "zwykłym plikiem w tym folderze" in problems  # fmt: skip
    assert (
        "services/kolejka.yaml:1: to nie jest zwykły plik; w tym folderze mogą być tylko pliki "
        "rekordów"
    ) in problems


def test_defect_18_a_name_with_line_breaks_is_refused_and_never_reaches_codeowners(mini, tmp_path):
    provider = mini / "providers" / "fundacja-pomocna-dlon.yaml"
    edit(provider, "name: Fundacja Pomocna Dłoń\n", 'name: "Caritas\\n* @x\\n/.github/ @x"\n')
    problems = problems_of(mini)
    assert problems == [
        "providers/fundacja-pomocna-dlon.yaml:2: name: musi być w jednym wierszu "
        "(bez przejścia do nowej linii)"
    ]
    target = tmp_path / "CODEOWNERS"
    assert main(["codeowners", "--content", str(mini), "--output", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert "@x" not in text and "Caritas" not in text
    assert all(line.startswith(("#", "/", "*")) or not line for line in text.splitlines())


@pytest.mark.parametrize(
    ("field", "old", "new"),
    [
        ("summary", "summary: ", 'summary: "Pierwszy wiersz\\n'),
        ("unit", "unit: godzina", 'unit: "godzina\\r"'),
        (
            "keywords[1]",
            "keywords: [hydraulik, naprawa]",
            'keywords: [hydraulik, "naprawa\\u2028"]',
        ),
    ],
)
def test_defect_18_every_one_line_field_refuses_line_breaks(mini, field, old, new):
    service = mini / "services" / "zlota-raczka.yaml"
    text = service.read_text(encoding="utf-8")
    if old == "summary: ":
        line = next(row for row in text.splitlines() if row.startswith("summary: "))
        new = f'summary: "Pierwszy wiersz\\n{line.removeprefix("summary: ")}"'
        old = line
    edit(service, old, new)
    problems = problems_of(mini)
    assert len(problems) == 1
    assert f" {field}: musi być w jednym wierszu (bez przejścia do nowej linii)" in problems[0]


def test_defect_18_codeowners_skips_maintainers_that_are_not_account_names(mini, tmp_path):
    provider = mini / "providers" / "fundacja-pomocna-dlon.yaml"
    edit(provider, "maintainers: [pomocna-dlon]", 'maintainers: [pomocna-dlon, "zły\\n* @x"]')
    target = tmp_path / "CODEOWNERS"
    assert main(["codeowners", "--content", str(mini), "--output", str(target)]) == 0
    assert "@x" not in target.read_text(encoding="utf-8")


# 9**7 (4.8 million) items from 300 bytes: half a minute and gigabytes when expanded.
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
    for prev, name in zip("abcdef", "bcdefg", strict=True)
)


def limit_memory() -> None:
    """At most 3 GB of address space for the child (an expanded bomb took 1.26 GB and more)."""
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


def test_defect_19_an_alias_bomb_is_refused_at_once_with_its_line(mini):
    assert len(BOMB.encode()) < 400
    write(mini / "services" / "bomba.yaml", BOMB)
    command = [sys.executable, "-m", "katalog", "validate", str(mini)]
    # Refused by its anchors, not expanded: the message below says so. Should that break, the
    # memory limit ends an expanding bomb before it eats the machine's memory; the timeout is
    # generous because a busy machine starts Python slowly (it failed at 20 s under stress-ng).
    result = subprocess.run(
        command, capture_output=True, text=True, cwd=ROOT, timeout=180, check=False,
        preexec_fn=limit_memory,
    )  # fmt: skip
    assert result.returncode == 1
    assert (
        "bomba.yaml:1: kotwice i odwołania (&nazwa, *nazwa) są w rekordach niedozwolone: "
        "wpisz każdą wartość w całości"
    ) in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: &a [*a]\n", "sam.yaml:1: kotwice i odwołania"),
        ("name: Usługa\nsummary: &s Krótko\n", "sam.yaml:2: kotwice i odwołania"),
        (
            "name: " + "[" * 999 + "]" * 999 + "\n",
            "sam.yaml:1: rekord jest zagnieżdżony za głęboko (ma więcej niż 8 poziomów)",
        ),
        ("name: a\n---\nname: b\n", "sam.yaml:2: plik zawiera więcej niż jeden rekord"),
        ("? [a, b]\n: c\n", "sam.yaml:1: nazwa pola musi być zwykłym tekstem"),
    ],
)
def test_defect_19_self_containing_and_deep_yaml_gets_a_message_not_a_traceback(
    mini, text, message
):
    write(mini / "services" / "sam.yaml", text)
    result = run_katalog("validate", str(mini))
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_defect_19_a_record_over_the_size_limit_is_refused_and_the_limit_named(mini):
    big = mini / "services" / "duzy.yaml"
    write(big, "name: Duża usługa\ndescription: |\n" + "  tekst tekst tekst\n" * 20_000)
    result = run_katalog("validate", str(mini))
    assert result.returncode == 1
    kilobytes = -(-big.stat().st_size // 1000)
    assert (
        f"duzy.yaml:1: plik jest za duży ({kilobytes} kB); rekord może mieć najwyżej "
        f"{MAX_RECORD_BYTES // 1000} kB"
    ) in result.stderr


def test_defect_20_the_id_rule_is_the_schemas_and_matches_whole_ids_only():
    assert schema("service")["$defs"]["id"]["pattern"] == f"^{ID_PATTERN.pattern}$".replace(
        "(?:", "("
    )
    assert ID_PATTERN.fullmatch("zlota-raczka")
    assert not ID_PATTERN.fullmatch("zlota-raczka\n")


def test_defect_20_a_file_name_ending_in_a_newline_is_not_an_id(mini):
    source = (mini / "services" / "porada-prawna.yaml").read_text(encoding="utf-8")
    write(mini / "services" / "porada\n.yaml", source)
    problems = problems_of(mini)
    assert any("nie jest poprawnym identyfikatorem" in problem for problem in problems)


def test_defect_20_a_maintainer_ending_in_a_newline_is_refused(mini):
    provider = mini / "providers" / "fundacja-pomocna-dlon.yaml"
    edit(provider, "maintainers: [pomocna-dlon]", 'maintainers: ["pomocna-dlon\\n"]')
    problems = problems_of(mini)
    assert len(problems) == 1
    assert "maintainers[0]: „pomocna-dlon\n” ma zły format: nazwa konta" in problems[0]


def test_defect_20_new_and_apply_proposal_refuse_an_id_ending_in_a_newline(mini, tmp_path, capsys):
    assert main(["new", "service", "nowa\n", "--content", str(mini)]) == 1
    proposal = tmp_path / "propozycja.json"
    proposal.write_text('{"kind": "service", "id": "nowa\\n", "record": {}}', encoding="utf-8")
    assert main(["apply-proposal", str(proposal), "--content", str(mini)]) == 1
    assert "nie jest poprawnym identyfikatorem" in capsys.readouterr().err
    assert sorted(p.name for p in (mini / "services").iterdir()) == [
        "porada-prawna.yaml",
        "zlota-raczka.yaml",
    ]
