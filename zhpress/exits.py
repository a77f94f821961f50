"""Exit codes of the command line, and the one way it stops with a message."""
from __future__ import annotations

import sys

import click

EXIT_BLOCKED = 2  # the validation gate blocked publishing
EXIT_UNUSABLE = 3  # bad configuration, unwritable output, no readable input
EXIT_FAILED = 4  # writing failed mid-run (disk full, permissions changed)


def fail(message: str, code: int) -> None:
    """Print `zhpress: message` on stderr and exit with `code`."""
    click.echo(f"zhpress: {message}", err=True)
    sys.exit(code)
