"""The dataset build flow: the step order, once, top to bottom like a recipe."""
from __future__ import annotations

import os
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from flows import artifacts, processing
from flows.overlap import digest_and_validate
from flows.processing import MIN_BATCH_CHARS
from flows.runner import default_workers, task_runner_for
from flows.summary import UNCHANGED_MESSAGE, BuildSummary
from flows.validator import discard_review, review_pages_from_child, start_validator, validate_in_child
from tasks import cache, dedup, ingest, manifest, tables, versions
from tasks import publish as publish_mod
from tasks.clean import recurring_lines
from tasks.region_gazetteer import load_gazetteer
from tasks.theme_lexicon import load_themes
from tasks.records import Reject, SourceDocument

# Large arguments of in-process tasks go in quote(): Prefect otherwise walks every list, dict and
# dataclass inside them looking for futures (seconds per MB of results). Not for tasks submitted to
# Dask: prefect-dask hands them the quote wrapper itself. NO_CACHE skips hashing the arguments for
# Prefect's cache key (the per-document cache in tasks/cache.py is ours).


@task(name="ingest", cache_policy=NO_CACHE)
def ingest_inputs(input_dir: str) -> tuple[list[SourceDocument], list[Reject]]:
    root = Path(input_dir)
    documents, rejects = [], []
    for path in ingest.discover(root):
        result = ingest.read_document(path, root)
        (rejects if isinstance(result, Reject) else documents).append(result)
    for reject in rejects:
        get_run_logger().warning("rejected %s: %s", reject.source_file, reject.reason)
    return documents, rejects


@task(name="assemble-tables", cache_policy=NO_CACHE)
def assemble_tables(results, rejects: list[Reject], version: str, previous_articles) -> dict:
    """The tables of `version`: `results` is a tables.TableBuilder fed batch by batch, or a list of DocumentResults."""
    builder = results if isinstance(results, tables.TableBuilder) else tables.TableBuilder().add(results)
    return builder.finish(version, rejects, previous_articles)


@task(name="validate", cache_policy=NO_CACHE)
def validate(dataset_tables: dict, stage_counts: dict, report_dir: Path, previous_article_ids: set[str], review_dir: Path | None = None):
    return validate_in_child(
        dataset_tables,
        review_dir,
        ingested_line_count=stage_counts["lines_ingested"],
        report_dir=report_dir,
        allowed_theme_codes={category.code for category in load_themes().categories},
        gazetteer_adcodes=set(load_gazetteer().places),
        document_count=stage_counts["files_found"],
        previous_article_ids=previous_article_ids,
    )


@task(name="publish", cache_policy=NO_CACHE)
def publish(dataset_dir: Path, version: str, dataset_tables: dict, input_files: list[tuple[str, str, int]], outcome, report_dir,
            stage_counts, content=None, review_pages=None):
    """Publish `version`; `input_files`: (source_file, sha256, byte_count) of every document, then every reject."""
    return publish_mod.publish_version(
        dataset_dir,
        version,
        dataset_tables,
        input_files=input_files,
        validation=outcome,
        report_dir=report_dir,
        pipeline_info=versions.pipeline_info(stage_counts),
        content=content,
        review_pages=review_pages,
    )


@flow(name="zhpress-build", log_prints=True)
def build_dataset(
    input_dir: str, output_dir: str, dataset: str = "news", workers: int = 1, cache_dir: str | None = None,
    batch_chars: int = MIN_BATCH_CHARS,
) -> BuildSummary:
    """Build and publish one version of `dataset` from the documents under `input_dir`."""
    summary = _build(input_dir, output_dir, dataset, workers, cache_dir, batch_chars)
    artifacts.record_build(summary)
    return summary


def run_build(
    input_dir: str, output_dir: str, dataset: str = "news", workers: int = 0,
    dask_address: str | None = None, cache_dir: str | None = None,
) -> BuildSummary:
    """Run the build flow on local worker processes (`workers`, 0 = one per core) or on a Dask cluster."""
    workers = workers or default_workers()
    flow = build_dataset.with_options(task_runner=task_runner_for(workers, dask_address))
    return flow(input_dir, output_dir, dataset, workers=workers, cache_dir=cache_dir)


