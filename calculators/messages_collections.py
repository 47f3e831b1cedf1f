"""The collections run's strings, one table per language (merged into ``messages.CATALOGUES``)."""

# ruff: noqa: E501 -- a translation reads (and greps) best on one line

from __future__ import annotations

EN: dict[str, str] = {
    "error.duplicate_details": "This customer's details were already given ({first}).",
    "collections.read": "Invoices read: {invoices}, of {customers} customers; on {as_of}, {late} customers have an undisputed invoice past its due date.",
    "collections.rejected": "Rows set aside because they could not be used: {count} (each listed with the reason); the run counts the others.",
    "collections.no_details": "{count} customers have no details: their letters follow your own country, a business debtor and the page's language. Check them.",
    "collections.disputed": "Disputed invoices left out of the claims and the letters: {count}. A disputed invoice is excluded from cover until the dispute is settled.",
    "collections.claims": "Each claim is the late-payment calculator's, on exactly that customer's overdue invoices, for its country and kind of debtor; open credit notes count as payments.",
    "collections.anchor": "Every stage counts from the due date of the customer's oldest overdue invoice.",
    "collections.letters": "Letters: a reminder the day after that due date, then the formal notice (for a Dutch consumer, the 14-day letter) once the reminder's {days} days have run, unless you set other days.",
    "collections.deadline_unset": "{stage}: your policy sets this deadline; enter it to see the date.",
    "collections.deadline_policy": "{stage}: {months} months and {days} days after that due date, as you entered it from your policy.",
    "collections.deadline_rule": "{stage}: {months} months and {days} days after that due date ({source}). Your policy's own figure takes precedence: enter it if it differs.",
    "collections.totals": "{customers} customers to chase, {total} claimed in all; {passed} of them with a policy deadline already passed.",
    "collections.stage.notify_insurer": "Notify the insurer",
    "collections.stage.stop_deliveries": "Stop deliveries",
    "collections.stage.hand_over": "Hand over the claim",
    "collections.source.handling_months": "the receivables report's hand-over rule: on average about two months, a typical period rather than a deadline",
    "collections.source.atradius_stop_deliveries_months": "Atradius: cover stops, and deliveries with it, usually when the maximum extension period of the oldest outstanding invoice ends",
    "collections.source.atradius_hand_over_days_after_stop": "Atradius: the collection is transferred within a set number of days after the maximum extension period expires",
    "collections.source.coface_easyliner_notify_days": "Coface EasyLiner: notify within a set number of days after the invoice due date",
}

NL: dict[str, str] = {
    "error.duplicate_details": "De gegevens van deze klant zijn al opgegeven ({first}).",
    "collections.read": "Facturen gelezen: {invoices}, van {customers} klanten; op {as_of} hebben {late} klanten een onbetwiste factuur die over de vervaldatum is.",
    "collections.rejected": "Regels die niet te gebruiken waren en opzij zijn gelegd: {count} (elk met de reden); de run telt de andere.",
    "collections.no_details": "Van {count} klanten zijn geen gegevens bekend: hun brieven gaan uit van uw eigen land, een zakelijke klant en de taal van de pagina. Controleer ze.",
    "collections.disputed": "Betwiste facturen buiten de vorderingen en de brieven gelaten: {count}. Een betwiste factuur valt buiten de dekking zolang het geschil loopt.",
    "collections.claims": "Elke vordering is die van de rekenhulp voor te late betaling, op precies de achterstallige facturen van die klant, voor diens land en soort klant; openstaande creditnota's tellen als betalingen.",
    "collections.anchor": "Elke stap telt vanaf de vervaldatum van de oudste achterstallige factuur van de klant.",
    "collections.letters": "Brieven: een herinnering de dag na die vervaldatum, daarna de ingebrekestelling (voor een Nederlandse consument de veertiendagenbrief) zodra de {days} dagen van de herinnering voorbij zijn, tenzij u andere dagen instelt.",
    "collections.deadline_unset": "{stage}: deze termijn staat in uw polis; vul hem in om de datum te zien.",
    "collections.deadline_policy": "{stage}: {months} maanden en {days} dagen na die vervaldatum, zoals u hem uit uw polis invulde.",
    "collections.deadline_rule": "{stage}: {months} maanden en {days} dagen na die vervaldatum ({source}). Het cijfer van uw eigen polis gaat voor: vul het in als het afwijkt.",
    "collections.totals": "{customers} klanten om aan te manen, samen {total} gevorderd; bij {passed} van hen is een termijn van de polis al verstreken.",
    "collections.stage.notify_insurer": "Verzekeraar melden",
    "collections.stage.stop_deliveries": "Leveringen stoppen",
    "collections.stage.hand_over": "Vordering overdragen",
    "collections.source.handling_months": "de overdrachtsregel van het debiteurenoverzicht: gemiddeld zo'n twee maanden, een gangbare periode en geen termijn",
    "collections.source.atradius_stop_deliveries_months": "Atradius: de dekking stopt, en daarmee de leveringen, meestal wanneer de maximale uitstelperiode van de oudste openstaande factuur afloopt",
    "collections.source.atradius_hand_over_days_after_stop": "Atradius: de incasso wordt binnen een vast aantal dagen na het verstrijken van de maximale uitstelperiode overgedragen",
    "collections.source.coface_easyliner_notify_days": "Coface EasyLiner: melden binnen een vast aantal dagen na de vervaldatum van de factuur",
}

