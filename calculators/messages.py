"""Every translated string of the engine: one catalogue per language, and the number formats.

Messages are ``str.format`` templates; their parameters are already formatted
for the language (amounts, percentages and dates), so a template only places
them. A test checks that every key exists in every language with the same
placeholders.
"""

# ruff: noqa: E501 -- a translation reads (and greps) best on one line

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

NBSP = "\u00a0"
NNBSP = "\u202f"

_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
}
#: (group separator, decimal separator) per language, as Intl.NumberFormat writes them.
_SEPARATORS = {"en": (",", "."), "nl": (".", ","), "fr": (NNBSP, ",")}


def _group(digits: str, separator: str) -> str:
    groups: list[str] = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return separator.join(groups)


def format_number(value: Decimal, lang: str, places: int | None = None) -> str:
    """``value`` with the language's separators; ``places`` fixes the decimals."""
    group, point = _SEPARATORS[lang]
    text = f"{value:.{places}f}" if places is not None else f"{value.normalize():f}"
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    return sign + _group(whole, group) + (point + fraction if fraction else "")


def format_money(amount: Decimal, lang: str, places: int = 2) -> str:
    """An amount in euro: en ``€14,000.00``, nl ``€ 14.000,00``, fr ``14 000,00 €``."""
    number = format_number(amount, lang, places)
    if lang == "fr":
        return f"{number}{NBSP}€"
    if lang == "nl":
        return f"€{NBSP}{number}"  # Intl nl-NL: "€ -1.387,50"
    sign = "-" if number.startswith("-") else ""
    return f"{sign}€{number.lstrip('-')}"  # Intl en-IE: "-€1,387.50"


def format_pct(value: Decimal, lang: str) -> str:
    number = format_number(value, lang)
    return f"{number}{NNBSP}%" if lang == "fr" else f"{number}%"


def format_date(day: date, lang: str) -> str:
    return f"{day.day} {_MONTHS[lang][day.month - 1]} {day.year}"


#: Country names as they read inside a sentence (guides' ``countries`` filter, eligibility steps).
COUNTRY_NAMES: dict[str, dict[str, str]] = {
    "en": {
        "NL": "the Netherlands", "BE": "Belgium", "DE": "Germany", "LU": "Luxembourg",
        "FR": "France", "GB": "the United Kingdom", "US": "the United States",
    },
    "nl": {
        "NL": "Nederland", "BE": "België", "DE": "Duitsland", "LU": "Luxemburg",
        "FR": "Frankrijk", "GB": "het Verenigd Koninkrijk", "US": "de Verenigde Staten",
    },
    "fr": {
        "NL": "les Pays-Bas", "BE": "la Belgique", "DE": "l’Allemagne", "LU": "le Luxembourg",
        "FR": "la France", "GB": "le Royaume-Uni", "US": "les États-Unis",
    },
}


def country_name(code: str, lang: str) -> str:
    """The name of the country ``code`` in ``lang``; the code itself when we have no name for it."""
    return COUNTRY_NAMES[lang].get(code, code)


def message(lang: str, key: str, **params: Any) -> str:
    """The message ``key`` in ``lang`` (English when the key is missing there)."""
    template = CATALOGUES.get(lang, CATALOGUES["en"]).get(key) or CATALOGUES["en"][key]
    return template.format(**params)


