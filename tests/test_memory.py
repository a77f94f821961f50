"""Process memory helpers: handing freed memory back, sparing the collector the long-lived heap."""
from __future__ import annotations

import gc

from tasks import memory


def test_freeze_long_lived_freezes_the_heap_once_per_process(monkeypatch):
    monkeypatch.setattr(memory, "_frozen", False)
    try:
        gc.unfreeze()
        memory.freeze_long_lived()
        frozen = gc.get_freeze_count()
        assert frozen > 0
        born_later = [[] for _ in range(100)]  # tracked objects created after the freeze
        memory.freeze_long_lived()
        assert gc.get_freeze_count() == frozen and born_later
    finally:
        gc.unfreeze()  # the test session's heap goes back to the collector


def test_a_batch_freezes_after_its_first_computed_document(monkeypatch):
    from flows import processing
    from tests.test_processing_batches import document

    calls = []
    monkeypatch.setattr(processing, "freeze_long_lived", lambda: calls.append(len(calls)))
    batch = processing.DocumentBatch([document("a.txt", "本报讯 今天天气晴。"), document("b.txt", "第二篇文章。")])
    builder, computed = processing.process_batch.fn(batch, frozenset(), None, {})
    assert computed == 2 and calls  # called (it freezes only the first time)
