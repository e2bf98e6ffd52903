"""Issue 10 item 9: every active service tells a resident how to start using it."""

from __future__ import annotations

from pathlib import Path

from records import DATA, TODAY, checked, edit
from sitekit import EXAMPLE_CONTENT, run_katalog

from cus_catalogue.catalogue import load_catalogue


def test_active_service_without_how_to_apply_or_online_form_is_a_warning(mini: Path) -> None:
    """Defect: 15 services said nothing about how to start and `validate` kept quiet."""
    service = mini / "services" / "zlota-raczka.yaml"
    edit(service, "apply_online: true\n", "apply_online: false\n")
    result = run_katalog("validate", str(mini))
    assert result.returncode == 0, result.stderr  # a warning, not an error
    assert (
        f"{service}:27: ostrzeżenie: how_to_apply: usługa działa, ale nie mówi, jak z niej "
        "skorzystać: opisz to w polu how_to_apply albo ustaw apply_online: true"
    ) in result.stdout
    assert "Traceback" not in result.stderr + result.stdout


def test_without_apply_online_the_warning_points_at_the_start_of_the_record(mini: Path) -> None:
    # Line 1 is the schema comment; the record's first field is on line 2.
    edit(mini / "services" / "zlota-raczka.yaml", "apply_online: true\n", "")
    warnings = checked(mini).warnings
    assert [(p.code, p.line, p.field) for p in warnings] == [("no-way-to-start", 2, "how_to_apply")]


def test_how_to_apply_or_the_online_form_is_enough_and_only_active_services_are_checked(
    mini: Path,
) -> None:
    service = mini / "services" / "zlota-raczka.yaml"
    assert checked(mini).warnings == []  # apply_online: true
    edit(service, "apply_online: true\n", "how_to_apply: Zadzwoń do fundacji.\n")
    assert checked(mini).warnings == []
    # porada-prawna is suspended: nobody can start it, so it needs no instructions now.
    text = (mini / "services" / "porada-prawna.yaml").read_text(encoding="utf-8")
    assert "how_to_apply" not in text and "apply_online" not in text


def test_every_active_example_service_says_how_to_start() -> None:
    """Defect: the crisis intervention point and ten other active services said nothing."""
    catalogue = load_catalogue(EXAMPLE_CONTENT, DATA, today=TODAY)
    silent = sorted(
        service_id
        for service_id, record in catalogue.services.items()
        if record.status == "active" and not record.data.get("how_to_apply")
    )
    assert silent == []
    assert [p.format() for p in catalogue.warnings] == []
