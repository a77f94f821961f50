"""Running Great Expectations 1.x: an ephemeral context, one checkpoint per table, Data Docs on disk.

GX's own Data Docs index is kept as gx-index.html; tasks/validate_docs.py writes the
index.html that shows every expectation with its observed value.
"""
from __future__ import annotations

import contextlib
import os
import warnings
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from tasks.memory import release_memory

RESULT_FORMAT = "SUMMARY"  # observed values and up to 20 unexpected examples, not every unexpected row
ID_COLUMNS = {"articles": ["article_id"], "lines": ["source_file", "line_no"], "rejects": ["source_file"]}  # name failing rows
GX_INDEX = "gx-index.html"


def run_suites(suites: dict[str, dict], frames: dict[str, pd.DataFrame | Callable[[], pd.DataFrame]], parameters: dict, report_dir: Path) -> dict[str, dict]:
    """Validate frames[name] with suites[name]; build GX Data Docs in report_dir; suite -> result JSON dict.

    A frame may be given as a function that builds it: it is then built just before its suite runs
    and dropped after.
    """
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    import great_expectations as gx  # lazy: importing GX costs seconds
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    context.add_data_docs_site(
        "zhpress",
        {
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(report_dir)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    source = context.data_sources.add_pandas("zhpress")
    definitions = []
    for name, suite_dict in suites.items():
        batch = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe(name)
        suite = gx.ExpectationSuite(**suite_dict)
        if len(suite.expectations) != len(suite_dict["expectations"]):  # GX logs and drops invalid ones
            raise ValueError(f"expectations/{name}.json: {len(suite_dict['expectations']) - len(suite.expectations)} invalid expectations")
        suite = context.suites.add(suite)
        definitions.append(context.validation_definitions.add(gx.ValidationDefinition(name=name, data=batch, suite=suite)))
    results = {}
    for definition in definitions:
        # One checkpoint per table: a checkpoint's batch_parameters are shared by all its definitions.
        checkpoint = context.checkpoints.add(
            gx.Checkpoint(
                name=f"zhpress-{definition.name}",
                validation_definitions=[definition],
                result_format=result_format(definition.name),
            )
        )
        frame = frames[definition.name]
        frame = frame() if callable(frame) else frame  # built only now: one table's frame in memory at a time
        with _object_strings():
            run = checkpoint.run(batch_parameters={"dataframe": frame}, expectation_parameters=parameters)
        for validation in run.run_results.values():
            results[definition.name] = validation.to_json_dict()
        del run, frame
        release_memory()  # this table's frame and what GX derived from it
    context.build_data_docs(site_names=["zhpress"])
    (report_dir / "index.html").replace(report_dir / GX_INDEX)
    _prune_unreferenced_static(report_dir)
    return results


@contextlib.contextmanager
def _object_strings():
    """Strings that pandas builds stay Python objects while GX runs, as the frames' columns are.

    GX fingerprints every batch (pandas.util.hash_pandas_object): with pandas 3's Arrow-backed
    `str` inference, hashing a text column copied its unique values to Arrow and back to Python
    twice (~+100 MiB at 20 MB). Hashes are identical either way. The option is deprecated in
    pandas 3 and will go in pandas 4: without it, GX runs as before.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", category=Warning)  # the option's deprecation warning
        try:
            context = pd.option_context("future.infer_string", False)
            context.__enter__()
        except (KeyError, ValueError, pd.errors.OptionError):
            context = None
    try:
        yield
    finally:
        if context is not None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", category=Warning)
                context.__exit__(None, None, None)


def result_format(suite: str) -> dict:
    """GX result format of a suite: SUMMARY, naming failing rows by their key columns."""
    if suite not in ID_COLUMNS:
        return {"result_format": RESULT_FORMAT}
    return {"result_format": RESULT_FORMAT, "unexpected_index_column_names": ID_COLUMNS[suite]}


def suite_pages(report_dir: Path) -> dict[str, str]:
    """suite -> path (relative to report_dir) of GX's validation result page for it."""
    pages = {}
    for page in sorted((report_dir / "validations").glob("*/**/*.html")):
        relative = page.relative_to(report_dir)
        pages.setdefault(relative.parts[1], relative.as_posix())
    return pages


def _prune_unreferenced_static(report_dir: Path) -> None:
    """Drop GX's bundled static files that no page links to (~4 MB of fonts and GIFs per version)."""
    pages = "".join(p.read_text(encoding="utf-8", errors="replace") for p in report_dir.rglob("*.html"))
    for path in (report_dir / "static").rglob("*"):
        if path.is_file() and path.name not in pages:
            path.unlink()
    for folder in sorted((report_dir / "static").rglob("*"), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
