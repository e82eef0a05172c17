"""A deterministic sample of records, stratified by group (for reports on large runs)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

__all__ = ["stratified_sample"]


def stratified_sample(keys: Sequence[tuple[Any, ...]], size: int, *, min_per_group: int = 3) -> set[int]:
    """Indices of a deterministic sample of about ``size`` records, stratified by group.

    ``keys`` are ``(id, group)`` per record. Every group first gets ``min_per_group`` records (all
    of a smaller group; fewer when there are so many groups that the minimums would fill more than
    half the sample, and with more groups than half the sample, one record each for the largest
    groups that fit), then the rest of the sample is shared in proportion to group sizes, so the
    sample keeps its size however many groups there are. Within a
    group, records are taken in the order of a hash of their id, so the sample does not depend on
    the order of the input.
    """
    by_group: dict[Any, list[int]] = {}
    for i, (_, group) in enumerate(keys):
        by_group.setdefault(group, []).append(i)
    base = min(min_per_group, size // (2 * max(len(by_group), 1)))
    if base >= 1:
        floor = {g: min(len(m), base) for g, m in by_group.items()}
    else:  # more groups than half the sample: one record each for the largest groups that fit
        order = sorted(by_group, key=lambda g: (-len(by_group[g]), hashlib.sha1(str(g).encode()).hexdigest()))
        first = set(order[: max(1, size // 2)])
        floor = {g: 1 if g in first else 0 for g in by_group}
    rest = max(0, size - sum(floor.values()))
    spare = sum(len(m) - floor[g] for g, m in by_group.items())
    # the rest in proportion, by largest remainders, so the total is exact
    share = {g: min(rest, spare) * (len(m) - floor[g]) / spare if spare else 0.0 for g, m in by_group.items()}
    extra = {g: int(v) for g, v in share.items()}
    left = min(rest, spare) - sum(extra.values())
    for g in sorted(share, key=lambda g: (-(share[g] - extra[g]), str(g)))[:left]:
        extra[g] += 1
    chosen: set[int] = set()
    for g, members in by_group.items():
        quota = min(len(members), floor[g] + extra[g])
        members = sorted(members, key=lambda i: hashlib.sha1(str(keys[i][0]).encode()).hexdigest())
        chosen.update(members[:quota])
    return chosen
