"""Headless Chromium driven over the DevTools protocol: open a page, run JavaScript in it, click,
type, and time how long a page takes until it is drawn. Used by the browser-rendered tests of the
interactive HTML (tests/report) and by bench/bench_term_plot.py.

Needs the ``chromium`` binary (scripts/install-test-tools) and ``websocket-client`` (the ``test``
and ``bench`` extras). Nothing here touches the network: the protocol runs on 127.0.0.1 and the
pages are local files.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

__all__ = ["CHROMIUM", "Browser", "BrowserError"]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

#: recorded in every page before its own scripts run: the time (ms since navigation start) at which
#: ``window.__readyTest()`` first holds, checked on every animation frame
_READY_PROBE = """
(() => {
  const tick = () => {
    try { if (window.__readyTest && window.__readyTest()) { window.__readyAt = performance.now(); return; } } catch (e) {}
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
"""


class BrowserError(RuntimeError):
    """Chromium did not start, a page did not load, or a script in it failed."""


class Browser:
    """One headless Chromium with one tab; use as a context manager.

    >>> with Browser() as b:                                  # doctest: +SKIP
    ...     b.open(Path("report.html").resolve().as_uri())
    ...     b.eval("document.title")
    """

    def __init__(self, *, width: int = 1280, height: int = 900, chromium: str | None = None) -> None:
        exe = chromium or CHROMIUM
        if not exe:
            raise BrowserError("headless Chromium is not installed (run scripts/install-test-tools)")
        import websocket  # websocket-client: the test and bench extras

        self._timeout = websocket.WebSocketTimeoutException
        self._tmp = tempfile.TemporaryDirectory(prefix="framing-chromium-")
        profile = Path(self._tmp.name)
        self._proc = subprocess.Popen(
            [
                exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--remote-debugging-port=0", "--remote-allow-origins=*",
                f"--user-data-dir={profile}", f"--window-size={width},{height}", "about:blank",
            ],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not (port_file.exists() and port_file.read_text().strip()):
            if time.monotonic() > deadline or self._proc.poll() is not None:
                self.close()
                raise BrowserError("Chromium did not open its DevTools port within 60 s")
            time.sleep(0.05)
        port = int(port_file.read_text().split()[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=30) as resp:  # the local DevTools endpoint
            targets = json.load(resp)
        page = next(t for t in targets if t.get("type") == "page")
        self._ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=120, suppress_origin=True)
        self._id = 0
        #: console errors and uncaught exceptions of the page, as text
        self.errors: list[str] = []
        self._events: list[dict[str, Any]] = []
        for domain in ("Page", "Runtime"):
            self.send(f"{domain}.enable")
        self.send("Page.addScriptToEvaluateOnNewDocument", source=_READY_PROBE)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        ws = getattr(self, "_ws", None)
        if ws is not None:
            ws.close()
        if self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
        # Chromium's helper processes may still write to the profile for a moment after the
        # browser exits ("Directory not empty: 'Default'"): try again before giving up on it
        for attempt in range(10):
            try:
                self._tmp.cleanup()
                return
            except OSError:
                if attempt == 9:
                    raise
                time.sleep(0.3)

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one DevTools command and return its result (events that arrive meanwhile are kept)."""
        self._id += 1
        mine = self._id
        self._ws.send(json.dumps({"id": mine, "method": method, "params": params}))
        while True:
            msg = json.loads(self._ws.recv())
            if msg.get("id") == mine:
                if "error" in msg:
                    raise BrowserError(f"{method}: {msg['error']}")
                return dict(msg.get("result") or {})
            self._event(msg)

    def _event(self, msg: dict[str, Any]) -> None:
        method = msg.get("method")
        params = msg.get("params") or {}
        if method == "Runtime.exceptionThrown":
            d = params.get("exceptionDetails") or {}
            self.errors.append(str((d.get("exception") or {}).get("description") or d.get("text")))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        self._events.append(msg)

    def open(self, url: str, *, ready: str = "document.readyState === 'complete'", timeout: float = 120) -> float:
        """Load ``url`` and wait until the JavaScript expression ``ready`` holds in it; return the
        milliseconds from the start of navigation until then (measured in the page, on the first
        animation frame at which it holds), or until the load event if that came later."""
        self._events.clear()
        self._ws.settimeout(timeout + 30)  # a busy page answers only when its main thread is free
        try:
            return self._open(url, ready, timeout)
        except self._timeout as exc:
            raise BrowserError(f"{url}: the page did not answer within {timeout + 30:.0f} s (its main thread stayed busy)") from exc

    def _open(self, url: str, ready: str, timeout: float) -> float:
        self.send("Runtime.evaluate", expression=f"window.__readyTest = () => ({ready})")  # about:blank: harmless
        self.send("Page.addScriptToEvaluateOnNewDocument", source=f"window.__readyTest = () => ({ready});")
        self.send("Page.navigate", url=url)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            got = self.eval(
                "(() => { const n = performance.getEntriesByType('navigation')[0];"
                " return (window.__readyAt !== undefined && n && n.loadEventEnd > 0)"
                " ? Math.max(window.__readyAt, n.loadEventEnd) : null; })()"
            )
            if got is not None and self.eval("location.href") != "about:blank":
                return float(got)
            time.sleep(0.05)
        raise BrowserError(f"{url}: not ready within {timeout:.0f} s ({ready})")

    def eval(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (promises awaited)."""
        res = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in res:
            d = res["exceptionDetails"]
            raise BrowserError(f"{expression[:80]}: {(d.get('exception') or {}).get('description') or d.get('text')}")
        return (res.get("result") or {}).get("value")

    def click(self, x: float, y: float) -> None:
        """A real mouse click at viewport coordinates (pressed and released)."""
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def hover(self, x: float, y: float) -> None:
        """Move the mouse to viewport coordinates."""
        self.send("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)

    def click_selector(self, selector: str) -> None:
        """Scroll the first element matching ``selector`` into view and click its centre."""
        box = self.eval(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)}); if (!e) return null;"
            " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
            " return [r.left + r.width / 2, r.top + r.height / 2]; })()"
        )
        if box is None:
            raise BrowserError(f"no element matches {selector}")
        self.click(*box)

    def type_into(self, selector: str, text: str) -> None:
        """Focus the element matching ``selector`` and type ``text`` as key presses."""
        self.click_selector(selector)
        self.send("Input.insertText", text=text)
