"""Documents for `zhpress evaluate`: the gold's seeds found in the source folders and built.

They are built with the same per-document chain as `zhpress build`
(tasks.pipeline.process_document), in a temporary input folder.
"""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path


def find_source(seed: str, source_dirs: Sequence[Path]) -> Path | None:
    """The first file named `seed` in the source folders (searched recursively), or None."""
    for folder in source_dirs:
        direct = Path(folder) / seed
        if direct.is_file():
            return direct
        found = sorted(path for path in Path(folder).rglob(seed) if path.is_file())
        if found:
            return found[0]
    return None


def build_documents(paths: Sequence[Path]) -> tuple[list[dict], list[dict], list[str]]:
    """Line rows, article rows and problems of building `paths` the way `zhpress build` does."""
    line_rows: list[dict] = []
    article_rows: list[dict] = []
    problems: list[str] = []
    if not paths:
        return line_rows, article_rows, problems
    try:
        from tasks.ingest import read_document
        from tasks.pipeline import process_document
    except ImportError as error:
        return line_rows, article_rows, [f"cannot build the documents: {error}"]
    with tempfile.TemporaryDirectory(prefix="zhpress-evaluate-") as temp:
        input_dir = Path(temp) / "input"
        input_dir.mkdir()
        documents = []
        for path in paths:
            shutil.copyfile(path, input_dir / path.name)
            document = read_document(input_dir / path.name, input_dir)
            if hasattr(document, "lines"):
                documents.append(document)
            else:
                problems.append(f"{path.name}: rejected: {document.reason}")
        recurring = _recurring(documents)
        for document in documents:
            try:
                result = process_document(document, recurring)
            except Exception as error:  # noqa: BLE001 -- one failing document must not hide the others' scores
                problems.append(f"{document.source_file}: build failed: {type(error).__name__}: {error}")
                continue
            line_rows += result.line_rows
            article_rows += result.article_rows
    return line_rows, article_rows, problems


def _recurring(documents: list) -> frozenset[str]:
    # The build computes lines recurring across its whole input; do the same over the gold's documents.
    try:
        from tasks.clean import recurring_lines
    except ImportError:
        return frozenset()
    return recurring_lines(documents)


def source_non_blank_lines(path: Path) -> set[int]:
    """Non-blank line numbers of a source file, decoded and split as ingestion does."""
    try:
        from tasks.ingest import read_document
    except ImportError:
        read_document = None
    if read_document is not None:
        document = read_document(path, path.parent)
        if hasattr(document, "lines"):
            return {i for i, line in enumerate(document.lines, 1) if line.strip()}
    text = path.read_bytes().decode("utf-8", errors="replace")
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return {i for i, line in enumerate(lines, 1) if line.strip()}
