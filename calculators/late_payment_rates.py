"""Dated late-payment interest rates of the Netherlands, Belgium and France, each row with its source.

One source of truth for the ``late_payment`` calculator and the guide's rate tables. Like
``rules``, it imports nothing but the stdlib.

A table is a list of rows ``(start, rate_pct, source, published)``; a row holds from its start
until the next row starts, and the last row until :attr:`RateTable.covered_until`, the last day
of the last half-year a source gives. After that day no rate is known: the calculator answers
with an error that asks the user for the half-year's rate (``rates``). **Never add a guessed row.**

``published`` is true when an official or secondary source states the rate itself; false when
the rate is *derived* here from the ECB main refinancing rate (:data:`ECB_MRO`) and the
statutory formula (:func:`statutory_b2b_rate`), because no stored source stated it. A test checks
that every published row agrees with the formula, so a typo in either shows up.

How to add a half-year: see the README section "How to add a half-year".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_CEILING, Decimal

#: The day the tables below were last compared with their sources.
LAST_CHECKED = date(2026, 11, 27)

# -- the ECB main refinancing operations rate -----------------------------------------------------------------

_ECB = "ECB, Key ECB interest rates, main refinancing operations (ecb.europa.eu/stats/policy_and_exchange_rates)"
_BDF = "Banque de France, Taux directeurs de la BCE (banque-france.fr/en/policy-rates)"

#: ``(in force from, MRO rate %, source)``: every change from the rate in force on 1 January 2013 on.
#: The rate that counts for a half-year is the one in force on its first day (1 January / 1 July).
ECB_MRO: tuple[tuple[date, Decimal, str], ...] = (
    (date(2012, 7, 11), Decimal("0.75"), _ECB),
    (date(2013, 5, 8), Decimal("0.50"), _ECB),
    (date(2013, 11, 13), Decimal("0.25"), _ECB),
    (date(2014, 6, 11), Decimal("0.15"), _ECB),
    (date(2014, 9, 10), Decimal("0.05"), _ECB),
    (date(2016, 3, 16), Decimal("0.00"), _BDF),
    (date(2022, 7, 27), Decimal("0.50"), _BDF),
    (date(2022, 9, 14), Decimal("1.25"), _BDF),
    (date(2022, 11, 2), Decimal("2.00"), _BDF),
    (date(2022, 12, 21), Decimal("2.50"), _BDF),
    (date(2023, 2, 8), Decimal("3.00"), _BDF),
    (date(2023, 3, 22), Decimal("3.50"), _BDF),
    (date(2023, 5, 10), Decimal("3.75"), _BDF),
    (date(2023, 6, 21), Decimal("4.00"), _BDF),
    (date(2023, 8, 2), Decimal("4.25"), _BDF),
    (date(2023, 9, 20), Decimal("4.50"), _BDF),
    (date(2024, 6, 12), Decimal("4.25"), _BDF),
    (date(2024, 9, 18), Decimal("3.65"), _BDF),
    (date(2024, 10, 23), Decimal("3.40"), _BDF),
    (date(2024, 12, 18), Decimal("3.15"), "fxstreet.com, ECB decision of 12 December 2024"),
    (date(2025, 2, 5), Decimal("2.90"), "ECB press release of 30 January 2025 (via ot.gr)"),
    (date(2025, 3, 12), Decimal("2.65"), "ECB decision of 6 March 2025 (via todaytimeslive.com)"),
    (date(2025, 4, 23), Decimal("2.40"), "Banka Slovenije MRO tenders (apl.bsi.si), 28 May 2025"),
    (date(2025, 6, 11), Decimal("2.15"), "Banka Slovenije MRO tenders (apl.bsi.si); unchanged on 5 February "
                                         "2026 (brusselstimes.com)"),
)
#: The last day on which the MRO table is known to hold (no source after the decision of 5 February 2026).
ECB_MRO_KNOWN_UNTIL = date(2026, 6, 30)


def mro_on(day: date) -> Decimal | None:
    """The MRO rate in force on ``day``, or ``None`` outside the table."""
    if day < ECB_MRO[0][0] or day > ECB_MRO_KNOWN_UNTIL:
        return None
    found = ECB_MRO[0][1]
    for start, rate, _ in ECB_MRO:
        if start <= day:
            found = rate
    return found


#: Points added to the reference rate per country; NL added 7 before 16 March 2013 (Stb. 2013, 93).
B2B_MARGIN = {"NL": Decimal(8), "BE": Decimal(8), "FR": Decimal(10)}
HALF = Decimal("0.5")


def statutory_b2b_rate(country: str, mro: Decimal) -> Decimal:
    """The commercial rate the statute sets from the reference rate ``mro``.

    NL (art. 6:119a and 6:120 lid 2 BW): reference + 8 points. BE (law of 2 August 2002, art. 5):
    reference + 8 points, rounded *up* to the next half point. FR (art. L441-10 Code de commerce):
    reference + 10 points.
    """
    rate = mro + B2B_MARGIN[country]
    if country == "BE":
        rate = (rate / HALF).to_integral_value(rounding=ROUND_CEILING) * HALF
    return rate


# -- tables ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RateRow:
    """A rate from ``start`` on; ``rate_pct`` ``None`` marks a stretch no source covers (a gap)."""

    start: date
    rate_pct: Decimal | None
    source: str
    published: bool
    note: str = ""


@dataclass(frozen=True)
class RateTable:
    """One country's rate for one kind of debtor, with its legal basis and how far it reaches."""

    key: str
    country: str
    debtor: str  # "business" or "consumer"
    basis: str  # the law that sets the rate
    compounding: str  # "yearly" or "simple"
    rows: tuple[RateRow, ...]
    covered_until: date
    note: str = ""
    periods: str = "half_year"  # "half_year" or "year": how often the rate is set
    first: date = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "first", self.rows[0].start)

    @property
    def last_period(self) -> str:
        """The last half-year (``2026-H1``) or, for a yearly rate, the year (``2026``) the table covers."""
        return str(self.covered_until.year) if self.periods == "year" else period_label(self.covered_until)

    def last_row(self) -> RateRow:
        return self.rows[-1]


