"""A local Prefect server that zhpress starts once and reuses, so repeated runs start fast.

Without PREFECT_API_URL, Prefect starts a temporary server in every process (12-25 s).
zhpress instead starts `prefect server start` once, in the background, records its URL
in ZHPRESS_HOME/prefect-server.json and reuses it on later runs. Users with their own
server set PREFECT_API_URL; ZHPRESS_PREFECT_SERVER=ephemeral keeps Prefect's default.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

SERVER_START_TIMEOUT_S = 90


def zhpress_home() -> Path:
    return Path(os.environ.get("ZHPRESS_HOME", Path.home() / ".zhpress"))


def _healthy(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_prefect_api() -> str | None:
    """Point Prefect at a running server (the user's, or zhpress's own, started if needed).

    Returns the API URL in use, or None when Prefect's temporary server will be used.
    Call before Prefect is imported: its settings are read at import.
    """
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    if os.environ.get("ZHPRESS_PREFECT_SERVER") == "ephemeral":
        return None
    state_file = zhpress_home() / "prefect-server.json"
    if state_file.exists():
        try:
            api_url = json.loads(state_file.read_text())["api_url"]
        except (ValueError, KeyError, OSError):
            api_url = None
        if api_url and _healthy(api_url):
            os.environ["PREFECT_API_URL"] = api_url
            return api_url
    api_url = _start_server(state_file)
    if api_url:
        os.environ["PREFECT_API_URL"] = api_url
    return api_url


def _start_server(state_file: Path) -> str | None:
    port = _free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    state_file.parent.mkdir(parents=True, exist_ok=True)
    log = (state_file.parent / "prefect-server.log").open("ab")
    print(f"zhpress: starting a local Prefect server on port {port} (reused by later runs)", file=sys.stderr)
    process = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # outlives this run, on purpose
        env={k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"},
    )
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if _healthy(api_url):
            state_file.write_text(json.dumps({"api_url": api_url, "pid": process.pid}))
            return api_url
        if process.poll() is not None:
            break
        time.sleep(0.5)
    print("zhpress: the local Prefect server did not start; using a temporary one", file=sys.stderr)
    return None
