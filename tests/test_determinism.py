"""Issue 8, determinism and safety: same input, same ids and Parquet content; no escape from the output; no network.

The first build runs with every outbound socket refused (loopback stays open for the Prefect
test API). The second build reads the same files written in the opposite order into another
folder and runs on two Dask worker processes: the flow finds the content fingerprint equal to
LATEST's and publishes nothing ("unchanged"), which is the proof. A third computation outside
Prefect, in shuffled order, gives the fingerprint recorded in manifest.json.
"""
from __future__ import annotations

import ipaddress
import json
import random
import shutil
import socket
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tasks import manifest, publish
from tests.conftest import SEEDS

pytestmark = pytest.mark.integration

EXTRA = {
    "第 2 版/要闻.txt": "推进产业链发展座谈会在天津召开\n本报讯(记者 张清)天津市今天召开新闻发布会，介绍产业链发展情况。\n",
    "gbk page.txt": "北京市启动冬季供暖\n北京市今日起正式进入供暖季，全市供热单位提前完成设备检修。\n",
}


def write_inputs(folder: Path, reverse: bool) -> Path:
    """Two seeds and two small files, created in one order or the other (directory order differs)."""
    files = [(seed.name, seed.read_bytes()) for seed in sorted(SEEDS.glob("*.txt"))[-2:]]
    files += [(name, text.encode("gb18030" if name.startswith("gbk") else "utf-8")) for name, text in EXTRA.items()]
    for name, data in reversed(files) if reverse else files:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


class OutboundBlocked:
    """Refuse socket connections to anything but loopback and Unix sockets; remember who tried."""

    def __init__(self):
        self.attempts: list[object] = []

    def allowed(self, address) -> bool:
        if isinstance(address, (str, bytes)):  # AF_UNIX path
            return True
        host = address[0]
        if host == "localhost":
            return True
        try:
            return ipaddress.ip_address(host.split("%")[0]).is_loopback
        except ValueError:
            return False  # a host name: resolving and reaching it is network access

    def wrap(self, original):
        def connect(sock, address):
            if not self.allowed(address):
                self.attempts.append(address)
                raise ConnectionRefusedError(f"network access blocked in this test: {address}")
            return original(sock, address)
        return connect


@pytest.fixture(scope="module")
def offline_build(prefect_harness, tmp_path_factory):
    from flows.build import build_dataset

    root = tmp_path_factory.mktemp("determinism")
    inputs = write_inputs(root / "inputs_a", reverse=False)
    blocker = OutboundBlocked()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", blocker.wrap(socket.socket.connect))
        patch.setattr(socket.socket, "connect_ex", blocker.wrap(socket.socket.connect_ex))
        summary = build_dataset(str(inputs), str(root / "output"), "news", workers=1, cache_dir=None)
    return root, summary, blocker


def test_flow_runs_with_outbound_network_blocked(offline_build):
    _, summary, blocker = offline_build
    assert summary.status == "published", summary.message
    assert blocker.attempts == []


def test_blocker_refuses_the_outside_world():
    blocker = OutboundBlocked()
    assert blocker.allowed(("127.0.0.1", 4200)) and blocker.allowed(("::1", 4200, 0, 0)) and blocker.allowed("/tmp/s")
    assert not blocker.allowed(("93.184.216.34", 443)) and not blocker.allowed(("example.com", 80))


def test_same_fingerprint_whatever_file_order_and_worker_count(offline_build):
    from flows.build import build_dataset
    from flows.runner import task_runner_for

    root, first, _ = offline_build
    inputs = write_inputs(root / "inputs_b", reverse=True)
    flow = build_dataset.with_options(task_runner=task_runner_for(2))
    # A fresh output folder, so nothing short-cuts the processing; one document per batch so
    # that both worker processes get some.
    summary = flow(str(inputs), str(root / "output_two_workers"), "news", workers=2, cache_dir=None, batch_chars=1)
    assert summary.status == "published", summary.message
    assert summary.documents_computed == summary.documents
    assert _fingerprint(Path(summary.version_path)) == _fingerprint(Path(first.version_path))


def _fingerprint(version_dir: Path) -> str:
    return json.loads((version_dir / "manifest.json").read_text(encoding="utf-8"))["content_fingerprint"]


def test_fingerprint_in_manifest_is_recomputed_from_shuffled_input(offline_build):
    from flows.build import assemble_tables
    from tasks import ingest, pipeline
    from tasks.clean import recurring_lines

    root, first, _ = offline_build
    recorded = json.loads((Path(first.version_path) / manifest.MANIFEST_NAME).read_text(encoding="utf-8"))
    inputs = write_inputs(root / "inputs_c", reverse=True)
    documents = [ingest.read_document(path, inputs) for path in ingest.discover(inputs)]
    random.Random(8).shuffle(documents)
    recurring = recurring_lines(documents)
    results = [pipeline.process_document(doc, recurring) for doc in documents]
    # The flow's own assembly step (with duplicate marking), run as a plain function; no previous version.
    computed = assemble_tables.fn(results, [], "2000.01.01", [])
    assert manifest.content_fingerprint(computed) == recorded["content_fingerprint"]
    published_ids = pq.read_table(Path(first.version_path) / "articles.parquet").column("article_id").to_pylist()
    assert computed["articles"].column("article_id").to_pylist() == published_ids


@pytest.mark.parametrize("name", ["../../x", "..", ".", "a/b", "/etc", "x/../../y", "", ".hidden", "a\\b", "a" * 65])
def test_dataset_names_cannot_escape_the_output_folder(tmp_path, name):
    with pytest.raises(ValueError):
        publish.dataset_path(tmp_path, name)


@pytest.mark.parametrize("version", ["../2026.11.21", "2026.11.21/..", "latest", ""])
def test_version_names_cannot_escape_the_dataset_folder(version):
    with pytest.raises(ValueError):
        publish.version_key(version)


def test_cli_refuses_dataset_escaping_the_output(tmp_path):
    from click.testing import CliRunner

    from zhpress.cli import main

    inputs, output = tmp_path / "deep" / "inputs", tmp_path / "deep" / "output"
    inputs.mkdir(parents=True)
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], inputs)
    result = CliRunner().invoke(main, ["build", "--input", str(inputs), "--output", str(output), "--dataset", "../../x"])
    assert result.exit_code == 3
    assert "invalid dataset name" in result.output
    assert not (tmp_path / "x").exists() and not (output / "x").exists()