def period_label(day: date) -> str:
    """``2026-H1`` for a day in the first half of 2026."""
    return f"{day.year}-H{1 if day.month <= 6 else 2}"


def half_years(first: date, last: date) -> list[date]:
    """The first days of every half-year from the one holding ``first`` to the one holding ``last``."""
    start = date(first.year, 1 if first.month <= 6 else 7, 1)
    out = []
    while start <= last:
        out.append(start)
        start = date(start.year, 7, 1) if start.month == 1 else date(start.year + 1, 1, 1)
    return out


def _derived(country: str, start: date, checked_by: str = "") -> RateRow:
    mro = mro_on(start)
    if mro is None:
        raise ValueError(f"no ECB rate known on {start}: the row cannot be derived")
    source = f"derived: ECB MRO {mro} % on {start.isoformat()} + rule"
    return RateRow(start, statutory_b2b_rate(country, mro), source + (f"; {checked_by}" if checked_by else ""), False)


def _p(day: str, rate: str, source: str, note: str = "") -> RateRow:
    return RateRow(date.fromisoformat(day), Decimal(rate), source, True, note)


def _d(country: str, day: str, checked_by: str = "") -> RateRow:
    return _derived(country, date.fromisoformat(day), checked_by)


_RENTETOOL = "Matthi-code/rentetool docs/03_rentetabel.csv"

#: Staatsblad decrees as listed by wettelijkerente.nl and rentetool (kept for reference; the commercial rows cite
#: art. 6:120 lid 2 BW and the ECB rate instead, issue 17: these numbers were copied, not checked one by one).
_STB = {
    "2013-01-01": "Stb. 2012, 658", "2013-03-16": "Stb. 2013, 93", "2013-07-01": "Stb. 2013, 244",
    "2014-01-01": "Stb. 2013, 556", "2014-07-01": "Stb. 2014, 237", "2015-01-01": "Stb. 2014, 516",
    "2015-07-01": "Stb. 2015, 266", "2016-01-01": "Stb. 2015, 521", "2016-07-01": "Stb. 2016, 250",
    "2017-01-01": "Stb. 2016, 508", "2017-07-01": "Stb. 2017, 279", "2018-01-01": "Stb. 2017, 488",
    "2018-07-01": "Stb. 2018, 211", "2019-01-01": "Stb. 2018, 476", "2019-07-01": "Stb. 2019, 210",
    "2020-01-01": "Stb. 2019, 462", "2020-07-01": "Stb. 2020, 233", "2021-01-01": "Stb. 2020, 520",
    "2021-07-01": "Stb. 2021, 283", "2022-01-01": "Stb. 2021, 610", "2023-01-01": "Stb. 2022, 517",
    "2023-07-01": "Stb. 2023, 215", "2024-01-01": "Stb. 2023, 462", "2024-07-01": "Stb. 2024, 216",
    "2025-01-01": "Stb. 2024, 409", "2025-07-01": "Stb. 2025, 211", "2026-01-01": "Stb. 2025, 427",
}


