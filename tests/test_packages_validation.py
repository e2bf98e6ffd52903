"""`katalog validate` reports every bad package, document, announcement and row of needs.csv
at its file, line and field, in Polish; problems that do not stop a build are warnings."""

from __future__ import annotations

import shutil

import pytest
from documentkit import pdf_bytes
from sitekit import FIXTURES, ROOT, TEST_TODAY, run_katalog

DOCUMENTS = """documents:
  - title: Regulamin
    file: regulamin.pdf
    kind: regulamin
  - title: Nie ma pliku
    file: nie-ma.pdf
    kind: informacja
  - title: Skan
    file: skan.pdf
    kind: regulamin
  - title: Bez tytułu
    file: bez-tytulu.pdf
    kind: informacja
  - title: Program
    file: program.exe
    kind: informacja
  - title: Udaje Worda
    file: udaje.docx
    kind: wniosek
  - title: Za duży
    file: duzy.pdf
    kind: regulamin
last_verified:"""
RECORDS = {
    "packages/bledny.yaml": """name: Pakiet z błędami
summary: Pakiet, który wskazuje usługę i grupę, których nie ma.
description: Opis pakietu z błędami.
audiences: [seniorzy, marsjanie]
services: [zlota-raczka, nie-ma-takiej]
last_verified: "2026-11-02"
""",
    "packages/pusty.yaml": """name: Pusty pakiet
summary: Pakiet, w którym nie ma żadnej usługi.
description: Opis pustego pakietu.
audiences: [seniorzy]
services: []
last_verified: "2026-11-02"
""",
    "packages/nieczynny.yaml": """name: Nieczynny pakiet
summary: Pakiet, w którym żadna usługa teraz nie działa.
description: Opis pakietu z usługą zawieszoną.
audiences: [seniorzy]
services: [porada-prawna]
last_verified: "2026-11-02"
""",
    "news/2026-11-10-zla-data.yaml": """title: Data w nazwie pliku jest inna
date: "2026-11-11"
body: Treść ogłoszenia z inną datą.
""",
    "news/2026-11-01-konsultacje.yaml": """title: Konsultacje bez ostatniego dnia
date: "2026-11-01"
kind: consultation
body: Treść konsultacji bez ostatniego dnia.
form: /nie-ma-takiego-formularza/
""",
    "news/2026-11-02-terminy.yaml": """title: Terminy w złej kolejności
date: "2026-11-02"
body: Treść ogłoszenia z terminami w złej kolejności.
deadline: "2026-10-01"
event:
  start: "2026-12-03T18:00"
  end: "2026-12-03T16:00"
""",
    "news/2026-11-03-nieprawdziwa.yaml": """title: Nieprawdziwa data
date: "2026-11-03"
body: Treść ogłoszenia z datą, której nie ma w kalendarzu.
deadline: "2026-02-30"
""",
    "needs.csv": """id,name,description,audience,people,area,updated_on
asystent,Asystent osobisty,"Pomoc w wyjściu z domu, kilka godzin w tygodniu.",marsjanie,3,,2026-11-10
opieka,Opieka w weekendy,Opiekun w sobotę i niedzielę dla opiekunów.,opiekunowie,0,,2026-11-10
opieka,Opieka w niedziele,Opiekun w niedzielę dla opiekunów.,opiekunowie,dwa,,2026-13-10
krotki,Ok,Krótko.,seniorzy,2,,2026-11-10
Zle Id,Pomoc w domu,Pomoc w domu dla seniorów.,seniorzy,2,,2026-11-10
pusty,Pusty opis,,seniorzy,2,,2026-11-10
""",
}


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> str:
    """`katalog validate` of the mini catalogue with every kind of mistake added."""
    content = tmp_path_factory.mktemp("bad") / "content"
    shutil.copytree(FIXTURES / "mini", content)
    for relative, text in RECORDS.items():
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        (content / relative).write_text(text, encoding="utf-8")
    service = content / "services" / "zlota-raczka.yaml"
    service.write_text(
        service.read_text(encoding="utf-8").replace("last_verified:", DOCUMENTS), encoding="utf-8"
    )
    documents = content / "documents"
    documents.mkdir()
    (documents / "regulamin.pdf").write_bytes(pdf_bytes(["Regulamin usługi"], "Regulamin"))
    (documents / "skan.pdf").write_bytes(pdf_bytes(["Regulamin"], "Skan", text_layer=False))
    (documents / "bez-tytulu.pdf").write_bytes(pdf_bytes(["Informacja o usłudze"]))
    (documents / "program.exe").write_bytes(b"MZ")
    (documents / "udaje.docx").write_bytes(b"%PDF-1.4 not a Word file")
    (documents / "duzy.pdf").write_bytes(pdf_bytes(["Regulamin"] * 40, "Duży") + b"\n" * 3000)
    (documents / "osierocony.pdf").write_bytes(pdf_bytes(["Nikt mnie nie wskazuje"], "Sierota"))
    settings = content.parent / "settings.py"
    settings.write_text(
        "import runpy\n"
        f"globals().update(runpy.run_path({str(ROOT / 'pelicanconf.py')!r}))\n"
        "CATALOGUE_DOCUMENT_MAX_KB = 2\n"
        f'CATALOGUE_TODAY = "{TEST_TODAY}"\n',
        encoding="utf-8",
    )
    result = run_katalog("validate", str(content), "--settings", str(settings))
    assert result.returncode == 1
    return (result.stdout + result.stderr).replace(str(content) + "/", "")


