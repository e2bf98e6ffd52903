"""Every kind of record problem: the exact Polish message, file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest
from records import DATA, TODAY, edit, problems_of, write
from sitekit import run_katalog

from cus_catalogue.catalogue import load_catalogue


def service(mini: Path) -> Path:
    return mini / "services" / "zlota-raczka.yaml"


def test_the_fixture_is_valid(mini: Path) -> None:
    assert problems_of(mini) == []


CASES = [
    (
        "unit: godzina\n",
        "unit: godzina\nnmae: Literówka\n",
        "services/zlota-raczka.yaml:11: nmae: nieznane pole „nmae” (literówka?); dozwolone pola: "
        "apply_online, areas, audiences, contact, description, documents, eligibility, "
        "emergency_numbers, fee, hours, hours_note, how_to_apply, keywords, languages, "
        "last_verified, limits, name, place, provider, status, summary, translations, unit",
    ),
    (
        "provider: fundacja-pomocna-dlon\n",
        "provider: fundacja-ktorej-nie-ma\n",
        "services/zlota-raczka.yaml:9: provider: nie ma realizatora „fundacja-ktorej-nie-ma” "
        "(brak pliku providers/fundacja-ktorej-nie-ma.yaml)",
    ),
    (
        "audiences: [seniorzy]\n",
        "audiences: [seniorzy, emeryci]\n",
        "services/zlota-raczka.yaml:23: audiences[1]: „emeryci” nie jest identyfikatorem grupy "
        "odbiorców; dozwolone: seniorzy, osoby-z-niepelnosprawnosciami, opiekunowie, "
        "rodziny-z-dziecmi, dzieci-i-mlodziez, osoby-bezrobotne, osoby-w-kryzysie, "
        "osoby-w-kryzysie-bezdomnosci, cudzoziemcy, wszyscy-mieszkancy",
    ),
    (
        "areas: [pomoc-spoleczna]\n",
        "areas: [pomoc]\n",
        "services/zlota-raczka.yaml:24: areas[0]: „pomoc” nie jest identyfikatorem obszaru "
        "ustawowego; dozwolone: polityka-prorodzinna, wspieranie-rodziny, piecza-zastepcza, "
        "pomoc-spoleczna, ochrona-zdrowia, wspieranie-osob-niepelnosprawnych, edukacja-publiczna, "
        "przeciwdzialanie-bezrobociu, kultura, kultura-fizyczna-i-turystyka, aktywnosc-obywatelska, "
        "mieszkalnictwo, ochrona-srodowiska, reintegracja-zawodowa-i-spoleczna",
    ),
    (
        "  amount: 25\n",
        "",
        "services/zlota-raczka.yaml:16: fee.amount: usługa płatna lub częściowo płatna wymaga kwoty "
        "(fee.amount) w złotych",
    ),
    (
        '    from: "09:00"\n',
        '    from: "15:00"\n',
        "services/zlota-raczka.yaml:13: hours[0].from: godzina rozpoczęcia 15:00 i godzina "
        "zakończenia 15:00 są takie same: na całą dobę wpisz 00:00–24:00; godziny przez noc "
        "kończą się rano (np. 18:00–08:00)",
    ),
    (
        "  - days: [pn, sr]\n",
        "  - days: [pn, śr]\n",
        "services/zlota-raczka.yaml:12: hours[0].days[1]: wartość „śr” jest niedozwolona; "
        "dozwolone: pn, wt, sr, cz, pt, so, nd",
    ),
    (
        '    to: "15:00"\n',
        '    to: "25:00"\n',
        "services/zlota-raczka.yaml:14: hours[0].to: „25:00” ma zły format: godzina w formacie "
        "GG:MM, np. 16:00",
    ),
    (
        'last_verified: "2026-09-15"\n',
        'last_verified: "2027-01-10"\n',
        "services/zlota-raczka.yaml:28: last_verified: data 2027-01-10 jest w przyszłości",
    ),
    (
        'last_verified: "2026-09-15"\n',
        'last_verified: "2026-02-30"\n',
        "services/zlota-raczka.yaml:28: last_verified: „2026-02-30” nie jest prawdziwą datą "
        "(RRRR-MM-DD)",
    ),
    (
        'last_verified: "2026-09-15"\n',
        "",
        "services/zlota-raczka.yaml:2: last_verified: brak wymaganego pola",
    ),
    (
        "  kind: paid\n",
        "  kind: płatna\n",
        "services/zlota-raczka.yaml:16: fee.kind: wartość „płatna” jest niedozwolona; dozwolone: "
        "free, paid, partial",
    ),
    (
        "  age_min: 75\n",
        "  age_min: siedemdziesiąt\n",
        "services/zlota-raczka.yaml:21: eligibility.age_min: musi być liczbą całkowitą",
    ),
    (
        'hours:\n  - days: [pn, sr]\n    from: "09:00"\n    to: "15:00"\n',
        "hours: []\n",
        "services/zlota-raczka.yaml:11: hours: brak godzin: podaj je albo wyjaśnij w polu "
        "hours_note (np. „po uzgodnieniu”)",
    ),
    (
        "summary: Drobne naprawy",
        "summary: Drobne naprawy" + " bardzo" * 40,
        "services/zlota-raczka.yaml:3: summary: jest za długie: ma 351 znaków, a może mieć najwyżej "
        "200",
    ),
    (
        "unit: godzina\n",
        "unit: godzina\nunit: wizyta\n",
        "services/zlota-raczka.yaml:11: pole „unit” występuje dwa razy",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "expected"), CASES, ids=[c[2].split(": ")[1] for c in CASES]
)
def test_each_problem_is_reported_at_its_line(
    mini: Path, old: str, new: str, expected: str
) -> None:
    edit(service(mini), old, new)
    assert problems_of(mini) == [expected]


def test_invalid_yaml_points_at_its_line(mini: Path) -> None:
    edit(service(mini), "audiences: [seniorzy]\n", "audiences: [seniorzy\n")
    [message] = problems_of(mini)
    assert message.startswith("services/zlota-raczka.yaml:24: plik nie jest poprawnym YAML-em: ")


def test_malformed_and_duplicate_ids(mini: Path) -> None:
    original = service(mini).read_text(encoding="utf-8")
    write(mini / "services" / "Złota_Rączka.yaml", original)
    write(mini / "services" / "zlota-raczka.yml", original)
    assert problems_of(mini) == [
        "services/Złota_Rączka.yaml:1: nazwa pliku „Złota_Rączka.yaml” nie jest poprawnym "
        "identyfikatorem. Możesz w niej użyć tylko małych liter a–z (bez polskich liter), cyfr "
        "i łączników (-), np. zlota-raczka.yaml",
        "services/zlota-raczka.yml:1: identyfikator „zlota-raczka” ma też inny plik: zlota-raczka.yaml",
    ]


def test_stale_records_are_warnings_not_errors(mini: Path) -> None:
    edit(service(mini), 'last_verified: "2026-09-15"\n', 'last_verified: "2025-10-01"\n')
    catalogue = load_catalogue(mini, DATA, today=TODAY, stale_months=12)
    assert catalogue.errors == []
    assert [p.format(mini) for p in catalogue.warnings] == [
        "services/zlota-raczka.yaml:28: ostrzeżenie: last_verified: dane nie były sprawdzane od "
        "13 miesięcy (ostatnio 2025-10-01): sprawdź je i wpisz dzisiejszą datę"
    ]


def test_every_problem_is_collected_at_once(mini: Path) -> None:
    edit(service(mini), "unit: godzina\n", "unit: godzina\ncolour: red\n")
    edit(mini / "services" / "porada-prawna.yaml", "kind: free\n", "kind: gratis\n")
    write(mini / "services" / "pusty.yaml", "")
    assert len(problems_of(mini)) == 3


def test_katalog_validate_names_file_line_and_field_of_a_misspelt_field(mini: Path) -> None:
    edit(service(mini), "limits: 4 usługi", "limts: 4 usługi")
    result = run_katalog("validate", str(mini))
    assert result.returncode == 1
    assert f"{mini}/services/zlota-raczka.yaml:25: limts: nieznane pole „limts”" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "1 błąd" in result.stdout


def test_katalog_validate_accepts_a_valid_catalogue(mini: Path) -> None:
    result = run_katalog("validate", str(mini))
    assert result.returncode == 0, result.stderr
    assert "Sprawdzono: 2 usługi, 1 realizator. Wynik: 0 błędów" in result.stdout


def test_plain_pelican_fails_on_invalid_records_without_a_traceback(
    mini: Path, tmp_path: Path
) -> None:
    from sitekit import run_pelican

    edit(service(mini), "provider: fundacja-pomocna-dlon\n", "provider: nikt\n")
    result = run_pelican(mini, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "zlota-raczka.yaml:9: provider: nie ma realizatora „nikt”" in output
    assert "Traceback" not in output
    assert not (tmp_path / "out" / "uslugi").exists()


def test_garbage_files_never_produce_a_traceback(mini: Path) -> None:
    write(mini / "services" / "binarny.yaml", "")
    (mini / "services" / "binarny.yaml").write_bytes(b"\xff\xfe\x00garbage")
    write(mini / "services" / "lista.yaml", "- a\n- b\n")
    write(mini / "services" / "tab.yaml", "name:\t[\n")
    write(mini / "providers" / "liczba.yaml", "42\n")
    result = run_katalog("validate", str(mini))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "binarny.yaml:1: plik nie jest zapisany w kodowaniu UTF-8" in result.stderr
    assert "lista.yaml:1: rekord musi być listą pól (pole: wartość)" in result.stderr
    assert "liczba.yaml:1: rekord musi być listą pól (pole: wartość)" in result.stderr


def test_problems_inside_a_list_of_places_point_at_the_place(mini: Path) -> None:
    edit(
        service(mini),
        "unit: godzina\n",
        "unit: godzina\nplace:\n  - name: Klub Seniora\n    lat: 53.5\n  - name: Świetlica\n    strret: Lipowa 1\n",
    )
    assert problems_of(mini) == [
        "services/zlota-raczka.yaml:12: place[0].lon: brak wymaganego pola",
        "services/zlota-raczka.yaml:15: place[1].strret: nieznane pole „strret” (literówka?); "
        "dozwolone pola: city, country, lat, lon, name, postal_code, street",
    ]
