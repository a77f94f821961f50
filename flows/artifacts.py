"""Prefect artifacts of a build: a markdown summary and a link to the Data Docs."""
from __future__ import annotations

import html

from prefect.artifacts import create_link_artifact, create_markdown_artifact


def record_build(summary) -> None:
    """Attach the build summary and the validation report link to the current flow run."""
    rows = "\n".join(f"| {role} | {count} |" for role, count in summary.lines_by_role.items())
    validation = "\n".join(f"- {name}: {result}" for name, result in summary.validation.items())
    create_markdown_artifact(
        key="zhpress-build-summary",
        markdown=(
            f"# zhpress build: {summary.status}\n\n{html.escape(summary.message)}\n\n"
            f"- documents: {summary.documents}\n- rejected files: {summary.rejects}\n- articles: {summary.articles}\n\n"
            f"| role | lines |\n|---|---|\n{rows}\n\n## Validation\n{validation}\n\n"
            f"Data Docs: {summary.report_path}\n\n"
            + (f"Review pages: {summary.version_path}/review/index.html\n" if summary.version_path else "")
        ),
        description="Summary of the zhpress build",
    )
    if summary.report_path:
        create_link_artifact(
            key="zhpress-data-docs", link=f"file://{summary.report_path}", link_text="Great Expectations Data Docs"
        )