def _build(input_dir: str, output_dir: str, dataset: str, workers: int, cache_dir: str | None, batch_chars: int) -> BuildSummary:
    logger = get_run_logger()
    started = time.monotonic()
    dataset_dir = publish_mod.dataset_path(Path(output_dir), dataset)

    documents, rejects = ingest_inputs(input_dir)
    logger.info("ingest: %d documents read, %d rejected (%.1f s)", len(documents), len(rejects), time.monotonic() - started)
    if not documents:
        return BuildSummary("unusable", f"no readable document in {input_dir}", rejects=len(rejects))

    component_versions = versions.component_versions()
    inputs = [(d.source_file, d.sha256, d.byte_count) for d in documents] + [(r.source_file, r.sha256, r.byte_count) for r in rejects]
    if cache.unchanged_since_latest(cache.latest_manifest(dataset_dir), inputs, component_versions):
        # Same inputs, same components: the deterministic pipeline would rebuild LATEST as it is.
        return BuildSummary("unchanged", UNCHANGED_MESSAGE, len(documents), len(rejects))
    start_validator()  # Great Expectations' import, on another core while the documents are processed
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="recurring") as pool:
        recurring = pool.submit(recurring_lines, documents)
        processing.start_workers()
        recurring = recurring.result()
    builder, computed = processing.process_documents(documents, recurring, cache_dir, component_versions, workers, batch_chars)
    stage_counts = versions.stage_counts(documents, rejects, builder.results)
    document_count = len(documents)
    # The decoded text of every input is read by nothing after processing (publishing needs `inputs`
    # only): freed here, not held through the serial end, where a build's memory peaks.
    del documents

    summary = BuildSummary(
        "published", "", document_count, len(rejects), computed,
        articles=builder.article_count, lines_by_role=builder.lines_by_role(),
    )
    with publish_mod.dataset_lock(dataset_dir):
        for leftover in publish_mod.remove_leftovers(dataset_dir):
            logger.warning("removed %s, left by a run that was killed", leftover)
        version = publish_mod.next_version_name(dataset_dir, date.today())
        previous = dedup.previous_articles(dataset_dir)
        dataset_tables = assemble_tables(quote(builder), quote(rejects), version, quote(previous))
        del builder
        # Several workers: the serial end may use their cores (flows/overlap.py); one: one step at a time.
        parallel = workers > 1
        report_dir = dataset_dir / f".report-{version}-{os.getpid()}"
        # Several workers: the validation process renders the review pages while this one stages the rest.
        review_dir = dataset_dir / f".report-{version}-{os.getpid()}-review" if parallel else None
        content, outcome = digest_and_validate(  # the digest is computed once: publishing reuses it
            dataset_tables,
            lambda: validate(quote(dataset_tables), stage_counts, report_dir, quote({article_id for article_id, _ in previous}), review_dir),
            publish_mod.latest_fingerprint(dataset_dir),
            parallel,
        )
        if outcome is None:
            discard_review()
            shutil.rmtree(report_dir, ignore_errors=True)
            summary.status, summary.message = "unchanged", "input and pipeline unchanged since the latest version: nothing published"
            return summary
        summary.validation = outcome.summary
        if not outcome.success:
            rejected = publish_mod.reject_run(dataset_dir, version, report_dir, outcome, tables=dataset_tables)
            summary.status, summary.report_path = "blocked", str(rejected / "validation" / "index.html")
            summary.message = f"validation blocked publishing: {'; '.join(outcome.critical_failures)}"
            return summary
        path = publish(
            dataset_dir, version, quote(dataset_tables), quote(inputs), outcome, report_dir, stage_counts,
            quote(content), review_pages_from_child if parallel else None,
        )
    summary.version_path, summary.report_path = str(path), str(path / "validation" / "index.html")
    summary.message = f"published {path}"
    logger.info("%s (%.1f s)", summary.message, time.monotonic() - started)
    return summary
