"""The expectation suites (expectations/*.json) as dicts: light to import, so the configuration
check that runs before every build does not load pandas or Great Expectations."""
from __future__ import annotations

import json
from pathlib import Path

SEVERITY_CRITICAL = "critical"  # a failed expectation blocks publishing
SEVERITY_WARNING = "warning"  # recorded in the report only
EXPECTATIONS_DIR = Path(__file__).resolve().parents[1] / "expectations"
SUITE_NAMES = ("articles", "lines", "rejects", "run")


def load_suite_dicts(expectations_dir: Path = EXPECTATIONS_DIR) -> dict[str, dict]:
    """The suites as JSON dicts; every expectation must name its severity."""
    suites = {}
    for name in SUITE_NAMES:
        data = json.loads((Path(expectations_dir) / f"{name}.json").read_text(encoding="utf-8"))
        for exp in data["expectations"]:
            severity = exp.get("severity")
            if severity not in (SEVERITY_CRITICAL, SEVERITY_WARNING):
                raise ValueError(f"{name}.json: {exp['type']} has no severity critical|warning")
            exp["meta"] = {**exp.get("meta", {}), "severity": severity}
        suites[name] = data
    return suites