EN: dict[str, str] = {
    # -- input errors --------------------------------------------------------
    "error.required": "This field is required.",
    "error.required_with": "Fill this in together with {other}.",
    "error.unknown_field": "Unknown field '{name}': check its spelling.",
    "error.invalid_payload": "The request must be a JSON object.",
    "error.invalid_json": "The request is not valid JSON.",
    "error.unknown_calculator": "There is no calculator '{name}'. Choose one of: {names}.",
    "error.invalid_number": "Enter an amount, such as 2500.00.",
    "error.float_not_allowed": "Pass this amount as a string such as \"2500.00\" or as an exact number.",
    "error.not_finite": "Enter a real amount, not NaN or infinity.",
    "error.negative": "This cannot be negative.",
    "error.too_large": "This is too large: at most {maximum}.",
    "error.too_many_decimals": "Use at most {places} decimals.",
    "error.invalid_integer": "Enter a whole number, such as 30.",
    "error.invalid_boolean": "Answer yes or no.",
    "error.invalid_date": "Enter a real date as YYYY-MM-DD.",
    "error.date_out_of_range": "Enter a date between {first} and {last}.",
    "error.invalid_text": "Enter this as text.",
    "error.text_too_long": "This text is too long: at most {maximum} characters.",
    "error.too_many_lines": "Too many lines: at most {maximum}.",
    "error.invalid_choice": "Choose one of: {choices}.",
    "error.invalid_country": "Enter a two-letter country code, such as NL.",
    "error.invalid_list": "This must be a list.",
    "error.invalid_object": "Each entry must be an object with its own fields.",
    "error.too_many_items": "Too many entries: at most {maximum}.",
    "error.paid_before_invoice": "The payment date is before the invoice date.",
    "error.after_as_of": "This date is after the reference date.",
    "error.exceeds_outstanding": "What was recovered cannot exceed what was outstanding.",
    "error.internal_error": "The calculation failed on our side, not because of your input. Please report it.",
    # -- self-assessment limit -------------------------------------------------
    "self_assessment_limit.rule": (
        "A payment counts when it was made at most {days} days after its due date, between {since} "
        "and {as_of} (the last {months} months), on a payment term of at least {term} days. "
        "The limit is the total of those payments, at most {cap}."),
    "self_assessment_limit.experience_counted": (
        "Invoice {index}: {amount}, term {term} days, paid {paid}, {late} days after the due date: counts."),
    "self_assessment_limit.experience_too_old": (
        "Invoice {index}: {amount}, paid {paid}: older than the period taken into account, does not count."),
    "self_assessment_limit.experience_shorter_payment_term": (
        "Invoice {index}: {amount}, term {term} days: shorter than the new term of {new_term} days, "
        "does not count."),
    "self_assessment_limit.experience_paid_too_late": (
        "Invoice {index}: {amount}, paid {paid}, {late} days after the due date: more than {max_late} days "
        "late, does not count."),
    "self_assessment_limit.more_counted": "Invoices {first} to {last} that count: {count}, together {total}.",
    "self_assessment_limit.more_too_old": (
        "Invoices {first} to {last} paid before the period taken into account: {count}, together {total}; "
        "they do not count."),
    "self_assessment_limit.more_shorter_payment_term": (
        "Invoices {first} to {last} on a term shorter than {new_term} days: {count}, together {total}; "
        "they do not count."),
    "self_assessment_limit.more_paid_too_late": (
        "Invoices {first} to {last} paid more than {max_late} days after the due date: {count}, "
        "together {total}; they do not count."),
    "self_assessment_limit.total": "Payments that count: {count}, together {total}.",
    "self_assessment_limit.capped": "{total} is above the maximum, so the limit is capped at {cap}.",
    "self_assessment_limit.report_used": (
        "The credit report is recent enough: it allows {amount}, which gives a cover of {limit} "
        "(at most {cap})."),
    "self_assessment_limit.report_too_old": (
        "The credit report of {date} is older than {since}, so it cannot set the cover."),
    "self_assessment_limit.limit_payment_experiences": "Your self-assessment limit: {limit}, from your payment experiences.",
    "self_assessment_limit.limit_credit_report": "Your self-assessment limit: {limit}, from the credit report.",
    "self_assessment_limit.limit_none": "No payment counts and no usable credit report: the limit is {limit}.",
    # -- payout ---------------------------------------------------------------------
    "payout.unpaid": "Outstanding {outstanding} minus recovered {recovered} leaves an unpaid balance of {unpaid}.",
    "payout.vat": "VAT at {rate} is not covered: {vat} of it is VAT, which leaves {net} excluding VAT.",
    "payout.mkbzeker_cap": "This product covers at most {cap} per customer, so a limit of {limit} counts as {cap}.",
    "payout.insured": (
        "Of {net}, the part up to the credit limit of {limit} is insured: {insured}. "
        "Not insured, above the limit: {uninsured}."),
    "payout.below_threshold": (
        "The unpaid balance of {unpaid} is below the intervention threshold of {threshold}: "
        "the insurer does not pay."),
    "payout.coverage": (
        "The insurer pays {pct} of {insured}: {gross}. Your own risk is {own_pct}: {own_risk}."),
    "payout.max_payout": "The policy pays at most {max}, so {gross} is reduced to {max}.",
    "payout.result": "The insurer pays {payout} of the unpaid balance of {unpaid}.",
    # -- eligibility ----------------------------------------------------------------
    "eligibility.ok_is_entrepreneur": "You are an entrepreneur.",
    "eligibility.fail_is_entrepreneur": "The product is for entrepreneurs only.",
    "eligibility.ok_customers_are_businesses": "Your customers are businesses.",
    "eligibility.fail_customers_are_businesses": "Your customers are not businesses: it covers business customers only.",
    "eligibility.ok_sells_on_account": "You sell on account (invoice now, payment later).",
    "eligibility.fail_sells_on_account": "You do not sell on account, so there is no credit to insure.",
    "eligibility.ok_has_unpaid_invoices": "You have to deal with unpaid invoices.",
    "eligibility.fail_has_unpaid_invoices": "You do not have unpaid invoices to protect against.",
    "eligibility.ok_has_credit_insurance": "You have no credit insurance yet.",
    "eligibility.fail_has_credit_insurance": "You already have credit insurance.",
    "eligibility.ok_turnover": "Your turnover of {turnover} is at most {max}.",
    "eligibility.fail_turnover": "Your turnover of {turnover} is above the maximum of {max}.",
    "eligibility.country_covered": "Your customer's country, {country}, is one of the covered countries ({countries}).",
    "eligibility.country_not_covered": "Your customer's country, {country}, is not one of the covered countries ({countries}).",
    "eligibility.eligible": "All answers fit: the product is meant for a business like yours.",
    "eligibility.not_eligible": "Not every answer fits: this product is not meant for your business.",
    "eligibility.advice.not_entrepreneur": "Private persons cannot insure invoices; look at legal aid for debt collection.",
    "eligibility.advice.customers_not_businesses": "For consumer customers, look at debt collection services rather than credit insurance.",
    "eligibility.advice.not_selling_on_account": "With payment in advance or on delivery there is little credit risk; keep it that way.",
    "eligibility.advice.no_unpaid_invoices": "Without unpaid invoices, start with prevention: check new customers' creditworthiness.",
    "eligibility.advice.already_insured": "Check what your current policy covers, and ask your insurer about its limits.",
    "eligibility.advice.turnover_too_high": "At this turnover, ask for a tailored credit insurance policy.",
    "eligibility.advice.country_not_covered": "For customers in other countries, ask about an export credit insurance policy.",
    # -- claim timeline -------------------------------------------------------------
    "claim_timeline.due": "Invoice of {invoice} with a term of {days} days: due on {due}.",
    "claim_timeline.hand_over": "Typically you chase the payment yourself for about {months} months after {due}, then hand the file over: around {hand_over}. That is an average, not a deadline: the binding dates are in your policy.",
    "claim_timeline.latest_payout": "The insurer pays at the latest {months} months after the hand-over of {hand_over}: by {payout}.",
    "claim_timeline.label.invoice": "Invoice",
    "claim_timeline.label.due": "Due date",
    "claim_timeline.label.hand_over": "Typical hand-over to the insurer",
    "claim_timeline.label.latest_payout": "Latest payout",
}

