"""The serial end of a build spread over the cores a multi-worker build was given.

With several workers, the content digest and validation ran one after the other in the flow's
process while the workers sat idle; here the digest runs on a thread beside validation (Arrow
releases the GIL). With one worker the build keeps to one core (and to the peak memory of one
step at a time): they run in order, as before.
"""
from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pyarrow as pa

from tasks import manifest


def digest_and_validate(tables: dict[str, pa.Table], validate: Callable[[], object], published: str | None, parallel: bool):
    """manifest.content_digest(tables) and validate()'s outcome, None when the content is the `published` one.

    In order when not `parallel` (validation skipped for published content); else side by side, and
    the caller deletes the report of a validation that turned out not to be needed.
    """
    if not parallel:
        content = manifest.content_digest(tables)
        return content, (None if content.fingerprint == published else validate())
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="digest") as pool:
        digesting = pool.submit(manifest.content_digest, tables)
        outcome = validate()
        content = digesting.result()
    return content, (None if content.fingerprint == published else outcome)