@pytest.mark.parametrize(
    "line",
    [
        "packages/bledny.yaml:4: audiences[1]: „marsjanie” nie jest identyfikatorem grupy",
        "packages/bledny.yaml:5: services[1]: nie ma usługi „nie-ma-takiej” (nie ma pliku "
        "services/nie-ma-takiej.yaml)",
        "packages/pusty.yaml:5: services: musi zawierać co najmniej 1 pozycję",
        "packages/nieczynny.yaml:5: ostrzeżenie: services: żadna usługa pakietu teraz nie działa",
        "services/zlota-raczka.yaml:33: documents[1].file: nie ma pliku documents/nie-ma.pdf",
        "services/zlota-raczka.yaml:36: ostrzeżenie: documents[2].file: „skan.pdf” nie ma "
        "warstwy tekstowej (to skan?)",
        "services/zlota-raczka.yaml:39: ostrzeżenie: documents[3].file: „bez-tytulu.pdf” nie ma "
        "tytułu we właściwościach pliku",
        "services/zlota-raczka.yaml:42: documents[4].file: „program.exe” ma niedozwolony format; "
        "dozwolone: PDF, DOCX, ODT",
        "services/zlota-raczka.yaml:45: documents[5].file: „udaje.docx” nie jest prawdziwym "
        "plikiem DOCX",
        "services/zlota-raczka.yaml:48: documents[6].file: „duzy.pdf” ma 5 KB, a wolno najwyżej "
        "2 KB",
        "documents/osierocony.pdf:1: ostrzeżenie: żadna usługa nie wskazuje tego pliku",
        "news/2026-11-10-zla-data.yaml:2: date: nazwa pliku musi zaczynać się datą ogłoszenia: "
        "2026-11-11-",
        "news/2026-11-01-konsultacje.yaml:3: kind: konsultacje muszą mieć ostatni dzień",
        "news/2026-11-01-konsultacje.yaml:5: form: „/nie-ma-takiego-formularza/” nie jest "
        "formularzem katalogu",
        "news/2026-11-02-terminy.yaml:4: deadline: ostatni dzień 2026-10-01 jest przed datą "
        "ogłoszenia 2026-11-02",
        "news/2026-11-02-terminy.yaml:7: event.end: spotkanie kończy się (2026-12-03T16:00) "
        "wcześniej, niż się zaczyna (2026-12-03T18:00)",
        "news/2026-11-03-nieprawdziwa.yaml:4: deadline: „2026-02-30” nie jest prawdziwą datą",
        "needs.csv:2: audience: „marsjanie” nie jest identyfikatorem z data/audiences.csv",
        # Frictionless's own notes are English; the clerk reads what to fix, in Polish.
        "needs.csv:3: people: musi wynosić co najmniej 1",
        "needs.csv:4: people: musi być liczbą całkowitą",
        "needs.csv:4: updated_on: „2026-13-10” nie jest prawdziwą datą (RRRR-MM-DD)",
        "needs.csv:4: id: „opieka” jest już w wierszu 3: każdy wiersz musi mieć inny",
        "needs.csv:5: name: jest za krótkie (co najmniej 3 znaki)",
        "needs.csv:5: description: jest za krótkie (co najmniej 10 znaków)",
        "needs.csv:6: id: „Zle Id” ma zły format: tylko małe litery a–z (bez polskich liter), "
        "cyfry i łączniki (-)",
        "needs.csv:7: description: puste pole: wpisz wartość",
    ],
)
def test_every_mistake_is_reported_at_its_file_line_and_field(output, line):
    assert line in output, output


def test_no_english_note_of_the_table_checker_reaches_the_clerk(output):
    """Defect: needs.csv and capacity.csv problems ended in Frictionless's English notes
    ("The cell "0" in row at position "3" ... does not conform to a constraint")."""
    table_lines = [line for line in output.splitlines() if line.startswith("needs.csv:")]
    assert len(table_lines) == 9, output
    for english in ("cell", "row at position", "constraint", "Type error", "primary key"):
        assert english not in output


def test_only_files_no_service_links_are_called_unlinked(output):
    """A linked file with its own error is not also reported as linked by nobody."""
    unlinked = [line for line in output.splitlines() if "żadna usługa nie wskazuje" in line]
    assert unlinked == [line for line in unlinked if line.startswith("documents/osierocony.pdf:")]
    assert len(unlinked) == 1


def test_a_good_document_raises_nothing(output):
    assert "regulamin.pdf" not in output
    assert "Traceback" not in output
