"""The bench report's rows for the first paint and the phases of a start."""

from __future__ import annotations

from benchmarks import report
from benchmarks.scenarios import PHASES


def paint(diff: float) -> dict:
    stats = {"median": 250.0, "min": 200.0, "max": 300.0, "n": 3}
    return {"pages": {"guide": stats, "calculator": {**stats, "median": 250.0 + diff}},
            "paths": {"calculator": "calculators/payout/", "guide": "credit-insurance/"},
            "paired": {"median_of_differences": diff, "difference_of_medians": diff, "n": 3},
            "load_before": "1.0 1.0 1.0", "load_after": "1.2 1.0 1.0"}


def test_a_calculator_painting_within_50_ms_of_the_guide_passes():
    rows = report.paint_rows(paint(49.0))
    assert rows[-1][-1] == "PASS"
    assert "+49 ms after the guide" in rows[-1][1]


def test_a_calculator_painting_later_fails():
    assert report.paint_rows(paint(51.0))[-1][-1] == "FAIL"


def test_no_paint_run_gives_no_rows():
    assert report.paint_rows(None) == []


def test_the_report_names_every_phase_the_bench_measures_in_its_order():
    assert report.PHASE_ORDER == PHASES
    assert set(report.PHASE_NAMES) == set(PHASES)


def test_the_phase_table_prints_a_dash_for_a_step_a_start_did_not_have():
    split = {"payout": {"cold": {k: {"median": 100.0 * (i + 1), "n": 3} for i, k in enumerate(PHASES)},
                        "warm": {k: {"median": 50.0, "n": 3} for k in PHASES if k != "compiled"}}}
    results = {"start": {"pages": {"baseline": {}, "payout": {}}, "phases": split}}
    row = next(r for r in report.rows(results) if r[0] == "payout" and "/" in r[1])
    cold, warm = row[1].split("; ")
    assert cold == " / ".join(str(100 * (i + 1)) for i in range(len(PHASES)))
    assert warm.split(" / ")[PHASES.index("compiled")] == "–"


def test_the_settle_row_says_how_long_the_visits_waited_for_the_browser():
    stats = {"median": 520.0, "min": 410.0, "max": 900.0, "n": 10}
    rows = report.settle_rows({"n": 10, "settled": 9, "waited_ms": stats, "cpu_ms": {**stats, "median": 700.0},
                               "rule": {"windows": 3, "window_ms": 100, "quiet_ms": 20}})
    assert "waited 520 [410–900] ms" in rows[0][1] and "quiet in 9 of 10" in rows[0][1]
    assert "3 windows of 100 ms with ≤ 20 ms CPU" in rows[0][0]
    assert report.settle_rows(None) == [] and report.settle_rows({"n": 0}) == []


def test_the_launch_rows_give_the_paired_ratio_of_each_visit():
    stats = {"median": 800.0, "min": 700.0, "max": 900.0, "n": 3}
    launch = {"pages": {"baseline": {"cold": stats, "warm": stats}, "payout": {"cold": stats, "warm": stats}},
              "paired": {"payout": {"cold": {"median_of_ratios": 0.351}, "warm": {"median_of_ratios": 0.462}}}}
    rows = report.launch_rows(launch)
    assert "3 paired runs" in rows[0][0]
    payout = next(r for r in rows if r[0] == "payout")
    assert payout[1] == "800 [700–900]: ×0.35 / 800 [700–900]: ×0.46"
    assert report.launch_rows(None) == []
