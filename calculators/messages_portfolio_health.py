"""The receivables health strings (DSO, payment behaviour, provision), one table per language.

Merged into ``messages.CATALOGUES`` like :mod:`calculators.messages_portfolio`; the steps are the
portfolio report's, so their keys start with ``portfolio.health_``.
"""

# ruff: noqa: E501 -- a translation reads (and greps) best on one line

from __future__ import annotations

EN: dict[str, str] = {
    "portfolio.health_dso": "Days sales outstanding (DSO): open {open} ÷ invoiced in the last {days} days {sales} × {days} = {dso} days.",
    "portfolio.health_dso_none": "Nothing was invoiced in the year up to {as_of}: no DSO.",
    "portfolio.health_countback": "Countback DSO: the open balance covers the invoicing of the last {dso} days, counting back calendar month by calendar month from the newest.",
    "portfolio.health_behaviour": "Payment behaviour: the average days late of each customer's paid invoices, weighted by amount, and a score from 0 to 100 (80 is paid on the due date). Customers whose average in the last {recent} months is {days} days or more above the {earlier} months before: {later}.",
    "portfolio.health_provision_none": "No bad-debt provision: give a rate per age, or a ledger with enough settled invoices ({settled} settled, of which {written_off} written off; at least {min_settled}, {min_written_off} written off and {min_bucket} in every age are needed).",
    "portfolio.health_provision_given": "Bad-debt provision with the rates you gave: {rates}.",
    "portfolio.health_provision_history": "Bad-debt provision with rates learned from the ledger (the written-off share of the invoices that reached each age): {rates}.",
    "portfolio.health_provision_total": "Provision: {provision}, of which the cover would pay back {insured}; not insured: {uninsured}.",
    "portfolio.health_bucket.not_due": "not due",
    "portfolio.health_bucket.days_1_30": "1-30 days",
    "portfolio.health_bucket.days_31_60": "31-60 days",
    "portfolio.health_bucket.days_61_90": "61-90 days",
    "portfolio.health_bucket.days_over_90": "over 90 days",
}

NL: dict[str, str] = {
    "portfolio.health_dso": "Gemiddelde betaaltermijn (DSO): open {open} ÷ gefactureerd in de laatste {days} dagen {sales} × {days} = {dso} dagen.",
    "portfolio.health_dso_none": "In het jaar tot {as_of} is niets gefactureerd: geen DSO.",
    "portfolio.health_countback": "DSO volgens de terugtelmethode: het openstaande saldo dekt de facturatie van de laatste {dso} dagen, maand voor maand teruggeteld vanaf de nieuwste.",
    "portfolio.health_behaviour": "Betaalgedrag: het gemiddelde aantal dagen te laat van de betaalde facturen per klant, gewogen naar bedrag, en een score van 0 tot 100 (80 is betaald op de vervaldag). Klanten bij wie het gemiddelde in de laatste {recent} maanden {days} dagen of meer hoger ligt dan in de {earlier} maanden daarvoor: {later}.",
    "portfolio.health_provision_none": "Geen voorziening voor dubieuze debiteuren: geef een percentage per ouderdom, of een overzicht met genoeg afgewikkelde facturen ({settled} afgewikkeld, waarvan {written_off} afgeboekt; nodig zijn er minstens {min_settled}, waarvan {min_written_off} afgeboekt, en {min_bucket} in elke ouderdom).",
    "portfolio.health_provision_given": "Voorziening voor dubieuze debiteuren met uw percentages: {rates}.",
    "portfolio.health_provision_history": "Voorziening voor dubieuze debiteuren met percentages uit het overzicht zelf (het afgeboekte deel van de facturen die elke ouderdom bereikten): {rates}.",
    "portfolio.health_provision_total": "Voorziening: {provision}, waarvan de dekking {insured} zou terugbetalen; onverzekerd: {uninsured}.",
    "portfolio.health_bucket.not_due": "niet vervallen",
    "portfolio.health_bucket.days_1_30": "1-30 dagen",
    "portfolio.health_bucket.days_31_60": "31-60 dagen",
    "portfolio.health_bucket.days_61_90": "61-90 dagen",
    "portfolio.health_bucket.days_over_90": "meer dan 90 dagen",
}

FR: dict[str, str] = {
    "portfolio.health_dso": "Délai moyen de paiement (DSO) : encours {open} ÷ facturé sur les {days} derniers jours {sales} × {days} = {dso} jours.",
    "portfolio.health_dso_none": "Rien n'a été facturé dans l'année jusqu'au {as_of} : pas de DSO.",
    "portfolio.health_countback": "DSO par épuisement : l'encours couvre la facturation des {dso} derniers jours, en remontant mois civil par mois civil depuis le plus récent.",
    "portfolio.health_behaviour": "Comportement de paiement : le retard moyen des factures payées de chaque client, pondéré par les montants, et une note de 0 à 100 (80 = payé à l'échéance). Clients dont le retard moyen des {recent} derniers mois dépasse de {days} jours ou plus celui des {earlier} mois précédents : {later}.",
    "portfolio.health_provision_none": "Pas de provision pour créances douteuses : indiquez un taux par ancienneté, ou un relevé avec assez de factures soldées ({settled} soldées, dont {written_off} passées en perte ; il en faut au moins {min_settled}, dont {min_written_off} en perte, et {min_bucket} dans chaque ancienneté).",
    "portfolio.health_provision_given": "Provision pour créances douteuses aux taux indiqués : {rates}.",
    "portfolio.health_provision_history": "Provision pour créances douteuses aux taux tirés du relevé lui-même (la part passée en perte des factures ayant atteint chaque ancienneté) : {rates}.",
    "portfolio.health_provision_total": "Provision : {provision}, dont l'assurance rembourserait {insured} ; non assuré : {uninsured}.",
    "portfolio.health_bucket.not_due": "non échu",
    "portfolio.health_bucket.days_1_30": "1 à 30 jours",
    "portfolio.health_bucket.days_31_60": "31 à 60 jours",
    "portfolio.health_bucket.days_61_90": "61 à 90 jours",
    "portfolio.health_bucket.days_over_90": "plus de 90 jours",
}
