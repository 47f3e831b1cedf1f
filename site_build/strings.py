"""Every translated string of the site's frame (not of the articles): one table per locale.

The theme override, the 404 page and the build's hook read these; the articles
have their own text. A test checks that every key exists in every locale with
the same ``{placeholders}``.
"""

from __future__ import annotations

from calculators.messages import COUNTRY_NAMES

EN: dict[str, str] = {
    "site.name": "Unpaid invoices",
    "site.description": (
        "Credit insurance, debtor risk and debt collection explained for entrepreneurs who sell on credit."),
    "nav.calculators": "Calculators",
    "disclaimer.label": "General information",
    "disclaimer.text": (
        "This site gives general information, not legal or financial advice. "
        "The figures of the source articles were last checked on {date}; each guide dates its legal sources, "
        "and your own policy conditions always prevail."),
    "palette.to_dark": "Switch to dark mode",
    "palette.to_light": "Switch to light mode",
    "notfound.title": "Page not found",
    "notfound.text": "This page does not exist (any more). Go back, or open the home page of the site.",
    "list.and": "and",
}

NL: dict[str, str] = {
    "site.name": "Onbetaalde facturen",
    "site.description": (
        "Kredietverzekering, debiteurenrisico en incasso uitgelegd voor ondernemers die op rekening leveren."),
    "nav.calculators": "Rekenhulpen",
    "disclaimer.label": "Algemene informatie",
    "disclaimer.text": (
        "Deze site geeft algemene informatie, geen juridisch of financieel advies. "
        "De bedragen uit de bronartikelen zijn het laatst gecontroleerd op {date}; elke gids dateert zijn "
        "wettelijke bronnen, en de voorwaarden van uw eigen polis gaan altijd voor."),
    "palette.to_dark": "Donkere modus",
    "palette.to_light": "Lichte modus",
    "notfound.title": "Pagina niet gevonden",
    "notfound.text": "Deze pagina bestaat niet (meer). Ga terug, of open de startpagina van de site.",
    "list.and": "en",
}

FR: dict[str, str] = {
    "site.name": "Factures impayées",
    "site.description": (
        "L’assurance-crédit, le risque client et le recouvrement expliqués aux entrepreneurs qui vendent à crédit."),
    "nav.calculators": "Calculateurs",
    "disclaimer.label": "Information générale",
    "disclaimer.text": (
        "Ce site donne une information générale, pas un conseil juridique ou financier. "
        "Les chiffres des articles sources ont été vérifiés pour la dernière fois le {date} ; chaque guide "
        "date ses sources juridiques, et les conditions de votre propre police priment toujours."),
    "palette.to_dark": "Passer au mode sombre",
    "palette.to_light": "Passer au mode clair",
    "notfound.title": "Page introuvable",
    "notfound.text": "Cette page n’existe pas (ou plus). Revenez en arrière ou ouvrez la page d’accueil du site.",
    "list.and": "et",
}

STRINGS: dict[str, dict[str, str]] = {"en": EN, "nl": NL, "fr": FR}

#: Country names as they read inside a sentence: one table, the engine's, serves guides and calculators.
COUNTRIES: dict[str, dict[str, str]] = COUNTRY_NAMES

#: Section titles of ``mkdocs.yml``'s nav (pages take their H1) and the string that translates each.
NAV_SECTIONS: dict[str, str] = {"Calculators": "nav.calculators"}


def t(lang: str, key: str, **params: str) -> str:
    """The string ``key`` in ``lang``; a missing key is a bug, so it raises."""
    text = STRINGS[lang][key]
    return text.format(**params) if params else text
