"""Fixtures for the end-to-end tests: the index built once, a real `streamlit run app.py` (started as `make run`
starts it, through dashboard.serve) per module on a free loopback port, one Chromium per session, a fresh browser context per test."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

import streamlit_page

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
HEALTH_TIMEOUT = 60.0
VIEWPORT = {"width": 1400, "height": 1000}


def server_env(**extra: str) -> dict[str, str]:
    """The environment of a server or build: ours without a data or index override, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if k not in ("CORPUSLENS_DATA", "CORPUSLENS_INDEX")}
    env["PYTHONUNBUFFERED"] = "1"
    env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] = "false"
    env.update(extra)
    return env


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_index(env: dict[str, str]) -> None:
    """`python -m corpuslens build` with `env`, as a user would run it; fails the test with its output."""
    result = subprocess.run([sys.executable, "-m", "corpuslens", "build"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"`python -m corpuslens build` failed:\n{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="session")
def built_index() -> None:
    """Build the shipped corpus's index once, so no server start has to."""
    build_index(server_env())


@pytest.fixture(scope="module")
def app_url(built_index, tmp_path_factory):
    """`streamlit run app.py` on the shipped corpus, on a free loopback port; yields the base URL."""
    with serve(tmp_path_factory.mktemp("streamlit"), server_env()) as server:
        yield server


@contextmanager
def serve(logs: Path, env: dict[str, str]):
    """`streamlit run app.py` with `env` on a free loopback port until the block ends; yields an AppServer."""
    port = _free_port()
    out_path, err_path = logs / "stdout.txt", logs / "stderr.txt"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen(
            # As `make run` starts it: `streamlit run app.py` through dashboard.serve.
            [sys.executable, "-m", "dashboard.serve", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=ROOT, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"

    def logs_text() -> str:
        return (f"--- stderr ---\n{err_path.read_text(errors='replace')[-4000:]}\n"
                f"--- stdout ---\n{out_path.read_text(errors='replace')[-2000:]}")

    try:
        deadline = time.monotonic() + HEALTH_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"streamlit exited with code {proc.returncode} before it was healthy\n{logs_text()}")
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit was not healthy at {base}/_stcore/health after {HEALTH_TIMEOUT:.0f} s\n"
                            f"{logs_text()}")
            time.sleep(0.2)
        yield AppServer(base, logs_text)
    finally:
        _stop(proc)


class AppServer(str):
    """The base URL (a str, no trailing slash) that can also show the server's recent logs."""

    def __new__(cls, base: str, logs):
        server = super().__new__(cls, base)
        server.logs = logs
        return server


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session (Debian's package, not Playwright's download)."""
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium package (`make browser` does)"
        if os.environ.get("CI"):
            pytest.fail(message + " — the browser tests cannot be skipped in CI")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def new_page(browser):
    """Open pages in fresh browser contexts (fresh sessions, no shared cookies); all closed afterwards."""
    contexts = []

    def make():
        context = browser.new_context(viewport=dict(VIEWPORT), device_scale_factor=1)
        context.set_default_timeout(30_000)
        streamlit_page.install(context)
        contexts.append(context)
        page = context.new_page()
        page.console_errors = []
        page.on("pageerror", lambda error: page.console_errors.append(str(error)))
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
