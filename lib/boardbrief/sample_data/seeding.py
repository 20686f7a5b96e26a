"""Random number generators for the sample data, one per table, all derived from one seed."""

from __future__ import annotations

import random


def table_rng(seed: int, table: str) -> random.Random:
    """A generator for one table, so adding rows to one table never reshuffles another.

    String seeds are hashed with SHA-512 by ``random``, so the stream is the same on every machine
    and does not depend on ``PYTHONHASHSEED``.
    """
    return random.Random(f"boardbrief-sample:{seed}:{table}")