def _nl(day: str, rate: str, also: str = _RENTETOOL) -> RateRow:
    """A Dutch commercial rate: art. 6:120 lid 2 BW (ECB main refinancing rate + 8 points; + 7 before 16 March
    2013) on the ECB rate of the half-year's first day, as published by the peer sources ``also``."""
    mro = mro_on(date.fromisoformat(day))
    return _p(day, rate, f"art. 6:120 lid 2 BW: ECB MRO {mro} % on {day} + the statutory points; {also}")


NL_B2B = RateTable(
    key="NL_business", country="NL", debtor="business",
    basis="art. 6:119a and 6:120 lid 2 BW (wettelijke handelsrente)", compounding="yearly",
    rows=(
        _nl("2013-01-01", "7.75"),
        _nl("2013-03-16", "8.75", "Directive 2011/7/EU implemented: ECB + 8 points; " + _RENTETOOL),
        _nl("2013-07-01", "8.50"),
        _nl("2014-01-01", "8.25"),
        _nl("2014-07-01", "8.15"),
        _nl("2015-01-01", "8.05"),
        _nl("2015-07-01", "8.05"),
        _nl("2016-01-01", "8.05"),
        _nl("2016-07-01", "8.00"),
        *(_nl(f"{y}-{m}-01", "8.00") for y in range(2017, 2022) for m in ("01", "07")),
        _nl("2022-01-01", "8.00", "unchanged until 31 December 2022; " + _RENTETOOL),
        _nl("2023-01-01", "10.50", "abenslag.nl"),
        _nl("2023-07-01", "12.00", "watsonlaw.nl"),
        _nl("2024-01-01", "12.50", "e-justice.europa.eu; nl.wikipedia.org"),
        _nl("2024-07-01", "12.25", "mijn.metaalunie.nl"),
        _nl("2025-01-01", "11.15"),
        _nl("2025-07-01", "10.15"),
        _d("NL", "2026-01-01", "no new decree listed for 1 January 2026; 10.15 % in " + _RENTETOOL),
    ),
    covered_until=date(2026, 6, 30),
    note="16 March 2013: the margin went from 7 to 8 points in the middle of the half-year; the table "
         "holds both rows and the calculator splits the period there.",
)

NL_CONSUMER = RateTable(
    key="NL_consumer", country="NL", debtor="consumer",
    basis="art. 6:119 and 6:120 lid 1 BW (wettelijke rente, niet-handelstransacties)", compounding="yearly",
    rows=(
        _p("2013-01-01", "3", "Stb. 2012, 285 (3 % since 1 July 2012); " + _RENTETOOL),
        _p("2015-01-01", "2", "Stb. 2014, 491 (from 3 to 2 %); " + _RENTETOOL),
        _p("2023-01-01", "4", "Stb. 2022, 520; overeenkomsten.nl; " + _RENTETOOL),
        _p("2023-07-01", "6", "Stb. 2023, 215; feitsmaverhagen.nl; " + _RENTETOOL),
        _p("2024-01-01", "7", "Stb. 2023, 484 (feitsmaverhagen.nl, smkaccountants.nl)"),
        _p("2024-07-01", "7", "mijn.metaalunie.nl (7 % on 1 July 2024)"),
        _p("2025-01-01", "6", "Stb. 2024, 409; " + _RENTETOOL),
        _p("2025-07-01", "6", "no new decree for 1 July 2025 (wettelijkerente.nl list); " + _RENTETOOL),
        _p("2026-01-01", "4", "Stb. 2025, 427; " + _RENTETOOL),
    ),
    covered_until=date(2026, 6, 30),
    note="e-justice.europa.eu describes the rule as ECB + 2.25 points rounded to half points; the published "
         "rates do not always follow that description, so the table holds the published rates only.",
)

