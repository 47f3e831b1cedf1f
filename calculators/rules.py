"""Every product figure the guides and calculators use, each with its source.

This is the lowest layer of the package: it imports nothing but the stdlib,
and nothing else in the project may type a rule figure by hand. Guides read
these values at build time (jinja2), calculators read them at run time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

#: The day the figures below were last compared with their sources. On 2026-12-04 (issue 21) the figures of the
#: source articles (000 to 004: coverage, threshold, handling and payout months, the mkbZeker cap, payout, 60 days,
#: 12 months, turnover, countries, 95 %) were re-read in the seed files, and the 40 euro and the 14 days against
#: art. 6:96 BW and art. XIX.2 WER as quoted by public pages; the premium rule of thumb and the WIK maximum were
#: not re-checked (their sources were last read on 2026-11-27), and the concentration level is the portal's own.
LAST_CHECKED = date(2026, 12, 4)

#: The source articles (files in ``shared/seeds/``), by their number; then the legal texts and
#: official or published pages the late-payment rules rest on (checked 27 November 2026).
SOURCES: dict[str, str] = {
    "000": "Quatre points pour comprendre l'assurance crédit (Banqueo)",
    "001": "Voorkom problemen met een kredietverzekering (blog)",
    "002": "Tout savoir sur le recouvrement des créances clients (aide juridique)",
    "003": "Echte vragen van ondernemers (Atradius blog, 2 July 2025)",
    "004": "Wat is mkbZeker? and its FAQ (Atradius)",
    "atradius-cost": "What does credit insurance cost? (Atradius blog, Denmark; blog.atradius.dk, checked 2026-11-27)",
    "nl-bw-6-96": "Burgerlijk Wetboek art. 6:96 lid 4 (40 euro in commercial transactions) and lid 6 "
                  "(the 14-day letter to consumers)",
    "nl-stb-2012-141": "Besluit vergoeding voor buitengerechtelijke incassokosten, Stb. 2012, 141",
    "be-law-2002": "Belgian law of 2 August 2002 on late payment in commercial transactions, art. 6",
    "be-cel-xix": "Belgian Code of Economic Law, Book XIX, art. XIX.2 (law of 4 May 2023)",
    "fr-l441-10": "Code de commerce art. L441-10 II and D441-5 (Légifrance)",
    "bpifrance": "bpifrance-creation.fr, Taux des pénalités de retard (boîte à outils)",
    "rentetool": "Matthi-code/rentetool, docs/02_rekenlogica.md and docs/03_rentetabel.csv",
    "felohq": "felohq.com, Pénalités de retard de paiement dans le BTP (worked example: 15,000 at 12 % for 30 days)",
    "legifiscal": "legifiscal.fr, Taux d'intérêt légal 1er semestre 2026 (floor 3 x 2.62 % = 7.86 %)",
    # -- late payment, issue 17 (checked 4 December 2026) --
    "nl-hr-2016-2704": "Hoge Raad 25 November 2016, ECLI:NL:HR:2016:2704 (the 14-day letter: the term starts the "
                       "day after receipt; costs on the principal still unpaid after it), via inview.nl and the "
                       "conclusion ECLI:NL:PHR:2016:938 (uitspraken.rechtspraak.nl)",
    "nl-bw-6-44": "Burgerlijk Wetboek art. 6:44 lid 1: a payment goes to costs, then interest, then principal "
                  "(mijnwetten.nl/burgerlijk-wetboek-boek-6/artikel44)",
    "be-cel-xix-2": "Belgian Code of Economic Law, Book XIX (law of 4 May 2023, in force 1 September 2023): "
                    "art. XIX.2 free first reminder, its content and its term of 14 calendar days from the third "
                    "working day after a paper reminder or the day after an e-mail; art. XIX.4 the caps "
                    "(fiscosearch.be art. XIX.1; kantoorbockstael.be; fairadvocaten.be; studio-legale.com)",
    "be-holidays-1974": "Belgian law of 4 January 1974 on public holidays (ten days)",
    "be-old-cc-1254": "Old Belgian Civil Code art. 1254 and 1256 (imputation: interest before capital; the debt "
                      "the debtor most wants to pay, else the oldest), via mediationdedettes.be (September 2022)",
    "fr-cciv-1231-6": "Code civil art. 1231-6: interest at the legal rate from the mise en demeure",
    "fr-cciv-1342-10": "Code civil art. 1342-10 and 1343-1 (imputation); Cass. 1re civ. 7 February 1995, "
                       "n° 92-14.216 (recovery costs are accessories, paid before the capital), via aurelienbamde.com",
    "fr-cpce-l111-8": "Code des procédures civiles d'exécution art. L111-8: amicable recovery costs stay with the "
                      "creditor",
}

RuleValue = Decimal | int | tuple[str, ...] | date


@dataclass(frozen=True)
class Rule:
    """One product figure: its value, its unit and where it comes from."""

    key: str
    value: RuleValue
    unit: str  # "pct", "eur", "days", "months", "years", "countries", "date"
    sources: tuple[str, ...]
    note: str


def _rule(key: str, value: RuleValue, unit: str, sources: str, note: str) -> Rule:
    return Rule(key, value, unit, tuple(sources.split()), note)


_TABLE = (
    _rule("coverage_pct", Decimal("90"), "pct", "003 004 000",
          "Usual share of the insured amount the insurer pays (the rest is own risk)."),
    _rule("intervention_threshold", Decimal("500"), "eur", "003",
          "Often written into the policy: below this unpaid amount the insurer does not intervene."),
    _rule("handling_months", 2, "months", "000",
          "On average the company chases the debt itself for about two months after the due date before it "
          "hands the file over: a typical period, not a deadline (the policy sets the binding ones)."),
    _rule("payout_months", 5, "months", "000",
          "The payout comes at the latest five months after the file is handed over."),
    _rule("mkbzeker_cover_cap", Decimal("15000"), "eur", "004",
          "mkbZeker cover per customer; a request above it is assessed as this amount. "
          "Also caps the self-assessment and a credit report."),
    _rule("mkbzeker_max_payout", Decimal("13500"), "eur", "004",
          "Most mkbZeker pays on a claim, with the standard 10% own risk."),
    _rule("self_assessment_max_days_late", 60, "days", "004",
          "A payment counts for the self-assessment when it came at most this many days after the due date."),
    _rule("self_assessment_lookback_months", 12, "months", "004",
          "Only payment experiences of the last twelve months count."),
    _rule("credit_report_max_age_months", 12, "months", "004",
          "A credit report not older than this may set the cover."),
    _rule("mkbzeker_max_turnover", Decimal("10000000"), "eur", "004",
          "mkbZeker is for firms with an annual turnover of at most 10 million."),
    _rule("mkbzeker_countries", ("NL", "BE", "DE", "LU", "FR", "GB"), "countries", "004",
          "Countries where the customer must be based for mkbZeker cover."),
    _rule("same_day_decision_pct", Decimal("95"), "pct", "003",
          "Atradius's own statement about itself: the share of its credit-limit decisions in the Benelux taken "
          "the same day. Attribute it to Atradius; it is not a figure for the market."),
    # -- the premium's rule of thumb (insurance_value calculator, cost guide) --
    _rule("premium_rate_typical_low_pct", Decimal("0.1"), "pct", "atradius-cost",
          "One insurer's own rule of thumb: a premium typically costs from this share of the insured turnover..."),
    _rule("premium_rate_typical_high_pct", Decimal("0.5"), "pct", "atradius-cost",
          "... up to this share; lower risk, lower premium. An indication, never a quote."),
    # -- late payment (rates, scales and multipliers: calculators/late_payment_rates.py) --------------
    _rule("late_compensation_eur", Decimal("40"), "eur", "nl-bw-6-96 be-law-2002 fr-l441-10 fr-ccom-d441-5",
          "Fixed compensation for recovery costs per late invoice owed by a business debtor "
          "(NL: the minimum of art. 6:96 lid 4 BW; BE: art. 6 law of 2 August 2002; FR: art. D441-5 C. com.)."),
    _rule("wik_minimum", Decimal("40"), "eur", "nl-stb-2012-141",
          "Dutch collection costs on a consumer debt are at least this amount (Besluit art. 2 lid 1)."),
    _rule("wik_maximum", Decimal("6775"), "eur", "nl-stb-2012-141",
          "Dutch collection costs on a consumer debt are at most this amount (Besluit art. 2 lid 1)."),
    _rule("nl_consumer_letter_days", 14, "days", "nl-bw-6-96",
          "A Dutch consumer owes collection costs only after a letter giving this many days, counted from "
          "the day after receipt, to pay (art. 6:96 lid 6 BW)."),
    _rule("be_consumer_grace_days", 14, "days", "be-cel-xix be-cel-xix-2",
          "Belgian consumer debts: interest and damages only after a free first reminder that gives this many "
          "calendar days to pay, counted from the third working day after a paper reminder was sent or the day "
          "after an e-mail (art. XIX.2 CEL)."),
    _rule("be_notice_post_working_days", 3, "days", "be-cel-xix-2 be-holidays-1974",
          "Belgian consumer reminder on paper: its term starts on this working day after it was sent (Monday to "
          "Friday, public holidays left out; checked 2026-12-04)."),
    _rule("concentration_pct", Decimal("20"), "pct", "001",
          "Share of all open receivables from which one customer is flagged as a concentration risk. Source 001 "
          "warns that a customer who makes up a large part of the turnover can drag the seller down with him; it "
          "gives no figure: 20% is this portal's own warning level (one customer in five of the money owed), "
          "a setting of the portfolio report, not a term of any policy."),
)

RULES: dict[str, Rule] = {rule.key: rule for rule in _TABLE}


# --- legal figures for the guides (begin) ----------------------------------------------------------------------
# Statutory figures the guides quote (payment terms, insolvency and small-claims procedures, e-invoicing). Each
# names the article of law or official page it comes from; they were compared with those sources on
# LEGAL_FIGURES_CHECKED. Keep this block contiguous: the late-payment figures live in their own block.

#: The legal sources of the figures below, by key (``Rule.sources`` names these keys).
LEGAL_SOURCES: dict[str, str] = {
    "nl-bw-6-119a": "Burgerlijk Wetboek Boek 6, art. 6:119a (wetten.overheid.nl/BWBR0005289)",
    "nl-rv-93": "Wetboek van Burgerlijke Rechtsvordering, art. 93 (wetten.overheid.nl/BWBR0001827)",
    "nl-wet-ob-29": "Wet op de omzetbelasting 1968, art. 29 (wetten.overheid.nl/BWBR0002629)",
    "be-wet-2002-4": "Wet van 2 augustus 2002 / loi du 2 août 2002 (betalingsachterstand / retard de paiement), "
                     "art. 4, as amended by the law of 14 August 2021 (ejustice.just.fgov.be)",
    "be-ger-w-590": "Gerechtelijk Wetboek / Code judiciaire, art. 590 (ejustice.just.fgov.be)",
    "be-wer-xx": "Wetboek van economisch recht / Code de droit économique, Book XX, declarations of claims "
                 "through the Central Solvency Register (regsol.be)",
    "be-einvoicing": "Law of 6 February 2024 and royal decree of 14 July 2025: structured e-invoices between "
                     "Belgian VAT payers (efactuur.belgium.be)",
    "fr-ccom-l441-10": "Code de commerce, art. L441-10 (legifrance.gouv.fr); DGCCRF, Délais de paiement "
                       "(economie.gouv.fr)",
    "fr-ccom-d441-5": "Code de commerce, art. D441-5 (legifrance.gouv.fr)",
    "fr-ccom-l441-16": "Code de commerce, art. L441-16 (legifrance.gouv.fr); DGCCRF, Délais de paiement",
    "fr-ccom-r622-24": "Code de commerce, art. L622-24 and R622-24 (legifrance.gouv.fr)",
    "fr-ccom-l624-9": "Code de commerce, art. L624-9 and L624-16 (legifrance.gouv.fr)",
    "fr-cpc-1411": "Code de procédure civile, art. 1405 to 1424, in force since 1 March 2022 (legifrance.gouv.fr)",
    "fr-cpce-r125-1": "Code des procédures civiles d'exécution, art. L125-1 and R125-1 (legifrance.gouv.fr)",
    "fr-einvoicing": "Code général des impôts, art. 289 bis, and the e-invoicing calendar of the finance law "
                     "for 2024 (impots.gouv.fr)",
    "eu-861-2007": "Regulation (EC) No 861/2007, European Small Claims Procedure, art. 2, as amended by "
                   "Regulation (EU) 2015/2421 (eur-lex.europa.eu)",
}
SOURCES.update(LEGAL_SOURCES)

#: The day the legal figures were last compared with their sources.
LEGAL_FIGURES_CHECKED = date(2026, 11, 27)

_LEGAL_TABLE = (
    _rule("legal_figures_checked", LEGAL_FIGURES_CHECKED, "date", " ".join(LEGAL_SOURCES),
          "The day the legal figures of this block were last compared with the articles of law they cite."),
    _rule("default_payment_term_days", 30, "days", "nl-bw-6-119a be-wet-2002-4 fr-ccom-l441-10",
          "Netherlands, Belgium and France: the payment term between businesses when none was agreed "
          "(art. 6:119a(2) BW; law of 2 August 2002, art. 4; art. L441-10 I C. com.)."),
    _rule("nl_payment_term_max_days", 60, "days", "nl-bw-6-119a",
          "Netherlands: longest payment term businesses may agree, unless expressly agreed and not manifestly "
          "unfair to the creditor (art. 6:119a(5) BW)."),
    _rule("nl_large_buyer_sme_term_days", 30, "days", "nl-bw-6-119a",
          "Netherlands: a large company paying an SME may not agree a longer term; a longer one is void "
          "(art. 6:119a(6) BW, since 1 July 2022)."),
    _rule("be_payment_term_max_days", 60, "days", "be-wet-2002-4",
          "Belgium: longest payment term between businesses; a longer agreed term is deemed unwritten "
          "(law of 2 August 2002, art. 4, since the law of 14 August 2021)."),
    _rule("fr_payment_term_max_days", 60, "days", "fr-ccom-l441-10",
          "France: longest agreed payment term, counted from the invoice date (art. L441-10 I C. com.)."),
    _rule("fr_payment_term_eom_days", 45, "days", "fr-ccom-l441-10",
          "France: the alternative cap, 45 days end of month, if expressly agreed and not abusive "
          "(art. L441-10 I C. com.)."),
    _rule("fr_payment_term_fine_max", Decimal("2000000"), "eur", "fr-ccom-l441-16",
          "France: maximum administrative fine for a company that exceeds the payment-term caps "
          "(art. L441-16 C. com.; DGCCRF)."),
    _rule("fr_claim_filing_months", 2, "months", "fr-ccom-r622-24",
          "France: a creditor declares its claim to the mandataire within two months of the publication of the "
          "opening judgment in the BODACC (art. R622-24 C. com.)."),
    _rule("fr_claim_filing_abroad_extra_months", 2, "months", "fr-ccom-r622-24",
          "France: the claim-filing period is extended by two months for creditors outside metropolitan France "
          "(art. R622-24 C. com.)."),
    _rule("fr_retention_claim_months", 3, "months", "fr-ccom-l624-9",
          "France: goods sold under retention of title must be claimed within three months of the publication "
          "of the opening judgment (art. L624-9 C. com.)."),
    _rule("fr_injonction_service_months", 6, "months", "fr-cpc-1411",
          "France: an order for payment (injonction de payer) not served within six months of its date "
          "lapses (art. 1411 CPC)."),
    _rule("fr_opposition_months", 1, "months", "fr-cpc-1411",
          "France: the customer may object to a served order for payment within one month; only then can it "
          "be enforced (art. 1416 and 1422 CPC)."),
    _rule("nl_vat_relief_months", 12, "months", "nl-wet-ob-29",
          "Netherlands: the right to a VAT refund on an unpaid invoice arises at the latest one year after the "
          "payment fell due (art. 29(2) Wet OB 1968)."),
    _rule("nl_subdistrict_court_limit", Decimal("25000"), "eur", "nl-rv-93",
          "Netherlands: the kantonrechter hears money claims up to this amount, and parties may act without a "
          "lawyer (art. 93 Rv)."),
    _rule("be_justice_of_peace_limit", Decimal("5000"), "eur", "be-ger-w-590",
          "Belgium: general money limit of the vrederechter / juge de paix (art. 590 Ger. W., since 1 September "
          "2018); disputes between enterprises go to the enterprise court whatever the amount (art. 573)."),
    _rule("fr_small_claims_limit", Decimal("5000"), "eur", "fr-cpce-r125-1",
          "France: ceiling of the simplified procedure for small claims run by a commissaire de justice "
          "(art. L125-1 and R125-1 CPCE)."),
    _rule("eu_small_claims_limit", Decimal("5000"), "eur", "eu-861-2007",
          "EU: ceiling of the European Small Claims Procedure for cross-border claims, interest and costs "
          "excluded (Reg. 861/2007, art. 2, as amended by Reg. 2015/2421)."),
    _rule("be_einvoicing_from", date(2026, 1, 1), "date", "be-einvoicing",
          "Belgium: structured electronic invoices become mandatory between Belgian VAT payers."),
    _rule("fr_einvoicing_reception_from", date(2026, 9, 1), "date", "fr-einvoicing",
          "France: every VAT-registered business must be able to receive electronic invoices; large companies "
          "and mid-caps must also issue them."),
    _rule("fr_einvoicing_sme_issue_from", date(2027, 9, 1), "date", "fr-einvoicing",
          "France: small and medium-sized businesses must issue electronic invoices."),
)
RULES.update({rule.key: rule for rule in _LEGAL_TABLE})
# --- legal figures for the guides (end) ------------------------------------------------------------------------


# --- guides, second legal reading (issue 21; begin) -----------------------------------------------------------
# Limitation periods, insolvency and small-claims deadlines the guides quote since the second legal reading. Each
# names its article; they were compared with the text of the article (or, where the official site could not be
# reached with the tools at hand, with a page quoting it word for word, named in the source) on
# SECOND_READING_CHECKED. The guides render them from here; nothing here is typed into a page by hand.

#: The legal sources of the figures below, by key.
SECOND_READING_SOURCES: dict[str, str] = {
    "nl-fw-108-127": "Faillissementswet, art. 108, 109 and 127 (wetten.overheid.nl/BWBR0001860; text of art. 108 "
                     "and 127 as quoted by wetboekplus.nl, checked 2026-12-04)",
    "nl-bw-3-307": "Burgerlijk Wetboek Boek 3, art. 3:307 lid 1, and art. 3:316 to 3:319 (wetten.overheid.nl/"
                   "BWBR0005291; text of 3:307 as quoted by beslagrecht.nl, checked 2026-12-04)",
    "nl-bw-7-28": "Burgerlijk Wetboek Boek 7, art. 7:28 (wetten.overheid.nl/BWBR0005290; text as quoted by "
                  "wetboekplus.nl, checked 2026-12-04)",
    "be-oud-bw-2262bis": "Old Civil Code / ancien Code civil, art. 2262bis § 1 (ejustice.just.fgov.be)",
    "be-oud-bw-2272": "Old Civil Code / ancien Code civil, art. 2272, second paragraph, and art. 2274 (ejustice."
                      "just.fgov.be); Cass. 8 January 2015, C.14.0268.F (rdc-tbh.be)",
    "be-oud-bw-2244": "Old Civil Code / ancien Code civil, art. 2244 § 2, inserted by the law of 23 May 2013, in "
                      "force 11 July 2013 (ejustice.just.fgov.be; text as quoted by minimes41.be and phoros.eu)",
    "fr-ccom-l110-4": "Code de commerce, art. L110-4, and Code civil, art. 2224, 2240, 2241 and 2244 "
                      "(legifrance.gouv.fr)",
    "fr-cconso-l218-2": "Code de la consommation, art. L218-2 (legifrance.gouv.fr)",
    "fr-ccom-r624-13": "Code de commerce, art. R624-13 and R641-31 (legifrance.gouv.fr, section LEGISCTA000006161536, "
                       "version in force on 10 September 2024); infogreffe.fr, Action en revendication",
    "fr-ccom-l622-26": "Code de commerce, art. L622-26, third paragraph (legifrance.gouv.fr)",
    "fr-cpc-750-1": "Code de procédure civile, art. 750-1, as restored by decree no. 2023-357 of 11 May 2023 for "
                    "proceedings brought from 1 October 2023 (legifrance.gouv.fr); Cass. civ. 2e, avis, "
                    "25 September 2025, no. 25-70.013 (order for payment not concerned)",
}
SOURCES.update(SECOND_READING_SOURCES)

#: The day the figures of this block were compared with their sources.
SECOND_READING_CHECKED = date(2026, 12, 4)

_SECOND_READING_TABLE = (
    _rule("second_reading_checked", SECOND_READING_CHECKED, "date", " ".join(SECOND_READING_SOURCES),
          "The day the figures of the second legal reading (limitation, insolvency, small claims) were last "
          "compared with the articles they cite."),
    _rule("nl_claim_before_meeting_days", 14, "days", "nl-fw-108-127",
          "Netherlands, bankruptcy: claims must reach the curator at the latest this many days before the first "
          "verification meeting, unless the rechter-commissaris decides otherwise (art. 127(1) Fw)."),
    _rule("fr_retention_reply_months", 1, "months", "fr-ccom-r624-13",
          "France: the administrator (or the liquidator) has this long from receipt of a retention-of-title claim "
          "to accept it (art. R624-13, second paragraph, C. com.)."),
    _rule("fr_retention_court_months", 1, "months", "fr-ccom-r624-13",
          "France: without acceptance, the claimant must bring the claim before the juge-commissaire within this "
          "period from the end of the reply period, or lose it (art. R624-13, second paragraph, C. com.)."),
    _rule("fr_late_claim_relief_months", 6, "months", "fr-ccom-l622-26",
          "France: a creditor who declared too late may ask to be relieved of the time bar (relevé de forclusion) "
          "within this period from the publication of the opening judgment, save a creditor who could not know "
          "of its claim (art. L622-26, third paragraph, C. com.)."),
    _rule("fr_amicable_attempt_ceiling", Decimal("5000"), "eur", "fr-cpc-750-1",
          "France: before the tribunal judiciaire, a claim for payment of at most this amount is inadmissible "
          "without a prior attempt at conciliation, mediation or participatory procedure (art. 750-1 CPC); the "
          "order for payment is not concerned."),
    _rule("nl_limitation_years", 5, "years", "nl-bw-3-307",
          "Netherlands: a claim for payment under a contract is time-barred this many years after the day after "
          "it fell due (art. 3:307(1) BW)."),
    _rule("nl_consumer_sale_limitation_years", 2, "years", "nl-bw-7-28",
          "Netherlands: in a consumer sale, the claim for the price is time-barred after this many years "
          "(art. 7:28 BW)."),
    _rule("be_limitation_years", 10, "years", "be-oud-bw-2262bis",
          "Belgium: general limitation period of personal claims, contract claims included (art. 2262bis § 1 "
          "old Civil Code)."),
    _rule("be_trader_consumer_limitation_months", 12, "months", "be-oud-bw-2272",
          "Belgium: a trader's claim for goods sold to private persons who are not traders is time-barred after "
          "one year (counted here in months, as the guides write it), unless the debt was acknowledged in "
          "writing (art. 2272 and 2274 old Civil Code)."),
    _rule("be_notice_interruption_months", 12, "months", "be-oud-bw-2244",
          "Belgium: a formal notice sent by the creditor's lawyer or bailiff by registered letter to a debtor in "
          "Belgium interrupts the limitation once and starts a new period of this length, never ending before "
          "the original period (art. 2244 § 2 old Civil Code)."),
    _rule("fr_limitation_years", 5, "years", "fr-ccom-l110-4",
          "France: claims between traders, and civil claims in general, are time-barred after this many years "
          "(art. L110-4 C. com.; art. 2224 C. civ.)."),
    _rule("fr_consumer_limitation_years", 2, "years", "fr-cconso-l218-2",
          "France: a professional's claim for goods or services supplied to a consumer is time-barred after this "
          "many years (art. L218-2 C. consom.)."),
)
RULES.update({rule.key: rule for rule in _SECOND_READING_TABLE})
# --- guides, second legal reading (issue 21; end) -------------------------------------------------------------


def value(key: str) -> RuleValue:
    """The value of the rule ``key``."""
    return RULES[key].value


def decimal(key: str) -> Decimal:
    """The value of the amount or percentage rule ``key``."""
    figure = value(key)
    if not isinstance(figure, Decimal):
        raise TypeError(f"rule {key} is not an amount or a percentage")
    return figure


def integer(key: str) -> int:
    """The value of the rule ``key`` counted in days or months."""
    figure = value(key)
    if not isinstance(figure, int):
        raise TypeError(f"rule {key} is not a number of days or months")
    return figure


def names(key: str) -> tuple[str, ...]:
    """The value of the rule ``key`` that lists names (country codes)."""
    figure = value(key)
    if not isinstance(figure, tuple):
        raise TypeError(f"rule {key} is not a list of names")
    return figure


def own_risk_pct() -> Decimal:
    """The own-risk share, derived from the coverage share (100 - coverage)."""
    return Decimal(100) - decimal("coverage_pct")


# --- collections: the policy deadlines insurers state (begin) ---------------------------------------------------
# A credit-insurance policy sets its own deadlines (its schedule names them); these are the few an insurer states
# in its own public pages, used only when the user picks that insurer and does not type the policy's figure. Each
# note quotes the insurer's wording; every deadline counts from the due date of the customer's oldest unpaid
# invoice. A deadline no source states is asked for (the run shows "set your policy's deadline").
COLLECTIONS_CHECKED = date(2026, 12, 4)
SOURCES.update({
    "atradius-be-glossary-s": "Atradius Belgium, Glossary S, 'Stoppage of cover' and 'Stop deliveries' "
                              "(support.atradius.be/en/glossary/glossary-s, checked 2026-12-04)",
    "atradius-be-glossary-m": "Atradius Belgium, Glossary M, 'Mandatory transfer of collections' and 'Maximum "
                              "extension period' (support.atradius.be/en/glossary/glossary-m, checked 2026-12-04)",
    "coface-be-easyliner": "Coface Belgium, EasyLiner FAQ (cofacebelgium.onlinecreditpolicy.com/FAQ, "
                           "checked 2026-12-04)",
})
RULES.update({rule.key: rule for rule in (
    _rule("atradius_stop_deliveries_months", 2, "months", "atradius-be-glossary-s",
          "Atradius: 'Stoppage of cover ... coincides with the stop of deliveries. Usually this is 2 months after "
          "the due date of the oldest outstanding invoice.' The policy summary states the maximum extension period "
          "that ends it."),
    _rule("atradius_hand_over_days_after_stop", 30, "days", "atradius-be-glossary-m",
          "Atradius: 'No later than 30 days after the expiry of the maximum extension period of the unpaid "
          "receivable with the oldest due date, you should transfer the collection of the total amount "
          "outstanding on the buyer'."),
    _rule("coface_easyliner_notify_days", 30, "days", "coface-be-easyliner",
          "Coface EasyLiner (Belgium): a worsening of the customer's position must be notified through the online "
          "system, 'at the latest within 30 days after the invoice due date'."),
)})
# --- collections (end) -----------------------------------------------------------------------------------------
