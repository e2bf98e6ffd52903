"""check-changes covers the centre's own records and the documents of services: packages and
announcements are changed by the centre's editors only, a document by the maintainers of the
provider whose service links it."""

from __future__ import annotations

from pathlib import Path

import pytest
import test_ownership_check
from documentkit import pdf_bytes
from test_ownership_check import allowed, commit, edit, git, refused

repo = test_ownership_check.repo  # the same repository fixture: mini catalogue, two providers

SERVICE = "content/services/zlota-raczka.yaml"
DOCUMENT = "content/documents/zlota-raczka/regulamin.pdf"
PACKAGE = "content/packages/dla-seniora.yaml"
PACKAGE_TEXT = """name: Dla seniora
summary: Usługi dla seniorów, którzy mieszkają samotnie i chcą zostać w domu.
description: Złota rączka i pomoc prawna.
audiences: [seniorzy]
services: [zlota-raczka]
last_verified: "2026-11-02"
"""


def add_document(repo: Path, relative: str = DOCUMENT, title: str = "Regulamin") -> None:
    path = repo / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pdf_bytes(["Regulamin usługi"], title))


def link_document(repo: Path, service: str = SERVICE) -> None:
    documents = (
        "documents:\n  - title: Regulamin\n    file: zlota-raczka/regulamin.pdf\n"
        "    kind: regulamin\nlast_verified:"
    )
    edit(repo, service, "last_verified:", documents)


def test_a_maintainer_may_add_a_document_linked_from_their_service(repo, capsys):
    add_document(repo)
    link_document(repo)
    commit(repo, "Rules of the handyman service")
    output = allowed(repo, "pomocna-dlon", capsys)
    assert "pomocna-dlon ma prawo zmieniać wszystkie 2 zmienione pliki." in output


def test_a_document_of_another_providers_service_is_refused(repo, capsys):
    add_document(repo)
    link_document(repo)
    commit(repo, "Rules of the handyman service")
    git(repo, "checkout", "--quiet", "main")
    git(repo, "merge", "--quiet", "change")  # the document and its link are on the base now
    git(repo, "checkout", "--quiet", "-b", "later")
    add_document(repo, title="Regulamin, nowa wersja")
    commit(repo, "Replace the rules")
    output = refused(repo, "inne-stowarzyszenie", capsys)
    assert (
        f"{DOCUMENT}: inne-stowarzyszenie nie jest redaktorem rekordów realizatora "
        "„fundacja-pomocna-dlon”"
    ) in output
    allowed(repo, "pomocna-dlon", capsys)


def test_a_document_no_service_links_is_for_the_editors(repo, capsys):
    add_document(repo)
    commit(repo, "A file without a service")
    output = refused(repo, "pomocna-dlon", capsys)
    assert f"{DOCUMENT}: żadna usługa nie wskazuje tego dokumentu" in output
    allowed(repo, "redakcja-cus", capsys)


@pytest.mark.parametrize(
    ("path", "text"),
    [
        (PACKAGE, PACKAGE_TEXT),
        (
            "content/news/2026-11-02-spotkanie.yaml",
            'title: Spotkanie\ndate: "2026-11-02"\nbody: Zapraszamy na spotkanie w centrum.\n',
        ),
    ],
    ids=["package", "announcement"],
)
def test_packages_and_announcements_are_changed_by_the_centres_editors_only(
    repo, capsys, path, text
):
    target = repo / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    commit(repo, "The centre's record")
    output = refused(repo, "pomocna-dlon", capsys)
    assert f"{path}: pakiety i ogłoszenia należą do centrum: zmienia je tylko redakcja" in output
    allowed(repo, "redakcja-cus", capsys)
