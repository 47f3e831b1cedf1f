"""late_payment, the cases of issue 17: consumer notices, costs on what is still unpaid, the Dutch scale between
businesses, payment order with costs, years of interest, agreed compounding, bounds, partial answers, letters.

Each test names its legal source in its docstring. Expected figures are worked out here, not with engine helpers.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from engine_support import codes, errors, ok
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import late_payment

NAME = "late_payment"


def cents(amount: Fraction) -> Decimal:
    return Decimal(int(amount * 100 + Fraction(1, 2))) / 100


def claim(country: str, invoices: list[tuple[str, str]], until: str, **more: Any) -> dict[str, Any]:
    return ok(NAME, {"country": country, "until": until,
                     "invoices": [{"amount": a, "due_date": d} for a, d in invoices], **more})


def scale(principal: Fraction) -> Decimal:
    """Besluit BIK art. 2, worked out by hand: 15/10/5/1/0.5 % bands, at least 40, at most 6,775."""
    bands = [(0, 2500, 15), (2500, 5000, 10), (5000, 10000, 5), (10000, 200000, 1), (200000, 10 ** 12, Fraction(1, 2))]
    total = sum((max(Fraction(0), min(principal, top) - low) * pct / 100 for low, top, pct in bands), Fraction(0))
    return min(max(cents(total), Decimal(40)), Decimal(6775)).quantize(Decimal("0.01"))


# -- consumers: costs only after the notice's term, on what is unpaid then ----------------------------------------


def test_dutch_consumer_who_pays_in_full_before_any_letter_owes_no_costs() -> None:
    """Art. 6:96 lid 6 BW: no collection costs until a 14-day letter has gone unanswered."""
    result = claim("NL", [("10000", "2024-12-31")], "2025-01-02", debtor="consumer",
                   payments=[{"amount": "10000", "date": "2025-01-02"}])
    assert result["costs"] == "0.00" and result["costs_total"] == "0.00"
    assert Decimal(result["total"]) < 10  # two days of interest, no 875


def test_dutch_consumer_costs_are_on_the_principal_still_unpaid_at_the_end_of_the_term() -> None:
    """Besluit BIK art. 2; HR 25-11-2016, ECLI:NL:HR:2016:2704 (a part payment within the term lowers the base).
    Letter posted 3 January, received 4 January, term 5 to 18 January."""
    result = claim("NL", [("10000", "2024-12-31")], "2025-03-10", debtor="consumer", notice_date="2025-01-03",
                   payments=[{"amount": "9900", "date": "2025-01-05"}])
    assert result["notice"]["term_start"] == "2025-01-05" and result["notice"]["term_end"] == "2025-01-18"
    unpaid = Fraction(result["notice"]["principal_unpaid_after_term"])
    assert 100 < unpaid < 110  # what the 9,900 left after five days of interest (art. 6:44 BW)
    assert result["costs"] == str(scale(unpaid)) == "40.00"


def test_dutch_consumer_without_notice_sees_what_an_unanswered_letter_would_cost() -> None:
    """Art. 6:96 lid 6 BW: costs_after_notice is the scale on what is unpaid on ``until``."""
    result = claim("NL", [("10000", "2024-12-31")], "2025-03-10", debtor="consumer")
    assert result["costs"] == "0.00" and result["costs_after_notice"] == str(scale(Fraction(10000))) == "875.00"
    assert any(s["code"] == "no_notice_NL" for s in result["explanation"])


def test_dutch_consumer_costs_are_not_owed_while_the_term_runs() -> None:
    """Art. 6:96 lid 6 BW: the costs arise only after the 14 days."""
    result = claim("NL", [("1000", "2024-12-31")], "2025-01-18", debtor="consumer", notice_date="2025-01-03")
    assert result["costs"] == "0.00"
    assert claim("NL", [("1000", "2024-12-31")], "2025-01-19", debtor="consumer",
                 notice_date="2025-01-03")["costs"] == "150.00"


def test_belgian_consumer_reminder_term_starts_on_the_third_working_day_after_posting() -> None:
    """Art. XIX.2 CEL: 14 calendar days from the third working day after a paper reminder (the day after an
    e-mail). Posted Friday 7 March 2025: working days 10, 11, 12 March; term 12 to 25 March."""
    post = claim("BE", [("1000", "2025-02-28")], "2025-04-30", debtor="consumer", notice_date="2025-03-07")
    assert (post["notice"]["term_start"], post["notice"]["term_end"]) == ("2025-03-12", "2025-03-25")
    mail = claim("BE", [("1000", "2025-02-28")], "2025-04-30", debtor="consumer", notice_date="2025-03-07",
                 notice_by="email")
    assert (mail["notice"]["term_start"], mail["notice"]["term_end"]) == ("2025-03-08", "2025-03-21")


def test_belgian_public_holidays_are_not_working_days() -> None:
    """Law of 4 January 1974 on public holidays: Easter Monday 21 April 2025 is no working day."""
    result = claim("BE", [("1000", "2025-03-31")], "2025-06-30", debtor="consumer", notice_date="2025-04-17")
    assert result["notice"]["term_start"] == "2025-04-23"  # Fri 18, (Mon 21 off), Tue 22, Wed 23


def test_belgian_consumer_interest_and_damages_run_only_after_the_reminder_and_on_what_is_still_owed() -> None:
    """Art. XIX.2-XIX.4 CEL: interest from the day after the term, damages capped on the amount still owed then.
    A full payment two days late, before any reminder, leaves nothing (issue 17: 90 euro claimed before)."""
    paid = claim("BE", [("1000", "2025-01-31")], "2025-06-30", debtor="consumer",
                 payments=[{"amount": "1000", "date": "2025-02-02"}])
    assert (paid["costs"], paid["interest"], paid["total"]) == ("0.00", "0.00", "0.00")
    result = claim("BE", [("1000", "2025-01-31")], "2025-03-31", debtor="consumer", notice_date="2025-02-14",
                   notice_by="email", payments=[{"amount": "600", "date": "2025-02-20"}])
    # term 15 to 28 February; 400 still owed: 30 + 10 % of 250 = 55; interest 1 to 31 March at 4.5 % on 400
    assert result["costs"] == "55.00"
    assert result["invoices"][0]["interest_from"] == "2025-03-01"
    assert Decimal(result["interest"]) == cents(Fraction(400) * Fraction("4.5") * 31 / 36500)


def test_french_consumer_interest_runs_from_the_day_after_the_mise_en_demeure() -> None:
    """Art. 1231-6 C. civ.: legal interest from the formal notice; none without it. Art. L111-8 CPCE: no costs."""
    none = claim("FR", [("10000", "2024-12-31")], "2025-03-10", debtor="consumer")
    assert (none["interest"], none["costs"], none["costs_after_notice"]) == ("0.00", "0.00", "0.00")
    assert any(s["code"] == "no_notice_FR" for s in none["explanation"])
    result = claim("FR", [("10000", "2024-12-31")], "2025-03-10", debtor="consumer", notice_date="2025-02-01")
    assert result["invoices"][0]["interest_from"] == "2025-02-02"
    assert Decimal(result["interest"]) == cents(Fraction(10000) * Fraction("3.71") * 37 / 36500)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(country=st.sampled_from(["NL", "BE"]), amount=st.integers(1, 300_000), paid=st.integers(0, 100),
       notice_day=st.integers(1, 40), until_day=st.integers(0, 120))
def test_consumer_costs_never_exceed_the_scale_on_the_unpaid_principal(country: str, amount: int, paid: int,
                                                                      notice_day: int, until_day: int) -> None:
    """Besluit BIK art. 2 / art. XIX.4 CEL: the costs are at most the scale on the principal unpaid after the
    term; without a notice they are 0; a full payment before any notice leaves them at 0."""
    from datetime import date, timedelta
    due = date(2025, 1, 31)
    notice = due + timedelta(days=notice_day)
    until = notice + timedelta(days=until_day)
    pay = Fraction(amount) * paid / 100
    payments = [{"amount": str(cents(pay)), "date": (due + timedelta(days=1)).isoformat()}] if paid else []
    base = {"country": country, "debtor": "consumer", "until": until.isoformat(), "payments": payments,
            "invoices": [{"amount": str(amount), "due_date": due.isoformat()}]}
    result = ok(NAME, {**base, "notice_date": notice.isoformat()})
    unpaid = Decimal(result["notice"]["principal_unpaid_after_term"] or 0)
    if country == "NL":
        cap = scale(Fraction(unpaid)) if unpaid > 0 else Decimal(0)
    else:
        cap = late_payment.be_consumer_damages(unpaid)
    assert Decimal(result["costs"]) <= cap
    assert Decimal(ok(NAME, base)["costs"]) == 0  # no notice, no costs
    full = ok(NAME, {**base, "notice_date": notice.isoformat(),
                     "payments": [{"amount": str(amount), "date": due.isoformat()}]})
    assert Decimal(full["costs"]) == 0  # paid in full on the due date, before any notice


# -- Dutch businesses: the scale by default ----------------------------------------------------------------------


def test_dutch_business_owes_the_statutory_scale_by_default() -> None:
    """Art. 6:96 lid 4-5 BW, Besluit BIK art. 2: on 10,000 the scale gives 875 (not 40)."""
    result = claim("NL", [("10000", "2024-12-31")], "2025-03-10")
    assert (result["costs"], result["costs_basis"]) == ("875.00", "nl_b2b_scale")


def test_several_dutch_business_invoices_are_counted_together_with_the_40_euro_floor_per_invoice() -> None:
    """Besluit BIK art. 2 on the principal claimed together (Rapport BGK-integraal 2013); art. 6:96 lid 4 BW:
    never less than 40 euro per invoice. Five invoices of 100: scale on 500 = 75, floor 5 x 40 = 200."""
    small = claim("NL", [("100", "2024-12-31")] * 5, "2025-03-10")
    assert small["costs"] == "200.00"
    large = claim("NL", [("5000", "2024-12-31"), ("5000", "2025-01-31")], "2025-03-10")
    assert large["costs"] == str(scale(Fraction(10000)))


def test_dutch_business_terms_can_agree_the_floor_or_an_amount() -> None:
    """Art. 6:96 lid 4 BW: the 40 euro floor stays; an agreed amount replaces the scale."""
    assert claim("NL", [("10000", "2024-12-31")], "2025-03-10", nl_business_costs="flat")["costs"] == "40.00"
    assert claim("NL", [("10000", "2024-12-31")], "2025-03-10", nl_business_costs="agreed",
                 agreed_costs="500")["costs"] == "500.00"
    assert claim("NL", [("100", "2024-12-31")] * 3, "2025-03-10", nl_business_costs="agreed",
                 agreed_costs="10")["costs"] == "120.00"
    assert codes(NAME, {"country": "NL", "invoices": [{"amount": "1", "due_date": "2025-01-01"}],
                        "nl_business_costs": "agreed"}) == {"agreed_costs": "required"}


def test_costs_and_interest_owed_after_a_full_late_payment_stay_owed() -> None:
    """Art. 6:44 BW: the payment went to costs, then interest, then principal: the rest of the principal is owed."""
    result = claim("NL", [("1000", "2025-01-31")], "2025-03-31", payments=[{"amount": "1000", "date": "2025-02-28"}])
    allocation = result["payments"][0]
    assert allocation["to_costs"] == "150.00"
    assert Decimal(result["principal_outstanding"]) == 150 + Decimal(allocation["to_interest"])
    assert Decimal(result["total"]) > 150


# -- years of interest and agreed compounding ----------------------------------------------------------------------


def test_an_agreed_rate_is_simple_unless_the_contract_compounds_it() -> None:
    """Art. 6:119 lid 2 BW compounds statutory interest only; an agreed rate compounds when the contract says so."""
    simple = claim("NL", [("1000", "2023-01-31")], "2025-01-31", agreed_rate_pct="10")
    assert simple["compounding"] == "simple" and {p["principal"] for p in simple["periods"]} == {"1000.00"}
    compound = claim("NL", [("1000", "2023-01-31")], "2025-01-31", agreed_rate_pct="10", agreed_rate_compound=True)
    assert compound["compounding"] == "yearly"
    assert Decimal(compound["interest"]) > Decimal(simple["interest"])


# -- bounds -----------------------------------------------------------------------------------------------------


def test_the_largest_amounts_rates_and_dates_answer_or_name_a_field_never_internal_error() -> None:
    """Issue 17 item 6: agreed 100 %, due 1900, until 2200, 999,999,999 euro."""
    base = {"country": "NL", "until": "2200-12-31", "agreed_rate_pct": "100",
            "invoices": [{"amount": "999999999", "due_date": "1900-01-01"}]}
    assert "errors" not in ok(NAME, base)
    found = errors(NAME, {**base, "agreed_rate_compound": True})
    assert [(e["field"], e["code"]) for e in found] == [("agreed_rate_pct", "claim_too_large")]
    too_long = errors(NAME, {**base, "invoices": base["invoices"] * 10_000})
    assert [(e["field"], e["code"]) for e in too_long] == [("invoices", "claim_too_long")]


def test_periods_are_capped_and_say_so() -> None:
    result = claim("BE", [("100", "2014-01-31")] * 1000, "2025-12-31", agreed_rate_pct="5")
    assert result["period_count"] > late_payment.MAX_PERIODS_RETURNED
    assert len(result["periods"]) == late_payment.MAX_PERIODS_RETURNED and result["periods_truncated"] is True


# -- a half-year the tables do not hold ----------------------------------------------------------------------------


def test_the_ecb_rate_fills_a_missing_half_year_by_each_countrys_rule() -> None:
    """Art. 6:120 lid 2 BW (+8), law of 2 August 2002 art. 5 (+8 rounded up to the half point), art. L441-10 C. com.
    (+10): an ECB rate of 2.15 % gives 10.15 %, 10.5 % and 12.15 %."""
    for country, rate in (("NL", "10.15"), ("BE", "10.5"), ("FR", "12.15")):
        result = claim(country, [("1000", "2026-06-30")], "2026-12-31",
                       ecb_rates=[{"from": "2026-07-01", "rate_pct": "2.15"}])
        assert result["partial"] is False
        assert result["rates_used"][-1] == {"from": "2026-07-01", "to": "2026-12-31", "rate_pct": rate,
                                            "source": "ecb", "published": True}


def test_consumer_tables_still_ask_for_their_own_rate() -> None:
    """The NL consumer rate is set by decree (art. 6:120 lid 1 BW): the ECB rate does not fill it."""
    result = claim("NL", [("1000", "2026-05-31")], "2026-12-31", debtor="consumer",
                   ecb_rates=[{"from": "2026-07-01", "rate_pct": "2.15"}])
    assert result["partial"] is True and result["missing_rates"][0]["field"] == "rates"
    assert any(s["code"] == "ecb_not_used" for s in result["explanation"])
    assert codes(NAME, {"country": "NL", "invoices": [{"amount": "1", "due_date": "2025-01-01"}],
                        "ecb_rates": [{"from": "2012-01-01", "rate_pct": "1"}]}) == {
        "ecb_rates[0].from": "ecb_rate_before_rule"}


def test_payments_after_the_partial_end_are_left_out_and_said() -> None:
    result = claim("NL", [("1000", "2026-05-31")], "2026-12-31", payments=[{"amount": "10", "date": "2026-08-01"}])
    assert result["partial"] is True and result["payments_left_out"] == 1 and result["paid"] == "0.00"


# -- letters -------------------------------------------------------------------------------------------------------


def test_the_14_day_letter_and_the_belgian_reminder_refuse_a_shorter_term() -> None:
    """Art. 6:96 lid 6 BW and art. XIX.2 CEL: at least 14 days."""
    one = [{"amount": "100", "due_date": "2025-01-31"}]
    assert codes(NAME, {"country": "NL", "debtor": "consumer", "invoices": one, "letter": "fourteen_day_letter",
                        "pay_within_days": 7}) == {"pay_within_days": "term_too_short"}
    assert codes(NAME, {"country": "BE", "debtor": "consumer", "invoices": one, "letter": "reminder",
                        "pay_within_days": 10}) == {"pay_within_days": "term_too_short"}
    letter = claim("NL", [("100", "2025-01-31")], "2025-03-31", debtor="consumer", letter="fourteen_day_letter",
                   letter_lang="nl", pay_within_days=21)["letter"]
    assert "21 dagen" in letter["subject"] and "binnen 21 dagen" in letter["text"]
    assert "dag na ontvangst" in letter["text"]


def test_the_belgian_consumer_reminder_says_what_book_xix_requires() -> None:
    """Art. XIX.2 CEL: the creditor's enterprise number, what the debt is for, the damages after the term."""
    result = claim("BE", [("500", "2025-01-31")], "2025-06-30", debtor="consumer", letter="reminder",
                   letter_lang="nl", sender={"name": "Bakkerij Peeters", "enterprise_number": "0123.456.789"},
                   debt_description="brood en gebak geleverd in januari")
    letter = result["letter"]
    assert letter["enterprise_line"] == "Ondernemingsnummer: 0123.456.789"
    assert "brood en gebak geleverd in januari" in letter["text"]
    assert "derde werkdag" in letter["text"] and "€\u00a065,00" in letter["text"]  # 65 on 500 after the term
    assert "Geachte mevrouw, geachte heer" in letter["salutation"]
    assert "interest" in letter["text"] and "Rente" not in letter["text"]