NL: dict[str, str] = {
    "error.required": "Dit veld is verplicht.",
    "error.required_with": "Vul dit in samen met {other}.",
    "error.unknown_field": "Onbekend veld '{name}': controleer de spelling.",
    "error.invalid_payload": "Het verzoek moet een JSON-object zijn.",
    "error.invalid_json": "Het verzoek is geen geldige JSON.",
    "error.unknown_calculator": "Er is geen rekenhulp '{name}'. Kies uit: {names}.",
    "error.invalid_number": "Vul een bedrag in, bijvoorbeeld 2500,00.",
    "error.float_not_allowed": "Geef dit bedrag door als tekst zoals \"2500.00\" of als exact getal.",
    "error.not_finite": "Vul een echt bedrag in, geen NaN of oneindig.",
    "error.negative": "Dit kan niet negatief zijn.",
    "error.too_large": "Dit is te groot: hoogstens {maximum}.",
    "error.too_many_decimals": "Gebruik hoogstens {places} decimalen.",
    "error.invalid_integer": "Vul een geheel getal in, bijvoorbeeld 30.",
    "error.invalid_boolean": "Antwoord met ja of nee.",
    "error.invalid_date": "Vul een bestaande datum in als JJJJ-MM-DD.",
    "error.date_out_of_range": "Vul een datum in tussen {first} en {last}.",
    "error.invalid_text": "Vul dit in als tekst.",
    "error.text_too_long": "Deze tekst is te lang: hoogstens {maximum} tekens.",
    "error.too_many_lines": "Te veel regels: hoogstens {maximum}.",
    "error.invalid_choice": "Kies uit: {choices}.",
    "error.invalid_country": "Vul een landcode van twee letters in, bijvoorbeeld NL.",
    "error.invalid_list": "Dit moet een lijst zijn.",
    "error.invalid_object": "Elke regel moet een object met eigen velden zijn.",
    "error.too_many_items": "Te veel regels: hoogstens {maximum}.",
    "error.paid_before_invoice": "De betaaldatum ligt vóór de factuurdatum.",
    "error.after_as_of": "Deze datum ligt na de peildatum.",
    "error.exceeds_outstanding": "Wat geïnd is, kan niet meer zijn dan wat openstond.",
    "error.internal_error": "De berekening liep bij ons mis, niet door uw invoer. Meld het ons alstublieft.",
    "self_assessment_limit.rule": (
        "Een betaling telt mee als ze hoogstens {days} dagen na de vervaldatum binnenkwam, tussen {since} "
        "en {as_of} (de laatste {months} maanden), bij een betalingstermijn van minstens {term} dagen. "
        "De limiet is het totaal van die betalingen, hoogstens {cap}."),
    "self_assessment_limit.experience_counted": (
        "Factuur {index}: {amount}, termijn {term} dagen, betaald op {paid}, {late} dagen na de vervaldatum: telt mee."),
    "self_assessment_limit.experience_too_old": (
        "Factuur {index}: {amount}, betaald op {paid}: ouder dan de periode die meetelt, telt niet mee."),
    "self_assessment_limit.experience_shorter_payment_term": (
        "Factuur {index}: {amount}, termijn {term} dagen: korter dan de nieuwe termijn van {new_term} dagen, "
        "telt niet mee."),
    "self_assessment_limit.experience_paid_too_late": (
        "Factuur {index}: {amount}, betaald op {paid}, {late} dagen na de vervaldatum: meer dan {max_late} "
        "dagen te laat, telt niet mee."),
    "self_assessment_limit.more_counted": "Facturen {first} tot en met {last} die meetellen: {count}, samen {total}.",
    "self_assessment_limit.more_too_old": (
        "Facturen {first} tot en met {last} betaald vóór de periode die meetelt: {count}, samen {total}; "
        "die tellen niet mee."),
    "self_assessment_limit.more_shorter_payment_term": (
        "Facturen {first} tot en met {last} met een termijn korter dan {new_term} dagen: {count}, "
        "samen {total}; die tellen niet mee."),
    "self_assessment_limit.more_paid_too_late": (
        "Facturen {first} tot en met {last} betaald meer dan {max_late} dagen na de vervaldatum: {count}, "
        "samen {total}; die tellen niet mee."),
    "self_assessment_limit.total": "Betalingen die meetellen: {count}, samen {total}.",
    "self_assessment_limit.capped": "{total} ligt boven het maximum, dus de limiet wordt {cap}.",
    "self_assessment_limit.report_used": (
        "Het kredietrapport is recent genoeg: het staat {amount} toe, wat een dekking van {limit} geeft "
        "(hoogstens {cap})."),
    "self_assessment_limit.report_too_old": (
        "Het kredietrapport van {date} is ouder dan {since} en mag de dekking dus niet bepalen."),
    "self_assessment_limit.limit_payment_experiences": "Uw limiet onder de zelfbeoordeling: {limit}, op basis van uw betalingservaringen.",
    "self_assessment_limit.limit_credit_report": "Uw limiet onder de zelfbeoordeling: {limit}, op basis van het kredietrapport.",
    "self_assessment_limit.limit_none": "Geen enkele betaling telt mee en er is geen bruikbaar kredietrapport: de limiet is {limit}.",
    "payout.unpaid": "Openstaand {outstanding} min geïnd {recovered} geeft een onbetaald saldo van {unpaid}.",
    "payout.vat": "Btw van {rate} is niet verzekerd: {vat} daarvan is btw, er blijft {net} exclusief btw.",
    "payout.mkbzeker_cap": "Dit product dekt hoogstens {cap} per klant, dus een limiet van {limit} telt als {cap}.",
    "payout.insured": (
        "Van {net} is het deel tot de kredietlimiet van {limit} verzekerd: {insured}. "
        "Niet verzekerd, boven de limiet: {uninsured}."),
    "payout.below_threshold": (
        "Het onbetaalde saldo van {unpaid} ligt onder de interventiedrempel van {threshold}: "
        "de verzekeraar keert niet uit."),
    "payout.coverage": (
        "De verzekeraar betaalt {pct} van {insured}: {gross}. Uw eigen risico is {own_pct}: {own_risk}."),
    "payout.max_payout": "De polis keert hoogstens {max} uit, dus {gross} wordt {max}.",
    "payout.result": "De verzekeraar keert {payout} uit van het onbetaalde saldo van {unpaid}.",
    "eligibility.ok_is_entrepreneur": "U bent ondernemer.",
    "eligibility.fail_is_entrepreneur": "Het product is alleen voor ondernemers.",
    "eligibility.ok_customers_are_businesses": "Uw klanten zijn bedrijven.",
    "eligibility.fail_customers_are_businesses": "Uw klanten zijn geen bedrijven: het dekt alleen zakelijke klanten.",
    "eligibility.ok_sells_on_account": "U levert op rekening (nu factureren, later betaald worden).",
    "eligibility.fail_sells_on_account": "U levert niet op rekening, dus er is geen krediet om te verzekeren.",
    "eligibility.ok_has_unpaid_invoices": "U hebt last van onbetaalde facturen.",
    "eligibility.fail_has_unpaid_invoices": "U hebt geen onbetaalde facturen om u tegen te beschermen.",
    "eligibility.ok_has_credit_insurance": "U hebt nog geen kredietverzekering.",
    "eligibility.fail_has_credit_insurance": "U hebt al een kredietverzekering.",
    "eligibility.ok_turnover": "Uw omzet van {turnover} is hoogstens {max}.",
    "eligibility.fail_turnover": "Uw omzet van {turnover} ligt boven het maximum van {max}.",
    "eligibility.country_covered": "Het land van uw klant, {country}, hoort bij de gedekte landen ({countries}).",
    "eligibility.country_not_covered": "Het land van uw klant, {country}, hoort niet bij de gedekte landen ({countries}).",
    "eligibility.eligible": "Alle antwoorden passen: het product is bedoeld voor een bedrijf zoals het uwe.",
    "eligibility.not_eligible": "Niet alle antwoorden passen: dit product is niet bedoeld voor uw bedrijf.",
    "eligibility.advice.not_entrepreneur": "Particulieren kunnen facturen niet verzekeren; kijk naar juridische hulp bij incasso.",
    "eligibility.advice.customers_not_businesses": "Bij consumenten als klant past een incassodienst beter dan een kredietverzekering.",
    "eligibility.advice.not_selling_on_account": "Bij vooruitbetaling of betaling bij levering is het kredietrisico klein; houd dat zo.",
    "eligibility.advice.no_unpaid_invoices": "Zonder onbetaalde facturen begint u met preventie: check de kredietwaardigheid van nieuwe klanten.",
    "eligibility.advice.already_insured": "Kijk wat uw huidige polis dekt en vraag uw verzekeraar naar de limieten.",
    "eligibility.advice.turnover_too_high": "Bij deze omzet past een kredietverzekering op maat.",
    "eligibility.advice.country_not_covered": "Voor klanten in andere landen vraagt u naar een exportkredietverzekering.",
    "claim_timeline.due": "Factuur van {invoice} met een termijn van {days} dagen: vervalt op {due}.",
    "claim_timeline.hand_over": "Gewoonlijk maant u na {due} ongeveer {months} maanden zelf aan en draagt u het dossier daarna over: rond {hand_over}. Dat is een gemiddelde, geen uiterste termijn: de bindende termijnen staan in uw polis.",
    "claim_timeline.latest_payout": "De verzekeraar betaalt uiterlijk {months} maanden na de overdracht van {hand_over}: op {payout}.",
    "claim_timeline.label.invoice": "Factuur",
    "claim_timeline.label.due": "Vervaldatum",
    "claim_timeline.label.hand_over": "Gebruikelijke overdracht aan de verzekeraar",
    "claim_timeline.label.latest_payout": "Uiterlijke uitkering",
}

