"""The bench's pure parts: a start's phases on the page's clock, paired differences."""

from __future__ import annotations

import math

from benchmarks.scenarios import PHASES, paired_differences, phases_from


def test_worker_marks_are_moved_onto_the_page_clock():
    # The page navigated at 1000.0 (its timeOrigin); the worker's clock started at 1100.0 and init came 20 ms later.
    got = {"origin": 1000.0, "answer": 900.0,
           "timings": {"origin": 1100.0, "t0": 20.0,
                       "marks": {"module": 50.0, "compiled": 210.5, "snapshot": 300.0, "wasm": 320.0,
                                 "restored": 500.0, "ready": 510.0}}}
    out = phases_from(got)
    assert out["worker"] == 120.0
    assert out["compiled"] == 330.5
    assert out["snapshot"] == 420.0
    assert out["ready"] == 630.0
    assert out["answer"] == 900.0
    assert set(out) == set(PHASES)


def test_marks_that_are_not_times_are_left_out():
    got = {"origin": 0.0, "timings": {"origin": 0.0, "t0": 5.0,
                                      "marks": {"module": 10.0, "compileFallback": "404 pyodide.asm.wasm"}}}
    assert phases_from(got) == {"worker": 5.0, "module": 15.0}


def test_a_start_without_the_worker_timings_has_only_its_answer():
    assert phases_from({"origin": 0.0, "timings": None, "answer": 1234.5}) == {"answer": 1234.5}


def test_paired_differences_take_the_median_of_each_pair_difference():
    pairs = [(300.0, 250.0), (100.0, 400.0), (260.0, 240.0)]  # +50, -300, +20
    out = paired_differences(pairs)
    assert out["median_of_differences"] == 20.0
    assert out["difference_of_medians"] == 260.0 - 250.0
    assert (out["min"], out["max"], out["n"]) == (-300.0, 50.0, 3)


def test_no_pairs_give_no_difference():
    out = paired_differences([])
    assert out["n"] == 0 and math.isnan(out["median_of_differences"])
