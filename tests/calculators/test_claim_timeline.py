"""The claim timeline (source 000): due date, hand-over two months later, payout at most five months after."""

from __future__ import annotations

from typing import Any

import pytest
from engine_support import codes, ok

NAME = "claim_timeline"


def timeline(invoice_date: str, payment_term_days: int = 30, **fields: Any) -> dict[str, str]:
    result = ok(NAME, {"invoice_date": invoice_date, "payment_term_days": payment_term_days, **fields})
    return {m["code"]: m["date"] for m in result["milestones"]}


def test_invoice_on_30_days_gives_every_milestone() -> None:
    result = ok(NAME, {"invoice_date": "2026-01-15", "payment_term_days": 30})
    assert [(m["code"], m["date"], m["days_from_invoice"]) for m in result["milestones"]] == [
        ("invoice", "2026-01-15", 0), ("due", "2026-02-14", 30), ("hand_over", "2026-04-14", 89),
        ("latest_payout", "2026-09-14", 242)]
    assert result["total_days"] == 242
    assert (result["handling_months"], result["payout_months"]) == (2, 5)


def test_month_end_due_date_stays_at_the_month_end() -> None:
    assert timeline("2025-01-01", 30) == {"invoice": "2025-01-01", "due": "2025-01-31",
                                          "hand_over": "2025-03-31", "latest_payout": "2025-08-31"}


def test_hand_over_in_february_is_clamped_to_its_last_day() -> None:
    dates = timeline("2025-12-01", 30)
    assert (dates["due"], dates["hand_over"], dates["latest_payout"]) == ("2025-12-31", "2026-02-28", "2026-07-28")


def test_hand_over_in_a_leap_february_is_the_29th() -> None:
    assert timeline("2023-12-01", 30)["hand_over"] == "2024-02-29"


def test_31_january_plus_one_month_is_the_end_of_february() -> None:
    assert timeline("2025-01-31", 0, handling_months=1)["hand_over"] == "2025-02-28"
    assert timeline("2024-01-31", 0, handling_months=1)["hand_over"] == "2024-02-29"


def test_due_date_counts_calendar_days_across_a_leap_day() -> None:
    assert timeline("2024-02-01", 30)["due"] == "2024-03-02"
    assert timeline("2025-02-01", 30)["due"] == "2025-03-03"


@pytest.mark.parametrize(("handling", "payout", "hand_over", "latest"), [
    (0, 0, "2026-02-14", "2026-02-14"), (1, 1, "2026-03-14", "2026-04-14"), (3, 6, "2026-05-14", "2026-11-14"),
    (12, 12, "2027-02-14", "2028-02-14")])
def test_handling_and_payout_periods_can_be_changed(handling: int, payout: int, hand_over: str, latest: str) -> None:
    dates = timeline("2026-01-15", 30, handling_months=handling, payout_months=payout)
    assert (dates["hand_over"], dates["latest_payout"]) == (hand_over, latest)


def test_milestones_carry_a_label_in_the_language_of_the_request() -> None:
    result = ok(NAME, {"invoice_date": "2026-01-15", "payment_term_days": 30, "lang": "nl"})
    assert [m["label"] for m in result["milestones"]] == [
        "Factuur", "Vervaldatum", "Gebruikelijke overdracht aan de verzekeraar", "Uiterlijke uitkering"]
    assert "14 september 2026" in result["explanation"][-1]["text"]


def test_every_field_is_checked() -> None:
    assert codes(NAME, {"invoice_date": "2026-02-29", "payment_term_days": -1, "handling_months": "two",
                        "payout_months": 121}) == {
        "invoice_date": "invalid_date", "payment_term_days": "negative", "handling_months": "invalid_integer",
        "payout_months": "too_large"}


@pytest.mark.parametrize(("lang", "typical", "not_a_deadline"), [
    ("en", "Typically", "not a deadline"), ("nl", "Gewoonlijk", "geen uiterste termijn"),
    ("fr", "En général", "pas un délai")])
def test_the_hand_over_is_explained_as_a_typical_period_not_a_deadline(lang: str, typical: str,
                                                                       not_a_deadline: str) -> None:
    """Source 000 gives about two months of own reminders *on average*; the policy sets the binding dates."""
    result = ok(NAME, {"invoice_date": "2026-01-15", "payment_term_days": 30, "lang": lang})
    (step,) = [s for s in result["explanation"] if s["code"] == "hand_over"]
    assert step["text"].startswith(typical) and not_a_deadline in step["text"]
    for deadline_wording in ("hand the file over by", "uiterlijk op", "au plus tard le"):
        assert deadline_wording not in step["text"]