BE_B2B = RateTable(
    key="BE_business", country="BE", debtor="business",
    basis="law of 2 August 2002 on late payment in commercial transactions, art. 5", compounding="simple",
    rows=(
        _p("2013-01-01", "9.0", "vanostaeyen.eu", "for contracts from 16 March 2013 (ECB + 8)"),
        _p("2013-07-01", "8.5", "vanostaeyen.eu"),
        _p("2014-01-01", "8.5", "vanostaeyen.eu"),
        _p("2014-07-01", "8.5", "vanostaeyen.eu"),
        _p("2015-01-01", "8.5", "vanostaeyen.eu"),
        _p("2015-07-01", "8.5", "vanostaeyen.eu"),
        _p("2016-01-01", "8.5", "vanostaeyen.eu"),
        *(_p(f"{y}-{m}-01", "8.0", "carbofisc.be; aquo.be (Moniteur belge 25 July 2018); Wolters Kluwer (H2 2022)")
          for y, m in [(2016, "07")] + [(y, m) for y in range(2017, 2023) for m in ("01", "07")]),
        _p("2023-01-01", "10.5", "Moniteur belge (etaamb.openjustice.be)"),
        _d("BE", "2023-07-01", "fairadvocaten.be: 10.5 % quoted in summer 2023 is the H1 figure"),
        _p("2024-01-01", "12.5", "medenam.be; vjn-legal.be"),
        _p("2024-07-01", "12.5", "leuropeinfo.eu (Schoups: 12.5 % for both halves of 2024)"),
        _p("2025-01-01", "11.5", "leuropeinfo.eu (Schoups, note of the FPS Finance)"),
        _d("BE", "2025-07-01"),
        _p("2026-01-01", "10.5", "embuild.be (unchanged, 10.50 %)"),
    ),
    covered_until=date(2026, 6, 30),
    note="For contracts concluded from 16 March 2013 on. Contracts concluded before keep an older rule whose "
         "rates were not verified against the Moniteur belge here: the calculator offers no option for them "
         "(enter the rate you verified as an agreed rate or per half-year).",
)

FR_B2B = RateTable(
    key="FR_business", country="FR", debtor="business",
    basis="art. L441-10 Code de commerce (BCE + 10 points)", compounding="simple",
    rows=(
        _d("FR", "2013-01-01"),
        _d("FR", "2013-07-01"),
        _p("2014-01-01", "10.25", "lexing.law"),
        *(_d("FR", f"{y}-{m}-01") for y, m in [(2014, "07")] + [(y, m) for y in range(2015, 2024)
                                                                   for m in ("01", "07")] + [(2024, "01")]),
        _p("2024-07-01", "14.25", "bpifrance-creation.fr/boiteaoutils/taux-penalites-retard"),
        _d("FR", "2025-01-01"),
        _d("FR", "2025-07-01"),
        _d("FR", "2026-01-01"),
    ),
    covered_until=date(2026, 6, 30),
)

_TRESOR = "tresor.economie.gouv.fr, Taux de l'intérêt légal"

