"""Payment terms as packages write them, and their due dates."""

from __future__ import annotations

from datetime import date

import pytest

from calculators.ledgers import terms


@pytest.mark.parametrize(("written", "due"), [
    ("30 dagen", date(2026, 2, 14)), ("netto 30 dagen", date(2026, 2, 14)), ("30 days net", date(2026, 2, 14)),
    ("net 30", date(2026, 2, 14)), ("30", date(2026, 2, 14)), ("60 jours", date(2026, 3, 16)),
    # N days from the invoice date, then the end of that month (the CEPC's first computation)
    ("30 jours fin de mois", date(2026, 2, 28)), ("45 jours fin de mois", date(2026, 3, 31)),
    ("30 dagen einde maand", date(2026, 2, 28)),
    ("à réception", date(2026, 1, 15)), ("contant", date(2026, 1, 15)), ("Comptant", date(2026, 1, 15)),
    ("on receipt", date(2026, 1, 15)),
])
def test_a_written_term_gives_its_due_date(written: str, due: date) -> None:
    term = terms.parse(written)
    assert term is not None
    assert terms.due_date(date(2026, 1, 15), term) == due


def test_end_of_month_crosses_the_year() -> None:
    assert terms.due_date(date(2026, 12, 10), terms.Term(30, True)) == date(2027, 1, 31)


@pytest.mark.parametrize("written", ["dertig dagen", "bientôt", "", "99999 jours"])
def test_what_is_no_term_is_not_guessed(written: str) -> None:
    assert terms.parse(written) is None
