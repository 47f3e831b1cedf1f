"""The cycle collector paused while a ledger's rows are made, and what was made then counted as old."""

from __future__ import annotations

import gc

from calculators.ledgers.table import collector_paused


def test_the_collector_is_restored_as_it_was() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the outer one restores
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_rows_made_while_paused_are_not_left_to_the_next_young_collection() -> None:
    with collector_paused():
        rows = [(index, [index]) for index in range(5000)]
    first, last = rows[0][1], rows[-1][1]
    old = {id(obj) for obj in gc.get_objects(generation=2)}
    assert id(first) in old and id(last) in old  # in the oldest generation at once, still tracked


def test_what_someone_else_froze_stays_frozen() -> None:
    keep = [[] for _ in range(10)]
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused():
            rows = [[index] for index in range(1000)]
        assert gc.get_freeze_count() == frozen and len(rows) == 1000  # not thawed, nothing more frozen
    finally:
        gc.unfreeze()
    assert keep
