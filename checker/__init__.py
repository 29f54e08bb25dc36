"""claimcheck: compare the facts several outlets report about one event."""

__version__ = "0.1.0"
