"""Batches of documents handed to process-batch tasks: sized for the workers, cheap to submit."""
from __future__ import annotations

from dask.base import tokenize
from prefect.utilities.collections import visit_collection

from flows.processing import DocumentBatch, batches_of
from tasks.records import SourceDocument


def document(name: str, text: str, sha: str = "0" * 64) -> SourceDocument:
    return SourceDocument(name, sha, len(text.encode()), "utf-8", "text/plain", tuple(text.splitlines()))


def test_batch_is_a_leaf_to_prefect_argument_walks():
    """Prefect looks for futures in task arguments: it must not walk every line of every document."""
    batch = DocumentBatch([document("a.txt", "一行\n二行"), document("b.txt", "三行")])
    visited = []
    visit_collection(batch, lambda item: visited.append(item) or item, return_data=False)
    assert visited == [batch]
    # a bare list of the same documents is walked down to the strings of their lines
    visited.clear()
    visit_collection(batch.documents, lambda item: visited.append(item) or item, return_data=False)
    assert "一行" in visited


def test_batch_token_follows_names_and_content_hashes():
    first = DocumentBatch([document("a.txt", "一行", "1" * 64)])
    assert tokenize(first) == tokenize(DocumentBatch([document("a.txt", "一行", "1" * 64)]))
    assert tokenize(first) != tokenize(DocumentBatch([document("a.txt", "一行", "2" * 64)]))
    assert tokenize(first) != tokenize(DocumentBatch([document("b.txt", "一行", "1" * 64)]))


def test_batches_keep_every_document_in_order_and_feed_every_worker():
    documents = [document(f"{i:03d}.txt", "字" * 30_000) for i in range(40)]
    batches = batches_of(documents, workers=2)
    assert [doc for batch in batches for doc in batch] == documents
    assert len(batches) >= 2 * 2