FR: dict[str, str] = {
    "error.required": "Ce champ est obligatoire.",
    "error.required_with": "Remplissez-le avec {other}.",
    "error.unknown_field": "Champ inconnu « {name} » : vérifiez l'orthographe.",
    "error.invalid_payload": "La demande doit être un objet JSON.",
    "error.invalid_json": "La demande n'est pas un JSON valide.",
    "error.unknown_calculator": "Il n'y a pas de calculateur « {name} ». Choisissez parmi : {names}.",
    "error.invalid_number": "Saisissez un montant, par exemple 2 500,00.",
    "error.float_not_allowed": "Transmettez ce montant sous forme de texte comme \"2500.00\" ou de nombre exact.",
    "error.not_finite": "Saisissez un vrai montant, pas NaN ni l'infini.",
    "error.negative": "Cette valeur ne peut pas être négative.",
    "error.too_large": "Valeur trop grande : au plus {maximum}.",
    "error.too_many_decimals": "Utilisez au plus {places} décimales.",
    "error.invalid_integer": "Saisissez un nombre entier, par exemple 30.",
    "error.invalid_boolean": "Répondez par oui ou par non.",
    "error.invalid_date": "Saisissez une date réelle au format AAAA-MM-JJ.",
    "error.date_out_of_range": "Saisissez une date entre {first} et {last}.",
    "error.invalid_text": "Saisissez ceci sous forme de texte.",
    "error.text_too_long": "Ce texte est trop long : {maximum} caractères au plus.",
    "error.too_many_lines": "Trop de lignes : {maximum} au plus.",
    "error.invalid_choice": "Choisissez parmi : {choices}.",
    "error.invalid_country": "Saisissez un code pays de deux lettres, par exemple FR.",
    "error.invalid_list": "Cette valeur doit être une liste.",
    "error.invalid_object": "Chaque ligne doit être un objet avec ses propres champs.",
    "error.too_many_items": "Trop de lignes : au plus {maximum}.",
    "error.paid_before_invoice": "La date de paiement précède la date de facture.",
    "error.after_as_of": "Cette date est postérieure à la date de référence.",
    "error.exceeds_outstanding": "Le montant récupéré ne peut pas dépasser l'encours.",
    "error.internal_error": "Le calcul a échoué de notre côté, pas à cause de votre saisie. Merci de nous le signaler.",
    "self_assessment_limit.rule": (
        "Un paiement compte s'il est arrivé au plus {days} jours après l'échéance, entre le {since} "
        "et le {as_of} (les {months} derniers mois), avec un délai de paiement d'au moins {term} jours. "
        "La limite est le total de ces paiements, au plus {cap}."),
    "self_assessment_limit.experience_counted": (
        "Facture {index} : {amount}, délai {term} jours, payée le {paid}, {late} jours après l'échéance : compte."),
    "self_assessment_limit.experience_too_old": (
        "Facture {index} : {amount}, payée le {paid} : antérieure à la période retenue, ne compte pas."),
    "self_assessment_limit.experience_shorter_payment_term": (
        "Facture {index} : {amount}, délai {term} jours : plus court que le nouveau délai de {new_term} jours, "
        "ne compte pas."),
    "self_assessment_limit.experience_paid_too_late": (
        "Facture {index} : {amount}, payée le {paid}, {late} jours après l'échéance : plus de {max_late} jours "
        "de retard, ne compte pas."),
    "self_assessment_limit.more_counted": "Factures {first} à {last} retenues : {count}, soit {total}.",
    "self_assessment_limit.more_too_old": (
        "Factures {first} à {last} payées avant la période retenue : {count}, soit {total} ; "
        "elles ne comptent pas."),
    "self_assessment_limit.more_shorter_payment_term": (
        "Factures {first} à {last} avec un délai inférieur à {new_term} jours : {count}, soit {total} ; "
        "elles ne comptent pas."),
    "self_assessment_limit.more_paid_too_late": (
        "Factures {first} à {last} payées plus de {max_late} jours après l'échéance : {count}, "
        "soit {total} ; elles ne comptent pas."),
    "self_assessment_limit.total": "Paiements retenus : {count}, soit {total} au total.",
    "self_assessment_limit.capped": "{total} dépasse le maximum : la limite est plafonnée à {cap}.",
    "self_assessment_limit.report_used": (
        "Le rapport de crédit est assez récent : il admet {amount}, ce qui donne une couverture de {limit} "
        "(au plus {cap})."),
    "self_assessment_limit.report_too_old": (
        "Le rapport de crédit du {date} est antérieur au {since} : il ne peut pas fixer la couverture."),
    "self_assessment_limit.limit_payment_experiences": "Votre limite en auto-évaluation : {limit}, d'après vos expériences de paiement.",
    "self_assessment_limit.limit_credit_report": "Votre limite en auto-évaluation : {limit}, d'après le rapport de crédit.",
    "self_assessment_limit.limit_none": "Aucun paiement ne compte et aucun rapport de crédit n'est utilisable : la limite est de {limit}.",
    "payout.unpaid": "Encours {outstanding} moins {recovered} récupérés : il reste {unpaid} impayés.",
    "payout.vat": "La TVA de {rate} n'est pas couverte : {vat} de TVA, il reste {net} hors taxe.",
    "payout.mkbzeker_cap": "Ce produit couvre au plus {cap} par client : une limite de {limit} compte pour {cap}.",
    "payout.insured": (
        "Sur {net}, la part jusqu'à la limite de crédit de {limit} est assurée : {insured}. "
        "Non assuré, au-delà de la limite : {uninsured}."),
    "payout.below_threshold": (
        "Le solde impayé de {unpaid} est inférieur au seuil d'intervention de {threshold} : "
        "l'assureur n'indemnise pas."),
    "payout.coverage": (
        "L'assureur paie {pct} de {insured} : {gross}. Votre quotité non garantie est de {own_pct} : {own_risk}."),
    "payout.max_payout": "La police indemnise au plus {max} : {gross} est ramené à {max}.",
    "payout.result": "L'assureur verse {payout} sur un solde impayé de {unpaid}.",
    "eligibility.ok_is_entrepreneur": "Vous êtes entrepreneur.",
    "eligibility.fail_is_entrepreneur": "Le produit est réservé aux entrepreneurs.",
    "eligibility.ok_customers_are_businesses": "Vos clients sont des entreprises.",
    "eligibility.fail_customers_are_businesses": "Vos clients ne sont pas des entreprises : seuls les clients professionnels sont couverts.",
    "eligibility.ok_sells_on_account": "Vous vendez à crédit (facture maintenant, paiement plus tard).",
    "eligibility.fail_sells_on_account": "Vous ne vendez pas à crédit : il n'y a pas de crédit à assurer.",
    "eligibility.ok_has_unpaid_invoices": "Vous êtes confronté à des factures impayées.",
    "eligibility.fail_has_unpaid_invoices": "Vous n'avez pas de factures impayées contre lesquelles vous protéger.",
    "eligibility.ok_has_credit_insurance": "Vous n'avez pas encore d'assurance-crédit.",
    "eligibility.fail_has_credit_insurance": "Vous avez déjà une assurance-crédit.",
    "eligibility.ok_turnover": "Votre chiffre d'affaires de {turnover} ne dépasse pas {max}.",
    "eligibility.fail_turnover": "Votre chiffre d'affaires de {turnover} dépasse le maximum de {max}.",
    "eligibility.country_covered": "Le pays de votre client ({country}) fait partie des pays couverts ({countries}).",
    "eligibility.country_not_covered": "Le pays de votre client ({country}) ne fait pas partie des pays couverts ({countries}).",
    "eligibility.eligible": "Toutes les réponses conviennent : le produit est conçu pour une entreprise comme la vôtre.",
    "eligibility.not_eligible": "Certaines réponses ne conviennent pas : ce produit n'est pas conçu pour votre entreprise.",
    "eligibility.advice.not_entrepreneur": "Un particulier ne peut pas assurer ses factures ; tournez-vous vers une aide juridique au recouvrement.",
    "eligibility.advice.customers_not_businesses": "Avec des clients particuliers, un service de recouvrement convient mieux qu'une assurance-crédit.",
    "eligibility.advice.not_selling_on_account": "Avec un paiement d'avance ou à la livraison, le risque de crédit est faible : gardez ce mode.",
    "eligibility.advice.no_unpaid_invoices": "Sans factures impayées, commencez par la prévention : vérifiez la solvabilité des nouveaux clients.",
    "eligibility.advice.already_insured": "Vérifiez ce que couvre votre police actuelle et interrogez votre assureur sur ses limites.",
    "eligibility.advice.turnover_too_high": "À ce chiffre d'affaires, demandez une assurance-crédit sur mesure.",
    "eligibility.advice.country_not_covered": "Pour des clients dans d'autres pays, renseignez-vous sur une assurance-crédit export.",
    "claim_timeline.due": "Facture du {invoice} avec un délai de {days} jours : échéance le {due}.",
    "claim_timeline.hand_over": "En général, vous relancez vous-même pendant environ {months} mois après le {due}, puis vous transmettez le dossier : vers le {hand_over}. C'est une durée moyenne, pas un délai : les délais qui vous engagent figurent dans votre police.",
    "claim_timeline.latest_payout": "L'assureur indemnise au plus tard {months} mois après la transmission du {hand_over} : le {payout}.",
    "claim_timeline.label.invoice": "Facture",
    "claim_timeline.label.due": "Échéance",
    "claim_timeline.label.hand_over": "Transmission habituelle à l'assureur",
    "claim_timeline.label.latest_payout": "Indemnisation au plus tard",
}

