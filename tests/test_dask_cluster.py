"""The flow on a real Dask cluster: a scheduler and two workers as separate processes on loopback."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.conftest import PROJECT_ROOT, SEEDS

pytestmark = pytest.mark.integration

START_TIMEOUT_S = 60


def _spawn(args: list[str], folder: Path, name: str) -> subprocess.Popen:
    log = (folder / f"{name}.log").open("wb")
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    return subprocess.Popen([sys.executable, "-m", *args], stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, cwd=folder, env=env)


def _scheduler_address(scheduler_file: Path, process: subprocess.Popen) -> str:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the Dask scheduler exited at start")
        try:
            return json.loads(scheduler_file.read_text())["address"]
        except (OSError, ValueError, KeyError):
            time.sleep(0.2)
    raise TimeoutError("the Dask scheduler did not write its scheduler file")


@pytest.fixture(scope="module")
def dask_address(tmp_path_factory):
    """tcp://127.0.0.1:PORT of a scheduler with two single-threaded worker processes; all stopped after."""
    from distributed import Client

    folder = tmp_path_factory.mktemp("dask")
    scheduler_file = folder / "scheduler.json"
    processes = [_spawn(["distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                         "--scheduler-file", str(scheduler_file)], folder, "scheduler")]
    try:
        address = _scheduler_address(scheduler_file, processes[0])
        for i in range(2):
            processes.append(_spawn(["distributed.cli.dask_worker", address, "--host", "127.0.0.1", "--nthreads", "1",
                                     "--no-dashboard", "--no-nanny", "--name", f"worker-{i}",
                                     "--local-directory", str(folder / f"worker-{i}")], folder, f"worker-{i}"))
        with Client(address, timeout=START_TIMEOUT_S) as client:
            client.wait_for_workers(2, timeout=START_TIMEOUT_S)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def _articles(version_path: str) -> set[tuple[str, str]]:
    table = pq.read_table(Path(version_path) / "articles.parquet", columns=["article_id", "text"])
    return set(zip(table.column("article_id").to_pylist(), table.column("text").to_pylist()))


def test_flow_on_a_dask_cluster_gives_exactly_the_articles_of_a_local_run(prefect_harness, dask_address, tmp_path):
    from flows.build import build_dataset
    from flows.runner import task_runner_for

    local = build_dataset.with_options(task_runner=task_runner_for(1))(str(SEEDS), str(tmp_path / "local"), workers=1)
    remote_flow = build_dataset.with_options(task_runner=task_runner_for(2, dask_address))
    # Small batches so that both workers get some.
    remote = remote_flow(str(SEEDS), str(tmp_path / "dask"), workers=2, batch_chars=5_000)
    assert local.status == remote.status == "published", (local.message, remote.message)
    assert remote.documents_computed == remote.documents == local.documents
    assert _articles(remote.version_path) == _articles(local.version_path)
    local_manifest = json.loads((Path(local.version_path) / "manifest.json").read_text())
    remote_manifest = json.loads((Path(remote.version_path) / "manifest.json").read_text())
    assert remote_manifest["content_fingerprint"] == local_manifest["content_fingerprint"]
