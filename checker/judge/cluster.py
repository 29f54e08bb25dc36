"""Reading events on a Dask cluster (dask.distributed), beyond one machine.

The rules go to every worker once (a broadcast scatter); each event is one
task, as in a local process pool; results come back in the order the events
were given, so the report is the one `--jobs 1` writes. The workers need
claimcheck installed, at the same version as the client.
"""

from __future__ import annotations

from typing import Iterator

from checker.errors import InputError


def read_on(address: str, work: list, fields_of: dict) -> Iterator:
    """Each piece of work read on the cluster at `address`, in order."""
    try:
        from distributed import Client
    except ImportError:
        raise InputError("--scheduler", "needs dask.distributed: pip install 'claimcheck[cluster]'") from None

    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as error:
        raise InputError(address, f"cannot reach the Dask scheduler: {error}") from None
    with client:
        # the rules, once per worker, under a key made from their content (a dict's
        # keys would be the event names, which another run's rules may share)
        (fields,) = client.scatter([fields_of], broadcast=True)
        futures = client.map(_read, work, fields=fields, pure=False)
        for future in futures:
            yield future.result()
            future.release()


def _read(work, fields: dict):
    from checker.judge.check import read_event

    return read_event(work, fields[work.event])