def test_french_letters_put_the_name_in_the_address_and_a_reminder_is_no_mise_en_demeure() -> None:
    """Art. 1231-6 C. civ. (interest from the mise en demeure); art. L111-8 CPCE (no recovery at the debtor's cost)."""
    result = claim("FR", [("500", "2025-01-31")], "2025-06-30", debtor="consumer", letter="reminder",
                   letter_lang="fr", recipient={"name": "Mme Durand", "kind": "person"})
    letter = result["letter"]
    assert letter["salutation"] == "Madame, Monsieur," and "Mme Durand" in letter["text"]
    assert "mise en demeure" not in letter["subject"].lower()
    assert "La présente vaut mise en demeure" not in letter["text"]
    notice = claim("FR", [("500", "2025-01-31")], "2025-06-30", debtor="consumer", letter="formal_notice",
                   letter_lang="fr")["letter"]
    assert "à vos frais" not in notice["text"] and "mise en demeure" in notice["text"]


def test_dutch_salutation_follows_the_recipient_kind() -> None:
    company = claim("NL", [("500", "2025-01-31")], "2025-06-30", letter="reminder", letter_lang="nl",
                    recipient={"name": "Jansen BV", "kind": "company"})["letter"]
    person = claim("NL", [("500", "2025-01-31")], "2025-06-30", debtor="consumer", letter="reminder",
                   letter_lang="nl", recipient={"name": "Jansen", "kind": "person"})["letter"]
    assert company["salutation"] == "Geachte heer, mevrouw," and person["salutation"] == "Geachte heer/mevrouw Jansen,"
    assert "incassokosten" in company["text"]  # the NL-NL word
    assert "Buitengerechtelijke incassokosten" not in person["text"]  # not owed without the 14-day letter


def test_a_formal_notice_to_a_belgian_consumer_claims_interest_and_damages_only_after_the_reminder() -> None:
    """Art. XIX.2-XIX.4 CEL: without a free first reminder whose term has passed, only the invoice is claimed."""
    before = claim("BE", [("500", "2025-01-31")], "2025-06-30", debtor="consumer", letter="formal_notice",
                   letter_lang="en")["letter"]
    assert [line["code"] for line in before["summary"]] == ["principal", "total"]
    assert "only once a free first reminder" in before["text"]
    after = claim("BE", [("500", "2025-01-31")], "2025-06-30", debtor="consumer", letter="formal_notice",
                  letter_lang="en", notice_date="2025-02-10")["letter"]
    assert [line["code"] for line in after["summary"]] == ["principal", "interest", "costs", "total"]
    assert "has passed" in after["text"]
