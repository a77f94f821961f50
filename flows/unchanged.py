"""The no-change rerun, decided before Prefect, Dask or any step module is loaded.

When the input files' bytes and the pipeline's versions are those LATEST was built from, the
deterministic build would only rebuild LATEST as it is. Telling so costs reading and hashing the
inputs (~0.1 s for 20 MB); loading Prefect and running its flow cost seconds more. When this
check cannot tell (a symlink among the inputs, no LATEST), the flow decides as before.
"""
from __future__ import annotations

from pathlib import Path

from flows.summary import UNCHANGED_MESSAGE, BuildSummary
from tasks import cache
from tasks.publish_naming import dataset_path
from tasks.versions import independent_component_versions


def unchanged_summary(input_dir: str | Path, output_dir: str | Path, dataset: str) -> BuildSummary | None:
    """The summary of a rerun with nothing to do, or None when the build has to run."""
    manifest = cache.latest_manifest(dataset_path(Path(output_dir), dataset))
    if manifest is None:
        return None
    inputs = cache.raw_inputs(Path(input_dir))
    if inputs is None or not cache.unchanged_by_fingerprint(manifest, inputs, independent_component_versions()):
        return None
    counts = manifest.get("pipeline", {}).get("stage_counts", {})
    if "documents_ingested" not in counts or "files_rejected" not in counts:
        return None
    return BuildSummary("unchanged", UNCHANGED_MESSAGE, counts["documents_ingested"], counts["files_rejected"])
