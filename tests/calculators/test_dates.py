"""Calendar months, clamped to the end of the month, leap years included."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.dates import add_months


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2025, 1, 31), 1, date(2025, 2, 28)),
    (date(2024, 1, 31), 1, date(2024, 2, 29)),   # leap year
    (date(2025, 1, 30), 1, date(2025, 2, 28)),
    (date(2025, 3, 31), 1, date(2025, 4, 30)),
    (date(2025, 1, 31), 2, date(2025, 3, 31)),   # clamping does not carry over to later months
    (date(2025, 12, 31), 2, date(2026, 2, 28)),  # across the year end
    (date(2025, 11, 15), 2, date(2026, 1, 15)),
    (date(2024, 2, 29), 12, date(2025, 2, 28)),
    (date(2024, 2, 29), 48, date(2028, 2, 29)),
    (date(1900, 1, 31), 1, date(1900, 2, 28)),   # 1900 is not a leap year
    (date(2000, 1, 31), 1, date(2000, 2, 29)),   # 2000 is
    (date(2025, 6, 15), 0, date(2025, 6, 15)),
])
def test_adding_months_keeps_the_day_or_clamps_to_the_month_end(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2025, 3, 31), -1, date(2025, 2, 28)),
    (date(2024, 3, 31), -1, date(2024, 2, 29)),
    (date(2025, 12, 31), -12, date(2024, 12, 31)),
    (date(2025, 2, 28), -12, date(2024, 2, 28)),
    (date(2024, 2, 29), -12, date(2023, 2, 28)),
    (date(2025, 1, 15), -1, date(2024, 12, 15)),
])
def test_negative_months_go_back(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2300, 12, 31)), st.integers(-240, 240))
def test_month_arithmetic_moves_the_month_and_never_overshoots_the_day(day: date, months: int) -> None:
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day <= day.day
    if moved.day < day.day:  # clamped: then to the last day of the target month
        assert date.fromordinal(moved.toordinal() + 1).day == 1