CATALOGUES: dict[str, dict[str, str]] = {"en": EN, "nl": NL, "fr": FR}


def _register(*tables: Any) -> None:
    """Merge a calculator's own catalogue module (``EN``, ``NL``, ``FR`` dicts) into the tables above.

    New calculators keep their strings in ``messages_<name>.py`` (DESIGN: split by calculator, not by
    language); a key defined twice is a bug, caught here at import.
    """
    for table in tables:
        for lang, catalogue in (("en", table.EN), ("nl", table.NL), ("fr", table.FR)):
            clash = CATALOGUES[lang].keys() & catalogue.keys()
            if clash:
                raise KeyError(f"message keys defined twice: {sorted(clash)}")
            CATALOGUES[lang].update(catalogue)


from . import messages_insurance_value, messages_late_payment, messages_portfolio  # noqa: E402

_register(messages_late_payment, messages_portfolio, messages_insurance_value)

# The letter sheet (issue 23).
from . import messages_letter_sheet  # noqa: E402

_register(messages_letter_sheet)
# -- issue 18: the ledger readers (files, e-invoices, bank statements) --
from . import messages_ledgers  # noqa: E402

_register(messages_ledgers)
# collections (its own catalogue)
from . import messages_collections  # noqa: E402

_register(messages_collections)
# -- receivables health (DSO, payment behaviour, provision) --
from . import messages_portfolio_health  # noqa: E402

_register(messages_portfolio_health)
