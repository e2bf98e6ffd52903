"""The thesaurus the webmaster edits: valid as a table, valid as groups, and applied."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from frictionless import Resource, Schema
from sitekit import run_katalog, run_pelican

from cus_catalogue.search.analyzer import analyze
from cus_catalogue.search.thesaurus import ThesaurusError, expand, load_thesaurus

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def synonyms_schema() -> Schema:
    """The Table Schema declared for synonyms.csv in data/datapackage.json."""
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    (resource,) = [r for r in package["resources"] if r["name"] == "synonyms"]
    assert resource["path"] == "synonyms.csv"
    return Schema.from_descriptor(resource["schema"])


def validate_csv(path: Path):
    return Resource(path=path.name, basepath=str(path.parent), schema=synonyms_schema()).validate()


def test_synonyms_csv_matches_its_table_schema():
    report = validate_csv(DATA / "synonyms.csv")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_the_issue_examples_are_in_the_thesaurus():
    groups = {
        term: group.id for group in load_thesaurus(DATA / "synonyms.csv") for term in group.terms
    }
    for a, b in [
        ("złota rączka", "konserwator"),
        ("złota rączka", "drobne naprawy"),
        ("prawnik", "porada prawna"),
        ("emeryt", "senior"),
        ("OzN", "osoby z niepełnosprawnościami"),
        ("DDA", "dorosłe dzieci alkoholików"),
    ]:
        assert groups[a] == groups[b], (a, b)


@pytest.mark.parametrize(
    ("rows", "fragment"),
    [
        ("zla id,a; b,\n", "zla id"),
        ("a,jedno,\n", "co najmniej dwa"),
        ("a,senior; senior,\n", "powtarza"),
        ("a,dla; senior,\n", "nie zawiera"),
        ("a,senior; emeryt,\nb,emeryt; rencista,\n", "połącz"),
        ("a,x; y,\na,z; w,\n", "już użyty"),
    ],
)
def test_invalid_groups_are_reported_in_polish_with_the_line(tmp_path, rows, fragment):
    path = tmp_path / "synonyms.csv"
    path.write_text("id,terms,note\n" + rows, encoding="utf-8")
    with pytest.raises(ThesaurusError) as caught:
        load_thesaurus(path)
    message = str(caught.value)
    assert fragment in message
    assert f"{path}:" in message


def test_schema_rejects_a_single_term_too(tmp_path):
    path = tmp_path / "synonyms.csv"
    path.write_text("id,terms,note\nok,a; b,\nbad,tylko jedno,\n", encoding="utf-8")
    report = validate_csv(path)
    assert not report.valid
    assert [e[0] for e in report.flatten(["rowNumber"])] == [3]


def test_expansion_matches_inflected_phrases_and_adds_the_other_members():
    groups = load_thesaurus(DATA / "synonyms.csv")
    added = expand(["Udzielamy porad prawnych osobom starszym"], groups)
    assert "prawnik" in added and "adwokat" in added
    assert "emeryt" in added
    assert "porada prawna" not in added  # already present (inflected)


def test_phrases_must_be_consecutive():
    groups = load_thesaurus(DATA / "synonyms.csv")
    assert "konserwator" not in expand(["złota biżuteria i rączka od drzwi"], groups)


def test_expansion_terms_are_searchable():
    for group in load_thesaurus(DATA / "synonyms.csv"):
        for term in group.terms:
            assert analyze(term), term


def test_a_broken_thesaurus_fails_validate_and_the_build_alike(tmp_path):
    """Issue 11: every feature's check reaches `katalog validate`, with file, line and field."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "synonyms.csv").write_text("id,terms,note\nx,,\n", encoding="utf-8")
    settings = tmp_path / "conf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"CATALOGUE_DATA_PATH = {str(data)!r}\n",
        encoding="utf-8",
    )
    validate = run_katalog(
        "validate", str(ROOT / "tests/fixtures/mini"), "--settings", str(settings)
    )
    assert validate.returncode == 1
    expected = f"{data / 'synonyms.csv'}:2: terms: grupa musi zawierać co najmniej dwa"
    assert expected in validate.stdout + validate.stderr
    build = run_pelican(ROOT / "tests/fixtures/mini", tmp_path / "out", settings)
    assert build.returncode == 1
    assert expected in build.stdout + build.stderr
    assert "Traceback" not in build.stdout + build.stderr
