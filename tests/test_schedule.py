"""The scheduled deployment (`zhpress serve --cron`) and prefect.yaml (`prefect deploy`)."""
from __future__ import annotations

import importlib

import yaml

from tests.conftest import PROJECT_ROOT


def test_scheduled_deployment_carries_the_cron_and_parameters():
    from flows.schedule import DEPLOYMENT_NAME, scheduled_deployment

    parameters = {"input_dir": "/data/in", "output_dir": "/data/out", "dataset": "news", "workers": 2}
    deployment = scheduled_deployment("0 6 * * *", parameters)
    assert deployment.name == DEPLOYMENT_NAME
    assert [s.schedule.cron for s in deployment.schedules] == ["0 6 * * *"]
    assert deployment.parameters == parameters
    assert deployment.flow_name == "zhpress-scheduled-build"


def test_prefect_yaml_names_an_entrypoint_flow_that_exists():
    from prefect.flows import Flow

    config = yaml.safe_load((PROJECT_ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    (deployment,) = config["deployments"]
    module_path, _, name = deployment["entrypoint"].partition(":")
    assert module_path == "flows/schedule.py"
    assert (PROJECT_ROOT / module_path).is_file()
    scheduled = getattr(importlib.import_module("flows.schedule"), name)
    assert isinstance(scheduled, Flow)
    assert [s["cron"] for s in deployment["schedules"]] == ["0 6 * * *"]
    # Every parameter prefect.yaml passes is one the flow accepts.
    assert set(deployment["parameters"]) <= set(scheduled.parameters.properties)
