"""The insurance_value calculator's strings, one table per language (merged into ``messages.CATALOGUES``)."""

# ruff: noqa: E501 -- a translation reads (and greps) best on one line

from __future__ import annotations

EN: dict[str, str] = {
    "error.premium_and_rate": "Give either the quoted premium or the premium rate, not both.",
    "error.premium_or_rate": "Give the premium rate or the quoted annual premium.",
    "error.zero_margin": "With a margin of 0 no sales earn a loss back: the figure cannot be computed. Enter a margin above 0 or leave it empty.",
    "insurance_value.insured_turnover": "Insured turnover: {pct} of your turnover on credit of {turnover} is covered by customer limits: {insured}.",
    "insurance_value.premium_quoted": "Premium: the quoted {premium} a year.",
    "insurance_value.premium_quoted_rate": "That is {pct} of the insured turnover of {insured}.",
    "insurance_value.premium_rate": "Premium: {pct} of the insured turnover of {insured} = {premium} a year (rounded to the cent).",
    "insurance_value.break_even": "Break-even: the insurer pays {coverage} of what is lost on {insured}, so the premium of {premium} is matched by the expected payout at a loss rate of {pct} of turnover on credit.",
    "insurance_value.break_even_none": "No break-even loss rate: with {insured} insured at {coverage} cover, the insurer is expected to pay nothing.",
    "insurance_value.expected_loss": "Expected loss: {pct} of {turnover} = {loss} a year, by your own history of bad debts.",
    "insurance_value.expected_payout": "Expected payout: {pct} lost on the insured {insured}, of which the insurer pays {coverage}: {payout}.",
    "insurance_value.net_gain": "The expected payout of {payout} exceeds the premium of {premium} by {net}.",
    "insurance_value.net_cost": "The premium of {premium} exceeds the expected payout of {payout} by {net}: that is what the cover costs you on average, the price of protection against a large loss.",
    "insurance_value.net_even": "The expected payout of {payout} equals the premium of {premium}.",
    "insurance_value.largest": "Largest customer: if the {exposure} it owes were lost, without cover you bear all of it; with a limit of {limit} the payout calculator gives {payout}, and {kept} remains yours.",
    "insurance_value.sales_to_replace": "At a net margin of {margin}, earning back a loss of {loss} takes {sales} of extra sales; with cover, earning back the {kept} that remains yours takes {sales_insured}.",
    "insurance_value.caveat": "These are expectations from the figures you entered, not a forecast: one large failure costs far more than an average year. The insurer's quote and the policy's terms prevail.",
}

NL: dict[str, str] = {
    "error.premium_and_rate": "Vul de offertepremie of het premiepercentage in, niet allebei.",
    "error.premium_or_rate": "Vul het premiepercentage of de jaarpremie uit de offerte in.",
    "error.zero_margin": "Bij een marge van 0 verdient geen enkele verkoop een verlies terug: dit is niet te berekenen. Vul een marge boven 0 in of laat het veld leeg.",
    "insurance_value.insured_turnover": "Verzekerde omzet: {pct} van uw omzet op rekening van {turnover} valt onder kredietlimieten: {insured}.",
    "insurance_value.premium_quoted": "Premie: de geoffreerde {premium} per jaar.",
    "insurance_value.premium_quoted_rate": "Dat is {pct} van de verzekerde omzet van {insured}.",
    "insurance_value.premium_rate": "Premie: {pct} van de verzekerde omzet van {insured} = {premium} per jaar (afgerond op de cent).",
    "insurance_value.break_even": "Omslagpunt: de verzekeraar betaalt {coverage} van wat op {insured} verloren gaat, dus de premie van {premium} wordt door de verwachte uitkering gedekt bij een verliespercentage van {pct} van de omzet op rekening.",
    "insurance_value.break_even_none": "Geen omslagpunt: met {insured} verzekerd tegen {coverage} dekking keert de verzekeraar naar verwachting niets uit.",
    "insurance_value.expected_loss": "Verwacht verlies: {pct} van {turnover} = {loss} per jaar, volgens uw eigen geschiedenis van oninbare vorderingen.",
    "insurance_value.expected_payout": "Verwachte uitkering: {pct} verlies op de verzekerde {insured}, waarvan de verzekeraar {coverage} betaalt: {payout}.",
    "insurance_value.net_gain": "De verwachte uitkering van {payout} is {net} hoger dan de premie van {premium}.",
    "insurance_value.net_cost": "De premie van {premium} is {net} hoger dan de verwachte uitkering van {payout}: zoveel kost de dekking u gemiddeld, de prijs van bescherming tegen een groot verlies.",
    "insurance_value.net_even": "De verwachte uitkering van {payout} is gelijk aan de premie van {premium}.",
    "insurance_value.largest": "Grootste klant: als de {exposure} die deze klant u schuldig is verloren gaat, draagt u zonder dekking alles zelf; met een limiet van {limit} geeft de uitkeringscalculator {payout} en blijft {kept} voor uw rekening.",
    "insurance_value.sales_to_replace": "Bij een nettomarge van {margin} is voor het terugverdienen van een verlies van {loss} {sales} extra omzet nodig; met dekking kost het terugverdienen van de {kept} die voor uw rekening blijft {sales_insured}.",
    "insurance_value.caveat": "Dit zijn verwachtingen op basis van uw eigen cijfers, geen voorspelling: één groot faillissement kost veel meer dan een gemiddeld jaar. De offerte van de verzekeraar en de polisvoorwaarden gaan voor.",
}

