"""The commands besides `build`: inspecting versions, measuring, scheduling and maintenance."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from tasks.schema import DEFAULT_DATASET
from zhpress.exits import EXIT_UNUSABLE, fail


@click.command()
@click.option("--gold", "gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--sources", "source_dirs", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--version", "version_path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--labelled", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(gold_dir, source_dirs, version_path, labelled, as_json) -> None:
    """Score segmentation, cleaning and classification against gold annotations."""
    import json

    from zhpress.evaluate import format_report, run_evaluate

    if gold_dir is None and labelled is None:
        fail("give --gold DIR (with --sources or --version) and/or --labelled TSV", EXIT_UNUSABLE)
    result = run_evaluate(gold_dir, list(source_dirs), version_path=version_path, labelled=labelled)
    click.echo(json.dumps(result, ensure_ascii=False, indent=2) if as_json else format_report(result))


@click.command()
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
def report(path: Path | None) -> None:
    """Print the validation summary of a version (default: LATEST of output/news)."""
    from tasks.verify import report_summary

    click.echo(report_summary(path or Path("output") / DEFAULT_DATASET))


@click.command()
@click.option("--output", "output_dir", default="output", type=click.Path(path_type=Path))
@click.option("--dataset", default=DEFAULT_DATASET, show_default=True)
def versions(output_dir: Path, dataset: str) -> None:
    """List the published versions of a dataset, newest last."""
    from tasks.verify import list_versions

    for line in list_versions(output_dir / dataset):
        click.echo(line)


@click.command()
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
def verify(path: Path) -> None:
    """Re-check a published version's checksums, schema and row counts."""
    from tasks.verify import verify_version

    problems = verify_version(path)
    for problem in problems:
        click.echo(f"FAIL {problem}")
    if problems:
        sys.exit(1)
    click.echo(f"OK {path}")


@click.command()
@click.argument("path", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
def review(path: Path | None) -> None:
    """Print the path of a version's review pages (default: LATEST of output/news)."""
    from tasks.publish_naming import latest_version

    path = path or Path("output") / DEFAULT_DATASET
    if not (path / "review").is_dir():
        version = latest_version(path)
        if version is None:
            fail(f"no published version under {path}", EXIT_UNUSABLE)
        path = path / version
    index = (path / "review" / "index.html").resolve()
    if not index.exists():
        fail(f"no review pages in {path}", EXIT_UNUSABLE)
    click.echo(index)


@click.command()
@click.option("--cron", required=True, help='Cron schedule, e.g. "0 6 * * *" for 06:00 daily.')
@click.option("--input", "input_dir", default="seeds", show_default=True)
@click.option("--output", "output_dir", default="output", show_default=True)
@click.option("--dataset", default=DEFAULT_DATASET, show_default=True)
@click.option("--workers", type=int, default=0, help="Worker processes; 0 means one per core.")
@click.option("--dask-address", default=None)
def serve(cron: str, input_dir: str, output_dir: str, dataset: str, workers: int, dask_address: str | None) -> None:
    """Serve the build as a Prefect deployment on a cron schedule (runs until stopped)."""
    from flows.server import ensure_prefect_api

    ensure_prefect_api()
    from prefect import serve as prefect_serve

    from flows.schedule import scheduled_deployment

    parameters = {
        "input_dir": str(Path(input_dir).resolve()),
        "output_dir": str(Path(output_dir).resolve()),
        "dataset": dataset,
        "workers": workers,
        "dask_address": dask_address,
    }
    prefect_serve(scheduled_deployment(cron, parameters))


@click.command("discover-words")
@click.option("--input", "input_dir", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--top", default=50, show_default=True, help="How many candidates to print.")
def discover_words(input_dir: Path, top: int) -> None:
    """Print candidate domain terms for tasks/data/userdict.txt, found in the documents of INPUT."""
    from tasks.ingest import discover, read_document
    from tasks.new_words import discover_new_words
    from tasks.records import SourceDocument
    from tasks.tokenize import is_known_word

    documents = [read_document(path, input_dir) for path in discover(input_dir)]
    texts = (line for doc in documents if isinstance(doc, SourceDocument) for line in doc.lines)
    click.echo("# word count cohesion freedom  (review, then add as `word freq n` lines to userdict.txt)")
    for candidate in discover_new_words(texts, known=is_known_word)[:top]:
        click.echo(f"{candidate.word} {candidate.count} {candidate.cohesion} {candidate.freedom}")


ALL = [evaluate, report, versions, verify, review, serve, discover_words]
