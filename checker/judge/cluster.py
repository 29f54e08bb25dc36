"""Reading events on a Dask cluster (dask.distributed), beyond one machine.

The rules go to every worker once (a broadcast scatter); each event is one
task, as in a local process pool; results come back in the order the events
were given, so the report is the one `--jobs 1` writes. The workers need
claimcheck installed, at the same version as the client.
"""

from __future__ import annotations

from typing import Iterator

import attrs

from checker.errors import InputError


class Cluster:
    """The cluster at `address`, reading events with `fields_of` (sent once)."""

    window = 256  # events a window: their texts go with the tasks (about 5 MB a window)

    def __init__(self, address: str, fields_of: dict):
        try:
            import distributed  # noqa: F401 (here, so that a missing install is said before anything is read)
        except ImportError:
            raise InputError("--scheduler", "needs dask.distributed: pip install 'claimcheck[cluster]'") from None
        self._address = address
        self._client = None  # connected when there is first something to read, not for a check the cache answers
        self._fields = None
        self._fields_of = fields_of

    def read(self, work: list) -> Iterator:
        """Each piece of work read on the cluster, in order; submitted now, awaited as the results are taken."""
        if not work:
            return iter(())
        if self._client is None:
            from distributed import Client

            try:
                self._client = Client(self._address, timeout="10s")
            except (OSError, TimeoutError, ValueError) as error:
                raise InputError(self._address, f"cannot reach the Dask scheduler: {error}") from None
        if self._fields is None:
            # the rules, once per worker, under a key made from their content (a dict's
            # keys would be the event names, which another run's rules may share)
            (self._fields,) = self._client.scatter([_Fields(self._fields_of)], broadcast=True)
        # the texts go with the tasks: the workers need not see the corpus's files
        futures = self._client.map(_read, [w.opened() for w in work], fields=self._fields, pure=False)
        return _results(futures)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()


def _results(futures) -> Iterator:
    for future in futures:
        yield future.result()
        future.release()


@attrs.frozen
class _Fields:
    """Each event's fields, pickled as one object: a dict scattered as it is
    goes item by item, each event's fields copied anew (gigabytes for 20,000
    events that share the same rules)."""

    of: dict


def _read(work, fields: _Fields):
    from checker.judge.check import read_event

    return read_event(work, fields.of[work.event])
