"""Structured references and their check digits; payments and credit notes set against invoices."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from calculators.ledgers import match
from calculators.ledgers.model import CREDIT_NOTE, Document, Payment


def doc(customer: str, amount: str, reference: str, day: date = date(2026, 1, 1), **fields: object) -> Document:
    return Document(customer, Decimal(amount), day, 30, date.fromordinal(day.toordinal() + 30), None, reference,
                    "EUR", 0, None, **fields)  # type: ignore[arg-type]


def pay(amount: str, *, ref: str | None = None, text: str | None = None, debtor: str | None = None,
        day: date = date(2026, 2, 1)) -> Payment:
    return Payment(Decimal(amount), day, "EUR", debtor, ref, text, "bank.xml", 0)


def test_belgian_structured_communication_check_digits() -> None:
    assert match.ogm_valid("010806817183") and not match.ogm_valid("010806817180")  # python-stdnum's examples
    assert match.ogm_valid("090933755493")
    assert not match.ogm_valid("090933755494")
    assert match.ogm(1234567890) == "+++123/4567/89002+++"
    assert match.ogm(97) == "+++000/0000/09797+++"  # a remainder of 0 is written 97
    assert match.structured("***090/9337/55493***") == "OGM090933755493"
    assert match.structured("+++090/9337/55494+++") is None


def test_rf_creditor_reference_check_digits() -> None:
    assert match.rf_valid("RF18539007547034")  # the example of ISO 11649
    assert not match.rf_valid("RF19539007547034")
    assert match.rf_valid(match.rf("F2026-104"))
    assert match.structured("betaling RF18 5390 0754 7034") == "RF18539007547034"


def test_a_structured_reference_pays_its_invoice_and_dates_it() -> None:
    docs = [doc("A", "100.00", "F1", payment_id=match.ogm(2026001)), doc("A", "50.00", "F2")]
    after, payments, applied = match.match_payments(docs, [pay("100.00", ref=match.ogm(2026001))], date(2026, 3, 1))
    assert after[0].paid_date == date(2026, 2, 1) and after[0].open_amount == 0
    assert after[1].open_amount is None
    assert payments[0].matched == ("F1",) and applied[0][1] == Decimal("100.00")


def test_a_wrong_check_digit_is_not_a_reference_but_the_text_may_still_name_the_invoice() -> None:
    docs = [doc("A", "100.00", "F2026-7", payment_id="+++090/9337/55493+++")]
    after, payments, _ = match.match_payments(
        docs, [pay("40.00", ref="+++090/9337/55494+++", text="factuur F2026-7")], date(2026, 3, 1))
    assert after[0].open_amount == Decimal("60.00") and after[0].paid_date is None
    assert payments[0].matched == ("F2026-7",)


def test_amount_and_name_match_only_an_open_invoice_of_that_amount() -> None:
    docs = [doc("Garage Janssens BV", "80.00", "X1"), doc("Garage Janssens BV", "75.00", "X2")]
    after, payments, _ = match.match_payments(docs, [pay("75.00", debtor="GARAGE JANSSENS"),
                                                     pay("12.00", debtor="Garage Janssens")], date(2026, 3, 1))
    assert after[1].open_amount == 0 and after[0].open_amount is None
    assert [p.matched for p in payments] == [("X2",), ()]


def test_payments_after_the_reference_date_are_not_applied() -> None:
    docs = [doc("A", "100.00", "F1")]
    after, payments, _ = match.match_payments(docs, [pay("100.00", text="F1", day=date(2026, 4, 1))],
                                              date(2026, 3, 1))
    assert after[0].open_amount is None and payments[0].matched == ()


def test_a_credit_note_goes_to_the_invoice_it_names_else_the_oldest() -> None:
    docs = [doc("A", "100.00", "F1", date(2026, 1, 1)), doc("A", "100.00", "F2", date(2026, 1, 10)),
            doc("A", "-30.00", "C1", kind=CREDIT_NOTE, corrects="F2"), doc("A", "-20.00", "C2", kind=CREDIT_NOTE)]
    named = match.set_off_credit_notes(docs, named_only=True)
    assert [match.open_of(d) for d in named] == [Decimal("100.00"), Decimal("70.00"), 0, Decimal("-20.00")]
    after = match.set_off_credit_notes(named, named_only=False)
    assert [match.open_of(d) for d in after] == [Decimal("80.00"), Decimal("70.00"), 0, 0]
    assert all(d.paid_date is None for d in after)  # a credit is not a payment experience


@pytest.mark.parametrize("text", ["F2026/001", "f2026-001", "betaling ref:F2026.001 dank u"])
def test_an_invoice_number_is_found_however_it_is_written(text: str) -> None:
    docs = [doc("A", "10.00", "F2026-001")]
    after, _, _ = match.match_payments(docs, [pay("10.00", text=text)], date(2026, 3, 1))
    assert after[0].paid_date == date(2026, 2, 1)
