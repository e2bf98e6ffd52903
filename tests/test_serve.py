"""`katalog serve`: the preview answers on its port and rebuilds when a record changes."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from records import copy_mini, edit
from sitekit import ROOT, free_port, wait_until_answers


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


#: Each wait holds a whole build: the two-record site took 50 s under `stress-ng` and other suites.
BUILD_DEADLINE_S = 300


def test_preview_serves_the_site_and_rebuilds_on_change(tmp_path: Path) -> None:
    content = copy_mini(tmp_path / "content")
    port = free_port()
    command = [sys.executable, "-m", "katalog", "serve", str(content), "--port", str(port),
               "--output", str(tmp_path / "site")]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_answers(base + "/", timeout=BUILD_DEADLINE_S)
        assert "Złota rączka dla seniora" in fetch(base + "/uslugi/zlota-raczka/")
        # Rebuilds start from the cache the first build left beside the site (issue 17).
        assert (tmp_path / "site.cache" / "reads.json").is_file()
        edit(content / "services" / "zlota-raczka.yaml", "name: Złota rączka dla seniora",
             "name: Pomoc złotej rączki")  # fmt: skip
        deadline = time.monotonic() + BUILD_DEADLINE_S
        while "Pomoc złotej rączki" not in fetch(base + "/uslugi/zlota-raczka/"):
            assert time.monotonic() < deadline, "the preview did not rebuild in time"
            time.sleep(0.2)
    except Exception:
        server.terminate()
        print(server.communicate(timeout=20)[0].decode("utf-8", "replace"))
        raise
    finally:
        server.terminate()
        server.wait(timeout=20)


def sent(response: object) -> tuple[int, bytes]:
    """The Content-Length a response declares and the bytes it sends, as a server would."""
    import anyio

    messages: list[dict] = []

    async def receive() -> dict:
        await anyio.sleep_forever()  # the client stays connected
        return {}

    async def send(message: dict) -> None:
        messages.append(message)

    scope = {"type": "http", "method": "GET", "headers": []}
    # In a thread of its own: Playwright's sync API keeps an event loop running in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(anyio.run, response, scope, receive, send).result()
    headers = dict(messages[0]["headers"])
    body = b"".join(m.get("body", b"") for m in messages[1:])
    return int(headers[b"content-length"]), body


def test_a_rebuild_between_lookup_and_response_never_cuts_the_page_short(tmp_path: Path) -> None:
    """Under load the preview sent the new, shorter page under the old page's length
    (IncompleteRead in test_preview_serves_the_site_and_rebuilds_on_change)."""
    from katalog.preview_files import SwapSafeFiles, swap_in

    output = tmp_path / "site"
    for version, text in enumerate(("Złota rączka dla seniora", "Pomoc")):
        staging = tmp_path / f"build-{version}"
        staging.mkdir()
        (staging / "index.html").write_text(f"<h1>{text}</h1>", encoding="utf-8")
    swap_in(tmp_path / "build-0", output)
    files = SwapSafeFiles(directory=output, html=True, check_dir=False)
    full_path, stat_result = files.lookup_path("index.html")
    swap_in(tmp_path / "build-1", output)  # the rebuild lands while the request is under way
    length, body = sent(files.file_response(full_path, stat_result, {"headers": []}))
    assert (length, body) == (len(body), b"<h1>Pomoc</h1>")


def test_a_request_during_a_rebuild_swap_finds_the_page(tmp_path: Path) -> None:
    """Between the swap's two renames there is no site folder: a request then got a 404."""
    import threading

    from katalog.preview_files import SwapSafeFiles, swap_in

    output = tmp_path / "site"
    output.mkdir()
    (output / "index.html").write_text("<h1>0</h1>", encoding="utf-8")
    files = SwapSafeFiles(directory=output, html=True, check_dir=False)
    missed, done = [], threading.Event()

    def request_all_the_time() -> None:
        while not done.is_set():
            if files.lookup_path("index.html")[1] is None:
                missed.append(1)
            time.sleep(0)  # let the rebuild thread run too

    reader = threading.Thread(target=request_all_the_time)
    reader.start()
    try:
        for version in range(1, 101):
            staging = tmp_path / "site.next"
            staging.mkdir()
            (staging / "index.html").write_text(f"<h1>{version}</h1>", encoding="utf-8")
            swap_in(staging, output)
    finally:
        done.set()
        reader.join()
    assert not missed, f"{len(missed)} lookups found no site folder"
