"""The validation process: the same outcome as validating in-process, errors carried back, one GX import."""
from __future__ import annotations

import json

import pytest

from flows import validator
from tests.publish_tables import ADCODES, THEMES, make_tables

pytestmark = pytest.mark.slow  # the child imports Great Expectations once for the module


def gate_arguments(tables, report_dir) -> dict:
    return {
        "ingested_line_count": tables["lines"].num_rows, "report_dir": report_dir, "allowed_theme_codes": THEMES,
        "gazetteer_adcodes": ADCODES, "document_count": 2, "previous_article_ids": set(),
    }


@pytest.fixture(scope="module", autouse=True)
def one_child():
    validator.start_validator()
    yield
    validator.close_validator()


def test_child_outcome_equals_in_process_outcome(tmp_path):
    from tasks.validate import validate_tables

    tables = make_tables()
    in_child = validator.validate_in_child(tables, **gate_arguments(tables, tmp_path / "child"))
    in_process = validate_tables(tables["articles"], tables["lines"], rejects=tables["rejects"], **gate_arguments(tables, tmp_path / "here"))
    assert in_child.success and in_child.summary == in_process.summary
    assert (in_child.critical_failures, in_child.warnings) == (in_process.critical_failures, in_process.warnings)
    assert in_child.docs_index_path == (tmp_path / "child" / "index.html").resolve() and in_child.docs_index_path.is_file()
    child_results = json.loads(in_child.results_path.read_text(encoding="utf-8"))
    assert len(child_results) == len(json.loads(in_process.results_path.read_text(encoding="utf-8")))


def test_failed_expectation_comes_back_as_outcome(tmp_path):
    tables = make_tables()
    arguments = {**gate_arguments(tables, tmp_path), "ingested_line_count": tables["lines"].num_rows + 5}  # lines lost
    outcome = validator.validate_in_child(tables, **arguments)
    assert not outcome.success and outcome.critical_failures


def test_error_in_child_raised_with_its_traceback_and_child_serves_on(tmp_path):
    tables = make_tables()
    broken = {**tables, "articles": tables["articles"].drop_columns(["text"])}
    with pytest.raises(validator.ValidatorError, match="KeyError|text"):
        validator.validate_in_child(broken, **gate_arguments(tables, tmp_path / "broken"))
    assert validator.validate_in_child(tables, **gate_arguments(tables, tmp_path / "after")).success


def test_dead_child_is_replaced(tmp_path):
    tables = make_tables()
    validator._child.kill()
    validator._child.wait()
    # start_validator sees the dead child and starts another: the request is served
    assert validator.validate_in_child(tables, **gate_arguments(tables, tmp_path)).success


def test_review_pages_rendered_by_child_equal_in_process_pages(tmp_path):
    from tasks.review import render_review

    tables = make_tables()
    outcome = validator.validate_in_child(tables, tmp_path / "child-review", **gate_arguments(tables, tmp_path / "report"))
    pages = validator.review_pages_from_child()
    render_review(tables["articles"], tables["lines"], tmp_path / "here", outcome.warnings)
    here = {p.relative_to(tmp_path / "here"): p.read_bytes() for p in (tmp_path / "here").rglob("*") if p.is_file()}
    there = {p.relative_to(pages): p.read_bytes() for p in pages.rglob("*") if p.is_file()}
    assert pages == tmp_path / "child-review" and (pages / "index.html").is_file()
    assert there == here


def test_review_pages_not_waited_for_are_drained_or_discarded(tmp_path):
    tables = make_tables()
    validator.validate_in_child(tables, tmp_path / "first", **gate_arguments(tables, tmp_path / "report1"))
    # the next request reads the pending reply first: its own outcome is not mistaken for it
    assert validator.validate_in_child(tables, **gate_arguments(tables, tmp_path / "report2")).success
    with pytest.raises(validator.ValidatorError, match="no review pages"):
        validator.review_pages_from_child()
    validator.validate_in_child(tables, tmp_path / "second", **gate_arguments(tables, tmp_path / "report3"))
    validator.discard_review()
    assert not (tmp_path / "second").exists()


def test_no_review_pages_after_a_failed_validation(tmp_path):
    tables = make_tables()
    arguments = {**gate_arguments(tables, tmp_path / "report"), "ingested_line_count": tables["lines"].num_rows + 5}
    assert not validator.validate_in_child(tables, tmp_path / "review", **arguments).success
    with pytest.raises(validator.ValidatorError, match="no review pages"):
        validator.review_pages_from_child()
    assert not (tmp_path / "review").exists()
