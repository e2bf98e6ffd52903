"""Pages rendered on every core (``parallel.py``): forked workers write the same bytes a single
process writes, and a worker's failure is told in Polish, never as a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sitekit import FIXTURES, run_katalog, settings_with_feature

# A site's own feature (``CATALOGUE_EXTRA_FEATURES``) whose head extra, rendered on every page,
# notes which process rendered it and shows nothing; FAULT makes it fail in a forked worker.
PROCESS_LOG_FEATURE = """
import os

from cus_catalogue.feature import Contributions, Feature

LOG, FAULT = {log!r}, {fault!r}


class ProcessMark:
    def __init__(self):
        self.parent = os.getpid()

    def __html__(self):
        if os.getpid() != self.parent and FAULT == "error":
            raise ValueError("szablon nie działa w procesie pomocniczym")
        if os.getpid() != self.parent and FAULT == "exit":
            os._exit(3)
        with open(LOG, "a", encoding="utf-8") as log:
            log.write(f"{{os.getpid()}}\\n")
        return ""

    __str__ = __html__


class ProcessLog(Feature):
    name = "process-log"

    def contribute(self, build):
        return Contributions(head=[ProcessMark()])
"""


def build(tmp_path: Path, name: str, parallel_from: int, fault: str = "") -> tuple:
    """``katalog build`` of the mini catalogue with the process log; (result, output, pids)."""
    site = tmp_path / name
    log = site / "processes.log"
    source = PROCESS_LOG_FEATURE.format(log=str(log), fault=fault)
    extra = f"CATALOGUE_PARALLEL_PAGES_FROM = {parallel_from}\nCATALOGUE_RENDER_PROCESSES = 2\n"
    conf = settings_with_feature(site, "process_log", source, "ProcessLog", extra)
    content = tmp_path / "content"
    if not content.exists():
        shutil.copytree(FIXTURES / "mini", content)
    output = site / "out"
    result = run_katalog("build", str(content), "--settings", str(conf), "--output", str(output))
    pids = set(log.read_text(encoding="utf-8").split()) if log.exists() else set()
    return result, output, pids


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_pages_rendered_on_two_cores_are_the_bytes_one_process_writes(tmp_path: Path) -> None:
    """Above the threshold a forked worker renders part of the pages (its process shows in
    the log); the site is byte for byte the one a single process builds."""
    serial, serial_site, serial_pids = build(tmp_path, "serial", parallel_from=10**6)
    parallel, parallel_site, parallel_pids = build(tmp_path, "parallel", parallel_from=2)
    assert serial.returncode == 0, serial.stdout + serial.stderr
    assert parallel.returncode == 0, parallel.stdout + parallel.stderr
    assert len(serial_pids) == 1
    assert len(parallel_pids) >= 2, "no page was rendered in a worker process"
    expected, written = files(serial_site), files(parallel_site)
    assert sorted(written) == sorted(expected)
    assert [name for name in expected if written[name] != expected[name]] == []
    # The summary counts every page, the workers' too.
    summary = [line for line in serial.stdout.splitlines() if line.startswith("Strony")]
    assert summary and all(line in parallel.stdout for line in summary)


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ("error", "Budowanie strony nie powiodło się: szablon nie działa w procesie pomocniczym"),
        ("exit", "Proces, który tworzył strony, nagle się zatrzymał (kod 3)."),
    ],
)
def test_a_failure_in_a_render_worker_is_told_in_polish_without_a_traceback(
    tmp_path: Path, fault: str, message: str
) -> None:
    """A template error in a worker reads as the same error rendered here; a worker that dies
    is named; the build stops either way."""
    result, _output, _pids = build(tmp_path, "broken", parallel_from=2, fault=fault)
    said = result.stdout + result.stderr
    assert result.returncode == 1, said
    assert message in said
    assert "Traceback" not in said