FR: dict[str, str] = {
    "error.premium_and_rate": "Indiquez soit la prime proposée, soit le taux de prime, pas les deux.",
    "error.premium_or_rate": "Indiquez le taux de prime ou la prime annuelle proposée.",
    "error.zero_margin": "Avec une marge de 0, aucune vente ne compense une perte : ce chiffre ne peut pas être calculé. Indiquez une marge supérieure à 0 ou laissez le champ vide.",
    "insurance_value.insured_turnover": "Chiffre d'affaires assuré : {pct} de votre chiffre d'affaires à crédit de {turnover} est couvert par des limites de crédit : {insured}.",
    "insurance_value.premium_quoted": "Prime : {premium} par an, selon l'offre.",
    "insurance_value.premium_quoted_rate": "Cela représente {pct} du chiffre d'affaires assuré de {insured}.",
    "insurance_value.premium_rate": "Prime : {pct} du chiffre d'affaires assuré de {insured} = {premium} par an (arrondi au centime).",
    "insurance_value.break_even": "Point mort : l'assureur paie {coverage} de ce qui est perdu sur {insured} ; la prime de {premium} est donc compensée par l'indemnisation attendue à un taux de perte de {pct} du chiffre d'affaires à crédit.",
    "insurance_value.break_even_none": "Pas de point mort : avec {insured} assurés à {coverage} de quotité garantie, l'assureur ne devrait rien verser.",
    "insurance_value.expected_loss": "Perte attendue : {pct} de {turnover} = {loss} par an, d'après votre propre historique d'impayés.",
    "insurance_value.expected_payout": "Indemnisation attendue : {pct} de perte sur les {insured} assurés, dont l'assureur paie {coverage} : {payout}.",
    "insurance_value.net_gain": "L'indemnisation attendue de {payout} dépasse la prime de {premium} de {net}.",
    "insurance_value.net_cost": "La prime de {premium} dépasse l'indemnisation attendue de {payout} de {net} : c'est ce que la couverture vous coûte en moyenne, le prix de la protection contre une grosse perte.",
    "insurance_value.net_even": "L'indemnisation attendue de {payout} égale la prime de {premium}.",
    "insurance_value.largest": "Plus gros client : si les {exposure} qu'il vous doit étaient perdus, sans assurance vous perdez tout ; avec une limite de {limit}, le calculateur d'indemnisation donne {payout} et {kept} reste à votre charge.",
    "insurance_value.sales_to_replace": "Avec une marge nette de {margin}, compenser une perte de {loss} demande {sales} de ventes supplémentaires ; avec l'assurance, compenser les {kept} restant à votre charge demande {sales_insured}.",
    "insurance_value.caveat": "Ce sont des espérances calculées sur vos chiffres, pas une prévision : une seule grosse défaillance coûte bien plus qu'une année moyenne. L'offre de l'assureur et les conditions de la police prévalent.",
}
