"""`katalog serve`: the preview answers on its port and rebuilds when a record changes."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from records import copy_mini, edit
from sitekit import ROOT, free_port, wait_until_answers


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def test_preview_serves_the_site_and_rebuilds_on_change(tmp_path: Path) -> None:
    content = copy_mini(tmp_path / "content")
    port = free_port()
    command = [sys.executable, "-m", "katalog", "serve", str(content), "--port", str(port),
               "--output", str(tmp_path / "site")]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_answers(base + "/", timeout=60)
        assert "Złota rączka dla seniora" in fetch(base + "/uslugi/zlota-raczka/")
        edit(content / "services" / "zlota-raczka.yaml", "name: Złota rączka dla seniora",
             "name: Pomoc złotej rączki")  # fmt: skip
        deadline = time.monotonic() + 60
        while "Pomoc złotej rączki" not in fetch(base + "/uslugi/zlota-raczka/"):
            assert time.monotonic() < deadline, "the preview did not rebuild within 60 s"
            time.sleep(0.2)
    except Exception:
        server.terminate()
        print(server.communicate(timeout=20)[0].decode("utf-8", "replace"))
        raise
    finally:
        server.terminate()
        server.wait(timeout=20)
