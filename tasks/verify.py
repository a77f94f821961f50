"""Re-checking published versions: checksums, schemas and row counts against the manifest; listing; reports."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq

from tasks.manifest import MANIFEST_NAME, file_sha256
from tasks.publish_files import SCHEMAS
from tasks.publish_naming import LATEST, REJECTED_DIR, VALIDATION_DIR, latest_version, published_versions


VERIFY_BATCH_ROWS = 2_048


def verify_version(path: Path, deep: bool = True) -> list[str]:
    """Problems found in a version folder (empty when it is intact): files, checksums, schemas, row counts.

    `deep` re-hashes every file and decodes every Parquet page. Publishing passes False for the
    folder it has just written and hashed into the manifest: the checksums would be computed twice
    from the same bytes; files, sizes, footers, row counts and schemas are still checked.
    `zhpress verify` keeps the full check.
    """
    path = Path(path)
    try:
        data = json.loads((path / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        return [f"{MANIFEST_NAME}: unreadable ({exc})"]
    problems = []
    listed = set()
    for entry in data.get("outputs", []):
        file = path / entry["path"]
        listed.add(entry["path"])
        if not file.is_file():
            problems.append(f"{entry['path']}: missing")
        elif file.stat().st_size != entry["bytes"]:
            problems.append(f"{entry['path']}: {file.stat().st_size} bytes, manifest says {entry['bytes']}")
        elif deep and file_sha256(file) != entry["sha256"]:
            problems.append(f"{entry['path']}: sha256 differs from the manifest")
    extra = sorted(p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file())
    problems += [f"{name}: not in the manifest" for name in extra if name not in listed and name != MANIFEST_NAME]
    for name, table in data.get("tables", {}).items():
        problems += _check_table(path / table["path"], name, table["rows"], deep)
    return problems


def _check_table(file: Path, name: str, rows: int, deep: bool = True) -> list[str]:
    if not file.is_file():
        return []  # already reported as missing
    try:
        with pq.ParquetFile(file) as parquet:  # one open: footer, schema and every page
            metadata, schema = parquet.metadata, parquet.schema_arrow
            # Decode every page, a batch at a time (flat memory): catches corruption the footer does not show.
            for _batch in parquet.iter_batches(batch_size=VERIFY_BATCH_ROWS) if deep else ():
                pass  # not deep: the footer, schema and row count only
    except Exception as exc:  # noqa: BLE001 - any read failure is a problem to report, not a crash
        return [f"{file.name}: unreadable as Parquet ({type(exc).__name__}: {exc})"]
    problems = []
    if metadata.num_rows != rows:
        problems.append(f"{file.name}: {metadata.num_rows} rows, manifest says {rows}")
    expected = SCHEMAS.get(name)
    if expected is not None and not schema.equals(expected, check_metadata=False):
        problems.append(f"{file.name}: schema differs from tasks/schema.py ({_schema_difference(schema, expected)})")
    elif expected is not None:
        missing = [f.name for f in expected if f.metadata and schema.field(f.name).metadata != f.metadata]
        if missing:
            problems.append(f"{file.name}: column descriptions missing or changed: {missing}")
    return problems


def _schema_difference(actual, expected) -> str:
    found = {f.name: (str(f.type), f.nullable) for f in actual}
    wanted = {f.name: (str(f.type), f.nullable) for f in expected}
    differences = [f"{n}: {found.get(n)} != {wanted.get(n)}" for n in sorted(found.keys() | wanted.keys()) if found.get(n) != wanted.get(n)]
    return "; ".join(differences) or "column order"


def list_versions(dataset_dir: Path) -> list[str]:
    """One line per published version, oldest first: name, articles, lines, created time, LATEST mark."""
    dataset_dir = Path(dataset_dir)
    latest = latest_version(dataset_dir)
    lines = []
    for version in published_versions(dataset_dir):
        try:
            data = json.loads((dataset_dir / version / MANIFEST_NAME).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            lines.append(f"{version}  (no readable manifest)")
            continue
        counts = ", ".join(f"{t['rows']} {name}" for name, t in data.get("tables", {}).items())
        mark = f"  <- {LATEST}" if version == latest else ""
        lines.append(f"{version}  {data.get('created_at', '?')}  {counts}{mark}")
    return lines


def _find_results(path: Path) -> Path:
    """results.json of a version, a dataset (its LATEST), a rejected run or a report folder."""
    path = Path(path)
    if path.is_file():
        return path
    if (path / LATEST).is_file():
        version = latest_version(path)
        if version is None:
            raise FileNotFoundError(f"{path / LATEST} names no published version")
        path = path / version
    for candidate in (path / VALIDATION_DIR / "results.json", path / "results.json"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"no validation results under {path} (nor in {path / REJECTED_DIR})")


def report_summary(path: Path) -> str:
    """The validation summary of a version, dataset, rejected run or results.json, for a terminal."""
    try:
        results_path = _find_results(path)
        data = json.loads(results_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        return f"no validation report: {exc}"
    lines = [f"validation {'PASSED' if data['success'] else 'FAILED'}  ({results_path})"]
    for suite, counts in data["summary"].items():
        lines.append(f"  {suite:<10} {counts['passed']}/{counts['evaluated']} expectations met, {counts['failed']} failed")
    lines += [f"  CRITICAL {failure}" for failure in data["critical_failures"]]
    lines += [f"  warning  {warning}" for warning in data["warnings"]]
    docs = results_path.parent / "index.html"
    if docs.is_file():
        lines.append(f"Data Docs: {docs}")
    return "\n".join(lines)
