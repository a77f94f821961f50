"""Running the per-document steps in batches, on whatever task runner the flow was given."""
from __future__ import annotations

import time
from pathlib import Path

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext

from tasks import cache, tables
from tasks.memory import freeze_long_lived
from tasks.records import SourceDocument

# A batch holds at least this many characters (about 0.2 s of jieba), and each
# worker gets a few batches so a slow one does not leave the others idle,
MIN_BATCH_CHARS = 50_000
BATCHES_PER_WORKER = 4
# and at most this many (about 3 s of jieba): a batch's Python rows are alive until it is converted
# to Arrow, so a cap keeps peak memory flat as the corpus grows.
MAX_BATCH_CHARS = 1_000_000


class DocumentBatch:
    """The documents of one process-batch task, opaque to Prefect and Dask.

    Prefect walks the lists and dataclasses in a task's arguments looking for futures (twice per
    submit with prefect-dask) and Dask tokenizes them for a key: over a batch's lines that cost the
    flow's process about 0.8 s per batch, taken from the workers' cores. A plain object is a leaf
    to both, and its token is the documents' names and content hashes.
    """

    __slots__ = ("documents",)

    def __init__(self, documents: list[SourceDocument]):
        self.documents = documents

    def __dask_tokenize__(self) -> tuple:
        return tuple((doc.source_file, doc.sha256) for doc in self.documents)


@task(name="process-batch", cache_policy=NO_CACHE)
def process_batch(
    batch: DocumentBatch, recurring: frozenset[str], cache_dir: str | None, component_versions: dict
) -> tuple[tables.TableBuilder, int]:
    """A batch of documents as Arrow rows (from the cache where the key matches); also how many were computed.

    Rows are converted here, in the worker: Arrow buffers travel back far cheaper than Python rows,
    and the conversion and duplicate sketching run in parallel instead of in the flow's process.
    """
    from tasks import pipeline  # here: jieba and the step modules load in workers, not in a rerun with nothing to do

    results, computed = [], 0
    for doc in batch.documents:
        key = cache.document_key(doc, recurring, component_versions)
        result = cache.load(Path(cache_dir), key) if cache_dir else None
        if result is None:
            result = pipeline.process_document(doc, recurring)
            computed += 1
            freeze_long_lived()  # the dictionaries and lexicons are loaded now: the collector may skip them
            if cache_dir:
                cache.store(Path(cache_dir), key, result)
        results.append(result)
    return tables.TableBuilder().add(results), computed


def start_workers() -> None:
    """Start the flow's worker processes now, not at the first batch (a local Dask cluster starts on
    first use): the flow's own work meanwhile (finding recurring lines) overlaps their start-up."""
    context = FlowRunContext.get()
    if context is not None and context.task_runner is not None:
        getattr(context.task_runner, "client", None)  # DaskTaskRunner's client property starts the cluster


def batches_of(
    documents: list[SourceDocument], workers: int, min_chars: int = MIN_BATCH_CHARS
) -> list[list[SourceDocument]]:
    """Batches big enough that orchestration costs little, numerous enough to keep every worker busy."""
    total_chars = sum(len(line) for doc in documents for line in doc.lines)
    target = min(max(min_chars, total_chars // max(1, workers * BATCHES_PER_WORKER)), max(min_chars, MAX_BATCH_CHARS))
    batches, current, size = [], [], 0
    for doc in documents:
        current.append(doc)
        size += sum(len(line) for line in doc.lines)
        if size >= target:
            batches.append(current)
            current, size = [], 0
    return batches + ([current] if current else [])


def process_documents(
    documents: list[SourceDocument],
    recurring: frozenset[str],
    cache_dir: str | None,
    component_versions: dict,
    workers: int,
    batch_chars: int = MIN_BATCH_CHARS,
) -> tuple[tables.TableBuilder, int]:
    """Every document's rows, gathered into a TableBuilder as batches finish; also how many were computed."""
    logger = get_run_logger()
    started = time.monotonic()
    futures = [
        process_batch.submit(DocumentBatch(batch), recurring, cache_dir, component_versions)
        for batch in batches_of(documents, workers, batch_chars)
    ]
    # Each batch arrives as Arrow: the Python rows of the corpus never coexist.
    builder, done, computed = tables.TableBuilder(), 0, 0
    for i, future in enumerate(futures):
        batch, batch_computed = future.result()
        futures[i] = None  # a finished future keeps its result: drop it once merged
        done += len(batch.results)
        computed += batch_computed
        builder.merge(batch)
        del batch
        logger.info("process: %d/%d documents (%.1f s)", done, len(documents), time.monotonic() - started)
    logger.info("process: %d documents computed, %d from cache", computed, done - computed)
    return builder, computed
