"""Cumulative layout shift of a page in Chromium, as web-vitals counts it (shared by the layout
test and benchmarks/layout_shift.py).

An init script records every ``layout-shift`` entry from the first paint on; ``cls()`` sums
them in session windows (gaps under 1 s, windows under 5 s) and returns the largest window,
leaving out shifts within 500 ms of user input. ``ScriptsAfterFirstPaint`` holds every
script until the browser has painted the server-rendered page, as a slow phone does: whatever
a script then moves is counted, whatever the timing of the machine.
"""

from __future__ import annotations

from typing import Any

RECORDER = """
window.__layoutShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    window.__layoutShifts.push({
      value: entry.value, time: entry.startTime, input: entry.hadRecentInput,
      sources: (entry.sources || []).map((s) => s.node && s.node.nodeType === 1
        ? s.node.tagName.toLowerCase() + (s.node.className ? '.' + String(s.node.className)
          .trim().split(/\\s+/).join('.') : '') : '#text'),
    });
  }
}).observe({type: 'layout-shift', buffered: true});
"""

# After two animation frames every shift of the current layout has been reported.
COLLECT = """() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(
  () => resolve(window.__layoutShifts || []))))"""

# Lighthouse's "slow 4G" (mobile) and its desktop profile: round trip, bytes per second.
NETWORKS = {
    "mobile": {"latency": 150, "downloadThroughput": 1_638_400 // 8, "uploadThroughput": 96_000},
    "desktop": {"latency": 40, "downloadThroughput": 10_240_000 // 8, "uploadThroughput": 640_000},
}


def record(context: Any) -> None:
    """Record layout shifts in every page of the context from its first paint."""
    context.add_init_script(RECORDER)


class ScriptsAfterFirstPaint:
    """A page whose script files wait until the browser has painted the server's HTML."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.held: list[Any] = []
        self.painted = False
        page.route(lambda url: url.split("?")[0].endswith((".js", ".mjs")), self._hold)

    def _hold(self, route: Any) -> None:
        if self.painted:
            route.continue_()
        else:
            self.held.append(route)

    def goto(self, url: str) -> None:
        """Open ``url``, hold its scripts until the first paint, then let them run."""
        self.painted = False
        self.page.goto(url, wait_until="commit")
        self.page.wait_for_function("performance.getEntriesByType('paint').length > 0")
        self.painted = True
        while self.held:
            self.held.pop(0).continue_()
        self.page.wait_for_load_state("load")


def throttle(page: Any, network: str = "mobile", cpu: float = 1) -> None:
    """A slower network (and CPU) for this page, through the DevTools protocol."""
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", {"offline": False, **NETWORKS[network]})
    if cpu > 1:
        session.send("Emulation.setCPUThrottlingRate", {"rate": cpu})


def shifts(page: Any) -> list[dict[str, Any]]:
    """Every layout shift of the page so far (value, time, input, sources)."""
    return page.evaluate(COLLECT)


def cls(entries: list[dict[str, Any]]) -> float:
    """The largest session window of shifts not caused by input (the CLS of web-vitals)."""
    best = current = 0.0
    first = last = None
    for entry in sorted(entries, key=lambda e: e["time"]):
        if entry["input"]:
            continue
        time = entry["time"]
        if first is None or time - last >= 1000 or time - first >= 5000:
            first, current = time, 0.0
        current += entry["value"]
        last = time
        best = max(best, current)
    return best


def culprits(entries: list[dict[str, Any]]) -> list[str]:
    """What moved, biggest shift first: for a failure message or the benchmark's notes."""
    ranked = sorted((e for e in entries if not e["input"]), key=lambda e: -e["value"])
    return [f"{e['value']:.3f} at {e['time']:.0f} ms: {', '.join(e['sources'])}" for e in ranked]
