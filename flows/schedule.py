"""The entry for scheduled runs: `zhpress serve --cron` and `prefect deploy` (prefect.yaml) both use it."""
from __future__ import annotations

from prefect import flow

from flows.build import BuildSummary, run_build
from tasks.cache import default_cache_dir

DEPLOYMENT_NAME = "zhpress-scheduled-build"


@flow(name="zhpress-scheduled-build")
def scheduled_build(
    input_dir: str = "seeds",
    output_dir: str = "output",
    dataset: str = "news",
    workers: int = 0,
    dask_address: str | None = None,
    cache_dir: str | None = None,
) -> BuildSummary:
    """Build with the task runner chosen at run time (scheduled runs cannot pass one in)."""
    cache = cache_dir or str(default_cache_dir(output_dir))
    return run_build(input_dir, output_dir, dataset, workers, dask_address, cache)


def scheduled_deployment(cron: str, parameters: dict, name: str = DEPLOYMENT_NAME):
    """A deployment of `scheduled_build` on a cron schedule, ready for `prefect.serve`."""
    return scheduled_build.to_deployment(name=name, cron=cron, parameters=parameters)
