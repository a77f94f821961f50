"""The `zhpress` command line."""
from __future__ import annotations

import os
from pathlib import Path

# Before pyarrow loads: Arrow's allocator (mimalloc) then returns freed pages at once instead of
# keeping them for later, so peak memory between steps stays closer to what is alive.
os.environ.setdefault("MIMALLOC_PURGE_DELAY", "0")

import click  # noqa: E402

from tasks.schema import DEFAULT_DATASET  # noqa: E402
from zhpress import commands  # noqa: E402
from zhpress.exits import EXIT_BLOCKED, EXIT_FAILED, EXIT_UNUSABLE, fail  # noqa: E402


@click.group()
def main() -> None:
    """zhpress: messy Chinese news text in, clean, validated, versioned Parquet datasets out."""


@main.command()
@click.option("--input", "input_dir", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--output", "output_dir", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--dataset", default=DEFAULT_DATASET, show_default=True, help="Dataset name (a folder under --output).")
@click.option("--workers", type=int, default=0, help="Worker processes; 0 means one per core.")
@click.option("--dask-address", default=None, help="Run the steps on an existing Dask cluster (tcp://host:port).")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Per-document result cache (default OUTPUT/.cache; safe to delete).")
@click.option("--no-cache", is_flag=True, help="Recompute every document.")
def build(input_dir: Path, output_dir: Path, dataset: str, workers: int, dask_address: str | None,
          cache_dir: Path | None, no_cache: bool) -> None:
    """Build, validate and publish a version of DATASET from the documents in INPUT."""
    from tasks.cache import default_cache_dir
    from tasks.config import ConfigError
    from tasks.config_check import check_all_configs
    from tasks.publish_naming import validate_dataset_name

    try:
        validate_dataset_name(dataset)
    except ValueError as error:
        fail(str(error), EXIT_UNUSABLE)
    if input_dir.is_dir():
        from flows.unchanged import unchanged_summary

        # Before the configuration check and Prefect: the vocabularies the check loads are in the
        # code fingerprint this compares (they passed it when LATEST was built), and a run with
        # nothing to do validates nothing.
        unchanged = unchanged_summary(input_dir, output_dir, dataset)
        if unchanged is not None:
            _print_summary(unchanged)
            click.echo(unchanged.message)
            return
    try:
        check_all_configs()  # a broken vocabulary stops the run before any work
    except (ValueError, ConfigError) as error:
        fail(str(error), EXIT_UNUSABLE)
    if not input_dir.is_dir():
        fail(f"input folder not found: {input_dir}", EXIT_UNUSABLE)
    cache = None if no_cache else (cache_dir or default_cache_dir(output_dir))
    for folder in [output_dir, *([cache] if cache else [])]:
        problem = _unwritable(folder)
        if problem:
            fail(problem, EXIT_UNUSABLE)

    from flows.server import ensure_prefect_api
    from flows.validator import start_validator

    start_validator()  # imports Great Expectations on another core while Prefect starts
    ensure_prefect_api()  # before Prefect is imported: it reads its settings at import

    from flows.build import run_build

    try:
        summary = run_build(str(input_dir), str(output_dir), dataset, workers, dask_address, str(cache) if cache else None)
    except OSError as error:
        # Disk full, permissions changed mid-run: publishing is atomic, so nothing half-written is visible.
        fail(f"{error.strerror or error} ({error.filename or output_dir}); nothing was published", EXIT_FAILED)
    _print_summary(summary)
    if summary.status == "blocked":
        fail(f"{summary.message} (report: {summary.report_path})", EXIT_BLOCKED)
    if summary.status == "unusable":
        fail(summary.message, EXIT_UNUSABLE)
    click.echo(summary.version_path or summary.message)


def _unwritable(folder: Path) -> str | None:
    """Why `folder` cannot be written to (created if missing), or None when it can."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".zhpress-probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        return f"cannot write to {folder}: {error.strerror or error}"
    return None


def _print_summary(summary) -> None:
    click.echo(f"documents: {summary.documents}  rejected files: {summary.rejects}  articles: {summary.articles}", err=True)
    if summary.lines_by_role:
        roles = ", ".join(f"{role} {count}" for role, count in summary.lines_by_role.items())
        click.echo(f"lines by role: {roles}", err=True)
    for suite, result in summary.validation.items():
        click.echo(f"validation {suite}: {result}", err=True)


# The inspection and maintenance commands live in zhpress/commands.py.
for _command in commands.ALL:
    main.add_command(_command)


if __name__ == "__main__":
    main()