#: The French taux de l'intérêt légal: ``(start, particuliers %, autres cas %, source)``. Until 2014 one
#: yearly rate; from 2015 two rates per half-year (art. L313-2 and D313-1-A Code monétaire et financier).
FR_LEGAL: tuple[tuple[str, str, str, str], ...] = (
    ("2013-01-01", "0.04", "0.04", _TRESOR),
    ("2014-01-01", "0.04", "0.04", _TRESOR),
    ("2015-01-01", "4.06", "0.93", _TRESOR),
    ("2015-07-01", "4.29", "0.99", _TRESOR + "; arrêté du 24 juin 2015"),
    ("2016-01-01", "4.54", "1.01", _TRESOR + "; arrêté du 23 décembre 2015, JO 27 décembre 2015"),
    ("2016-07-01", "4.35", "0.93", _TRESOR),
    ("2017-01-01", "4.16", "0.90", _TRESOR),
    ("2017-07-01", "3.94", "0.90", _TRESOR),
    ("2018-01-01", "3.73", "0.89", _TRESOR),
    ("2018-07-01", "3.60", "0.88", _TRESOR),
    ("2019-01-01", "3.40", "0.86", _TRESOR),
    ("2019-07-01", "3.26", "0.87", _TRESOR),
    ("2020-01-01", "3.15", "0.87", _TRESOR + "; arrêté du 23 décembre 2019"),
    ("2020-07-01", "3.11", "0.84", "cabinet-cec.fr"),
    ("2021-01-01", "3.14", "0.79", "dandrel-avocats.fr"),
    ("2021-07-01", "3.12", "0.76", "dandrel-avocats.fr"),
    ("2022-01-01", "3.13", "0.76", "laclef.eu, Taux de l'intérêt légal au 1er semestre 2026 (table of every "
                                   "half-year since 2015), checked 2026-11-27"),
    ("2022-07-01", "3.15", "0.77", "notaires2normandie.com (Lefebvre Dalloz)"),
    ("2023-01-01", "4.47", "2.06", "notaires2normandie.com; huissiers-paca.fr (arrêté du 26 décembre 2022)"),
    ("2023-07-01", "6.82", "4.22", "arrêté ECOT2317028A du 27 juin 2023, JO 30 juin 2023 (notaires2normandie.com); "
                                   "capeb09.fr"),
    ("2024-01-01", "8.01", "5.07", "leparticulier.lefigaro.fr (8.01 %); 5.07 % as quoted by exeoffice.eu and "
                                   "laclef.eu"),
    ("2024-07-01", "8.16", "4.92", "legifiscal.fr; bpifrance-creation.fr"),
    ("2025-01-01", "7.21", "3.71", "ksca.fr (Lefebvre Dalloz); legifiscal.fr"),
    ("2025-07-01", "6.65", "2.76", "arrêté ECOT2516925A du 19 juin 2025, JO 24 juin 2025; legifiscal.fr"),
    ("2026-01-01", "6.67", "2.62", "arrêté du 15 décembre 2025, JORF n°0302 du 26 décembre 2025"),
)


def _fr_legal(column: int) -> tuple[RateRow, ...]:
    rows = []
    for start, *rates, source in FR_LEGAL:
        rate = Decimal(rates[column]) if rates[column] else None
        rows.append(RateRow(date.fromisoformat(start), rate, source, rate is not None))
    return tuple(rows)


FR_CONSUMER = RateTable(
    key="FR_consumer", country="FR", debtor="consumer",
    basis="art. L313-2 Code monétaire et financier and art. 1231-6 Code civil (taux de l'intérêt légal, "
          "creditor acting for professional needs: « autres cas »)", compounding="simple",
    rows=_fr_legal(1),
    covered_until=date(2026, 6, 30),
    note="The rate depends on the creditor: a business creditor uses the « autres cas » rate even against a "
         "consumer.",
)

#: The « particuliers » column, for reference (a creditor who is a private person): shown by the guide.
FR_LEGAL_PRIVATE_CREDITOR = RateTable(
    key="FR_private_creditor", country="FR", debtor="private_creditor",
    basis="art. L313-2 Code monétaire et financier (créances des personnes physiques n'agissant pas pour des "
          "besoins professionnels)", compounding="simple",
    rows=_fr_legal(0),
    covered_until=date(2026, 6, 30),
)

BE_CONSUMER = RateTable(
    key="BE_consumer", country="BE", debtor="consumer",
    basis="law of 5 May 1865 on loans at interest, art. 2 § 1 (wettelijke interestvoet / taux d'intérêt légal), "
          "set for each calendar year", compounding="simple",
    rows=(
        _p("2013-01-01", "2.75", "Wolters Kluwer (immospector.kluwer.be, 31 January 2023); elfri.be"),
        _p("2014-01-01", "2.75", "Wolters Kluwer; elfri.be"),
        _p("2015-01-01", "2.50", "Wolters Kluwer; elfri.be"),
        _p("2016-01-01", "2.25", "Wolters Kluwer; elfri.be"),
        _p("2017-01-01", "2.00", "Wolters Kluwer; elfri.be"),
        _p("2018-01-01", "2.00", "Wolters Kluwer; aquo.be (Moniteur belge 11 January 2018)"),
        _p("2019-01-01", "2.00", "Wolters Kluwer"),
        _p("2020-01-01", "1.75", "Wolters Kluwer"),
        _p("2021-01-01", "1.75", "Wolters Kluwer"),
        _p("2022-01-01", "1.50", "Wolters Kluwer; schoups.be (Moniteur belge 1 March 2022)"),
        _p("2023-01-01", "5.25", "Wolters Kluwer (immospector.kluwer.be, 31 January 2023)"),
        _p("2024-01-01", "5.75", "vjn-legal.be (Moniteur belge 23 February 2024); Wolters Kluwer 28 February 2024"),
        _p("2025-01-01", "4.50", "leuropeinfo.eu (Schoups)"),
        _p("2026-01-01", "4.50", "embuild.be (published in the Moniteur belge, unchanged)"),
    ),
    covered_until=date(2026, 12, 31),
    periods="year",
    note="An agreed rate against a consumer may not exceed the commercial rate of the law of 2 August 2002 "
         "(art. XIX.4 Code of Economic Law).",
)