FR: dict[str, str] = {
    "error.duplicate_details": "Les coordonnées de ce client ont déjà été données ({first}).",
    "collections.read": "Factures lues : {invoices}, de {customers} clients ; au {as_of}, {late} clients ont une facture non contestée échue et impayée.",
    "collections.rejected": "Lignes écartées parce qu'elles ne pouvaient pas servir : {count} (chacune avec sa raison) ; le traitement compte les autres.",
    "collections.no_details": "{count} clients n'ont pas de coordonnées : leurs lettres suivent votre propre pays, un débiteur professionnel et la langue de la page. Vérifiez-les.",
    "collections.disputed": "Factures contestées laissées hors des créances et des lettres : {count}. Une facture contestée est exclue de la couverture tant que le litige dure.",
    "collections.claims": "Chaque créance est celle du calculateur de retard de paiement, sur exactement les factures échues de ce client, pour son pays et sa catégorie de débiteur ; les avoirs ouverts comptent comme paiements.",
    "collections.anchor": "Chaque étape se compte à partir de l'échéance de la plus ancienne facture impayée du client.",
    "collections.letters": "Lettres : une relance le lendemain de cette échéance, puis la mise en demeure (pour un consommateur néerlandais, la lettre de quatorze jours) une fois écoulés les {days} jours de la relance, sauf si vous fixez d'autres jours.",
    "collections.deadline_unset": "{stage} : ce délai figure dans votre police ; saisissez-le pour voir la date.",
    "collections.deadline_policy": "{stage} : {months} mois et {days} jours après cette échéance, tel que vous l'avez saisi d'après votre police.",
    "collections.deadline_rule": "{stage} : {months} mois et {days} jours après cette échéance ({source}). Le chiffre de votre propre police prime : saisissez-le s'il diffère.",
    "collections.totals": "{customers} clients à relancer, {total} réclamés au total ; pour {passed} d'entre eux un délai de la police est déjà dépassé.",
    "collections.stage.notify_insurer": "Déclarer à l'assureur",
    "collections.stage.stop_deliveries": "Arrêter les livraisons",
    "collections.stage.hand_over": "Transmettre la créance",
    "collections.source.handling_months": "la règle de transmission du rapport des créances : environ deux mois en moyenne, une durée habituelle et non un délai",
    "collections.source.atradius_stop_deliveries_months": "Atradius : la couverture s'arrête, et les livraisons avec elle, en général à l'expiration du délai maximal de prorogation de la plus ancienne facture impayée",
    "collections.source.atradius_hand_over_days_after_stop": "Atradius : le recouvrement est transmis dans un nombre de jours fixé après l'expiration du délai maximal de prorogation",
    "collections.source.coface_easyliner_notify_days": "Coface EasyLiner : déclarer dans un nombre de jours fixé après l'échéance de la facture",
}
