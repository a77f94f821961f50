"""Choosing where the CPU-bound steps run: in-process, local worker processes, or a Dask cluster."""
from __future__ import annotations

import logging
import os


def default_workers() -> int:
    return os.cpu_count() or 1


def task_runner_for(workers: int, dask_address: str | None = None):
    """A Prefect task runner: threads for one worker, else Dask worker processes (local or remote)."""
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    if workers <= 1:
        from prefect.task_runners import ThreadPoolTaskRunner

        # One thread: the steps are CPU-bound Python, more threads would only contend for the GIL.
        return ThreadPoolTaskRunner(max_workers=1)
    from prefect_dask import DaskTaskRunner

    # Dask's scheduler narrates every worker's start and stop at INFO; the build's own progress
    # lines are what a user wants to see on the terminal.
    logging.getLogger("distributed").setLevel(logging.WARNING)
    # Processes, not threads: jieba and the cleaners hold the GIL.
    return DaskTaskRunner(
        cluster_kwargs={
            "n_workers": workers,
            "threads_per_worker": 1,
            "processes": True,
            "dashboard_address": None,
            "silence_logs": logging.WARNING,
        }
    )