TABLES: dict[tuple[str, str], RateTable] = {
    ("NL", "business"): NL_B2B,
    ("NL", "consumer"): NL_CONSUMER,
    ("BE", "business"): BE_B2B,
    ("BE", "consumer"): BE_CONSUMER,
    ("FR", "business"): FR_B2B,
    ("FR", "consumer"): FR_CONSUMER,
}

#: Every table, for the guide and the build summary (the private-creditor column included).
ALL_TABLES: tuple[RateTable, ...] = (*TABLES.values(), FR_LEGAL_PRIVATE_CREDITOR)


def table(country: str, debtor: str) -> RateTable:
    return TABLES[(country, debtor)]


# -- fixed figures that are not single amounts: scales and multipliers -------------------------------------------


@dataclass(frozen=True)
class Tier:
    """``pct`` percent of the part of the principal between ``above`` and ``up_to`` (``None``: no upper end)."""

    above: Decimal
    up_to: Decimal | None
    pct: Decimal


#: Dutch extrajudicial collection costs (Besluit vergoeding voor buitengerechtelijke incassokosten,
#: Stb. 2012, 141, art. 2): minimum and maximum are rules ``wik_minimum`` / ``wik_maximum``.
WIK_SCALE: tuple[Tier, ...] = (
    Tier(Decimal(0), Decimal(2500), Decimal(15)),
    Tier(Decimal(2500), Decimal(5000), Decimal(10)),
    Tier(Decimal(5000), Decimal(10000), Decimal(5)),
    Tier(Decimal(10000), Decimal(200000), Decimal(1)),
    Tier(Decimal(200000), None, Decimal("0.5")),
)
WIK_SOURCE = "Besluit vergoeding voor buitengerechtelijke incassokosten, Stb. 2012, 141, art. 2 " \
             "(zoek.officielebekendmakingen.nl/stb-2012-141)"


@dataclass(frozen=True)
class Band:
    """Belgian consumer damages: ``fixed`` euro plus ``pct`` of the part above ``above``, for debts up to ``up_to``."""

    above: Decimal
    up_to: Decimal | None
    fixed: Decimal
    pct: Decimal


#: Belgian consumer damages cap (art. XIX.4 Code of Economic Law, law of 4 May 2023): at most 20 euro
#: for a debt up to 150; 30 + 10 % of the part from 150.01 to 500; 65 + 5 % of the part above 500;
#: never more than :data:`BE_CONSUMER_DAMAGES_MAX`.
BE_CONSUMER_DAMAGES_MAX = Decimal(2000)
BE_CONSUMER_DAMAGES: tuple[Band, ...] = (
    Band(Decimal(0), Decimal(150), Decimal(20), Decimal(0)),
    Band(Decimal(150), Decimal(500), Decimal(30), Decimal(10)),
    Band(Decimal(500), None, Decimal(65), Decimal(5)),
)
BE_CONSUMER_SOURCE = "art. XIX.4 Code of Economic Law (law of 4 May 2023, Moniteur belge 23 May 2023); " \
                     "fairadvocaten.be (14 August 2023); studio-legale.com"

#: France: an agreed penalty rate may not be below this many times the taux de l'intérêt légal (« autres cas »).
FR_FLOOR_MULTIPLIER = Decimal(3)
FR_FLOOR_SOURCE = "art. L441-10 II Code de commerce (Légifrance LEGIARTI000038414392); legifiscal.fr"
