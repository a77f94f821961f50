"""Incremental builds: a rerun reprocesses only the changed document; an unchanged rerun publishes nothing."""
from __future__ import annotations

import shutil

import pytest

from tests.conftest import SEEDS

pytestmark = pytest.mark.integration

THREE = ("000_4ffe195f91a4720f.txt", "003_0d6ab5d3193fcff8.txt", "004_9b1eaf1a9202b4cc.txt")


def test_only_the_changed_document_is_reprocessed(prefect_harness, tmp_path):
    from flows.build import build_dataset

    inputs, output, cache_dir = tmp_path / "in", tmp_path / "out", tmp_path / "cache"
    inputs.mkdir()
    for name in THREE:
        shutil.copy(SEEDS / name, inputs / name)

    def run():
        return build_dataset(str(inputs), str(output), "news", cache_dir=str(cache_dir))

    first = run()
    assert first.status == "published", first.message
    assert first.documents == first.documents_computed == 3

    unchanged = run()
    assert unchanged.status == "unchanged"
    assert unchanged.documents_computed == 0

    changed = inputs / THREE[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n本报讯 今天上午，市里召开了一次新的工作会议。\n",
                       encoding="utf-8")
    second = run()
    assert second.documents_computed == 1
    assert second.status == "published", second.message
    assert second.version_path != first.version_path
