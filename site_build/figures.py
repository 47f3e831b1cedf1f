"""Find rule figures typed by hand in the articles' sources.

A guide must quote ``15.000`` as ``{{ rules.mkbzeker_cover_cap.value | money }}``,
never as text: when the rule changes, a typed figure would silently go stale.
The scan knows the figures (rules, the own-risk share, the worked examples'
results, the date the rules were checked) and looks for each one the way a
person would type it in any of the three languages, but only where it means
that figure:

- amounts of 1,000 and more in any grouping (15000, 15.000, 15,000, 15 000,
  15.000,00, 15k, fifteen thousand, 10 million...);
- smaller amounts only next to a currency (500 euro, €500, 500 €);
- percentages only with a percent sign or word (90%, 90 %, 90 procent, ninety per cent);
- day and month counts only with their unit (60 dagen, 60-day, two months, cinq mois);
- the covered countries only as a list of four or more of them, names or codes (three could be the Benelux);
- the last-checked date and the rules' dates (a legal obligation's start) in any written form.

Text inside jinja tags is computed, so it is skipped, except a literal number
piped straight into a figure filter (``{{ 90 | pct }}``). A number that only
coincides with a rule figure can be kept by putting ``{# figure-ok: why #}`` on
its line (a jinja comment: it never reaches the page).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from calculators.messages import format_date

from .settings import LANGUAGES

# -- what to look for -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A value the articles must take from the rules or the examples, with what to write instead."""

    kind: str  # "amount", "pct", "days", "months", "years", "countries", "date"
    value: Any  # Decimal, tuple of country codes, or date
    write: str  # the template expression that gives it
    bare: bool = True  # an amount: found as a bare number (>= 1,000) too, or only next to a currency


_AMOUNT = re.compile(r"\d+(?:\.\d+)?")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _example_values(value: Any, path: str) -> Iterable[tuple[str, Any]]:
    """Every leaf of an example's payload or expectation, with the template path that reaches it."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _example_values(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _example_values(item, f"{path}[{index}]")
    else:
        yield path, value


def figures(
    rules: Mapping[str, Any], own_risk_pct: Decimal, examples: Mapping[str, dict[str, Any]], last_checked: date,
) -> list[Figure]:
    """The figures of the rules table, the own-risk share, the worked examples and the check date.

    Rule amounts are found bare from 1,000 up; the examples' amounts (inputs and stated results) only
    when written as money, since numbers like 2,500 or 5,000 are common on their own.
    """
    found: list[Figure] = []
    units = {"eur": ("amount", "money"), "pct": ("pct", "pct"), "days": ("days", ""), "months": ("months", ""),
             "years": ("years", ""),
             "countries": ("countries", "countries"), "date": ("date", "date")}
    for key, rule in rules.items():
        if rule.unit not in units:
            raise ValueError(f"rule {key}: the figure scan does not know the unit {rule.unit!r}; teach it how "
                             "such a figure is written (site_build/figures.py)")
        kind, filter_name = units[rule.unit]
        if kind == "countries":
            value: Any = tuple(rule.value)
        elif kind == "date":  # a legal date (an obligation's start): found in any written form, like the check date
            value = rule.value
        else:
            value = Decimal(rule.value)
        pipe = f" | {filter_name}" if filter_name else ""
        found.append(Figure(kind, value, f"{{{{ rules.{key}.value{pipe} }}}}"))
    found.append(Figure("pct", Decimal(own_risk_pct), "{{ own_risk_pct | pct }}"))
    for name, example in examples.items():
        leaves = [*_example_values(example.get("payload", {}), f"examples.{name}.payload"),
                  *_example_values(example.get("expect", {}), f'example("{name}")')]
        for path, leaf in leaves:
            if isinstance(leaf, str) and _ISO_DATE.fullmatch(leaf):
                found.append(Figure("date", date.fromisoformat(leaf), f"{{{{ {path} | date }}}}"))
            elif isinstance(leaf, str) and _AMOUNT.fullmatch(leaf) and Decimal(leaf) > 0:
                found.append(Figure("amount", Decimal(leaf), f"{{{{ {path} | money }}}}", bare=False))
    found.append(Figure("date", last_checked, "{{ last_checked | date }}"))
    return found


# -- how numbers are written --------------------------------------------------------------------------------------

_SP = "[ \u00a0\u202f\u2009]"  # space, no-break space, narrow no-break space, thin space
_MULTIPLIERS = {
    "k": 1000, "thousand": 1000, "duizend": 1000, "mille": 1000,
    "m": 1_000_000, "mln": 1_000_000, "mio": 1_000_000, "million": 1_000_000, "millions": 1_000_000,
    "miljoen": 1_000_000,
}
NUMBER = re.compile(
    rf"(?<![\w.,])(?P<int>\d{{1,3}}(?:(?:[.,]|{_SP})\d{{3}})+|\d+)(?P<dec>[.,]\d{{1,2}})?(?!\d)"
    rf"(?:{_SP}?(?P<mult>k|K|M|mln|mio|thousand|duizend|mille|millions?|miljoen)\b)?"
)
CURRENCY_BEFORE = re.compile(r"(?:€|\bEUR|\beuros?)\s*$", re.IGNORECASE)
CURRENCY_AFTER = re.compile(r"^\s*(?:€|EUR\b|euros?\b)", re.IGNORECASE)
PERCENT_AFTER = re.compile(r"^\s*(?:%|procent\b|percent\b|per\s?cent\b|pour\s?cent\b|pct\b)", re.IGNORECASE)
UNIT_AFTER = {
    "days": re.compile(
        r"^[\s-]*(?:(?:calendar|working|business|werk|kalender)[\s-]*)?"
        r"(?:days?|dag(?:en)?|jours?)\b", re.IGNORECASE),
    "months": re.compile(r"^[\s-]*(?:months?|maand(?:en)?|mois)\b", re.IGNORECASE),
    "years": re.compile(r"^[\s-]*(?:years?|jaar|jaren|ans?|années?)\b", re.IGNORECASE),
}


def number_words(lang: str) -> dict[str, int]:
    """Numbers 1 to 99 written out in ``lang`` (both French and Belgian French for 70 to 99)."""
    if lang == "en":
        small = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                 "sixteen seventeen eighteen nineteen").split()
        tens = "twenty thirty forty fifty sixty seventy eighty ninety".split()
        words = {w: i + 1 for i, w in enumerate(small)}
        for t, ten in enumerate(tens, start=2):
            words[ten] = t * 10
            for u in range(1, 10):
                words[f"{ten}-{small[u - 1]}"] = t * 10 + u
        return words
    if lang == "nl":
        small = ("een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien "
                 "zeventien achttien negentien").split()
        tens = "twintig dertig veertig vijftig zestig zeventig tachtig negentig".split()
        words = {w: i + 1 for i, w in enumerate(small)}
        for t, ten in enumerate(tens, start=2):
            words[ten] = t * 10
            for u in range(1, 10):
                unit = small[u - 1]
                words[f"{unit}{'ën' if unit.endswith('e') else 'en'}{ten}"] = t * 10 + u
        return words
    small = ("un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept "
             "dix-huit dix-neuf").split()
    words = {w: i + 1 for i, w in enumerate(small)}
    words["une"] = 1
    regular = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante",
               70: "septante", 80: "octante", 90: "nonante"}
    for value, ten in regular.items():
        words[ten] = value
        for u in range(1, 10):
            words[f"{ten}-et-un" if u == 1 else f"{ten}-{small[u - 1]}"] = value + u
    words["huitante"] = 80
    for u in range(1, 10):
        words[f"huitante-{small[u - 1]}"] = 80 + u
    for u in range(0, 10):  # 70-79 and 90-99 in France
        words["soixante-" + ("et-onze" if u == 1 else small[9 + u])] = 70 + u
        words["quatre-vingt-" + small[9 + u]] = 90 + u
    words["quatre-vingts"] = words["quatre-vingt"] = 80
    for u in range(1, 10):
        words[f"quatre-vingt-{small[u - 1]}"] = 80 + u
    return words


def _words_pattern(words: Iterable[str]) -> str:
    """One regex for many words, as a trie (fast to match); hyphens also match spaces ("vingt et un")."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [(r"[\s-]+" if ch == "-" else re.escape(ch)) + emit(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


_WORDS = {lang: number_words(lang) for lang in LANGUAGES}
_ALL_WORDS: dict[str, int] = {}
for _table in _WORDS.values():
    for _word, _value in _table.items():
        _ALL_WORDS.setdefault(_word, _value)
WORD_NUMBER = re.compile(
    rf"(?<![\w-])(?P<word>{_words_pattern(_ALL_WORDS)})"
    rf"(?:[\s-]*(?P<mult>thousand|duizend|mille|millions?|miljoen)\b)?(?![\w-])", re.IGNORECASE)


def _word_value(word: str) -> int:
    key = re.sub(r"[\s-]+", "-", word.lower())
    return _ALL_WORDS[key]


# -- country lists ------------------------------------------------------------------------------------------------

COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "NL": ("Netherlands", "Holland", "Nederland", "Pays-Bas"),
    "BE": ("Belgium", "België", "Belgie", "Belgique"),
    "DE": ("Germany", "Duitsland", "Allemagne"),
    "LU": ("Luxembourg", "Luxemburg"),
    "FR": ("France", "Frankrijk"),
    "GB": ("United Kingdom", "UK", "Great Britain", "Britain", "Verenigd Koninkrijk", "Groot-Brittannië",
           "Royaume-Uni", "Grande-Bretagne"),
}
_COUNTRY_TOKEN = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(n) for names in COUNTRY_NAMES.values() for n in sorted(names, key=len, reverse=True))
    + r"|NL|BE|DE|LU|FR|GB)(?![\w-])")
_COUNTRY_GAP = re.compile(
    r"^\s*(?:[,;/&]|and|en|et|or|of|ou)?\s*(?:(?:the|het|de|les|la|le|l['’])\s*)?$", re.IGNORECASE)


def _country_code(token: str) -> str | None:
    for code, names in COUNTRY_NAMES.items():
        if token == code or token in names:
            return code
    return None


# -- the scan ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    text: str
    write: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: '{self.text}' is a rule figure typed by hand; write {self.write}"


JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
FIGURE_OK = re.compile(r"\{#\s*figure-ok\b.*?#\}", re.DOTALL)
LITERAL_IN_FILTER = re.compile(r"""["']?(?P<num>\d+(?:\.\d+)?)["']?\s*\|\s*(?:money_cents|money|pct|number)\b""")
URLS = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+")


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` with every match of ``pattern`` replaced by spaces (newlines kept, so positions hold)."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


_MONTHS = {m: i for lang in LANGUAGES for i in range(1, 13)
           for m in [format_date(date(2000, i, 1), lang).split()[1].lower()]}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
DATE = re.compile(
    rf"(?<![\w.])(?:(?P<d1>\d{{1,2}})(?:er)?\s+(?P<m1>{_MONTH_NAMES})\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH_NAMES})\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{1,2}})-(?P<d3>\d{{1,2}})"
    rf"|(?P<d4>\d{{1,2}})(?P<sep>[/.-])(?P<m4>\d{{1,2}})(?P=sep)(?P<y4>\d{{4}}))(?![\w])",
    re.IGNORECASE)


def _written_date(m: re.Match[str]) -> date | None:
    """The date a DATE match spells, if it is a real one."""
    for n in "1234":
        if m.group(f"y{n}"):
            month = m.group(f"m{n}")
            month_number = int(month) if month.isdigit() else _MONTHS[month.lower()]
            try:
                return date(int(m.group(f"y{n}")), month_number, int(m.group(f"d{n}")))
            except ValueError:
                return None
    return None


def scan_text(text: str, path: str, wanted: list[Figure]) -> list[Finding]:
    """The hand-typed figures in one source text."""
    findings: list[Finding] = []
    line_of = _line_index(text)
    allowed_lines = {line_of(m.start()) for m in FIGURE_OK.finditer(text)}

    def add(position: int, snippet: str, candidates: list[Figure]) -> None:
        line = line_of(position)
        if candidates and line not in allowed_lines:
            options = list(dict.fromkeys(f.write for f in candidates))
            write = " or ".join(options[:3]) + (f" (or {len(options) - 3} more)" if len(options) > 3 else "")
            findings.append(Finding(path, line, snippet.strip(), write))

    by_kind: dict[str, list[Figure]] = {}
    for figure in wanted:
        by_kind.setdefault(figure.kind, []).append(figure)

    def matching(kind: str, value: Decimal) -> list[Figure]:
        return [f for f in by_kind.get(kind, []) if f.value == value]

    # A literal figure inside a template expression: {{ 15000 | money }}.
    for tag in JINJA.finditer(text):
        for lit in LITERAL_IN_FILTER.finditer(tag.group(0)):
            value = Decimal(lit.group("num"))
            add(tag.start() + lit.start(), lit.group(0),
                matching("amount", value) + matching("pct", value))

    plain = _blank(_blank(text, JINJA), URLS)

    for m in NUMBER.finditer(plain):
        digits = re.sub(rf"[.,]|{_SP}", "", m.group("int"))
        value = Decimal(digits + (("." + m.group("dec")[1:]) if m.group("dec") else ""))
        if m.group("mult"):
            value *= _MULTIPLIERS[m.group("mult").lower()]
        _classify(plain, m.start(), m.end(), value, m.group(0), add, matching)

    for m in WORD_NUMBER.finditer(plain):
        value = Decimal(_word_value(m.group("word")))
        if m.group("mult"):
            value *= _MULTIPLIERS[m.group("mult").lower()]
        _classify(plain, m.start(), m.end(), value, m.group(0), add, matching)

    for figure in by_kind.get("countries", []):
        for start, end, codes in _country_runs(plain):
            if len(codes) >= 4 and set(codes) <= set(figure.value):
                add(start, plain[start:end], [figure])

    dates = by_kind.get("date", [])
    for m in DATE.finditer(plain):
        written = _written_date(m)
        add(m.start(), m.group(0), [f for f in dates if f.value == written])

    return sorted(set(findings), key=lambda f: (f.line, f.text))


def _classify(plain: str, start: int, end: int, value: Decimal, snippet: str, add: Any, matching: Any) -> None:
    """Report a number when, in its context, it means one of the figures."""
    before = plain[max(0, start - 8):start]
    line_end = plain.find("\n", end)
    after = plain[end:line_end if line_end != -1 else len(plain)][:32]
    if match := PERCENT_AFTER.match(after):
        add(start, snippet + match.group(0), matching("pct", value))
        return
    for kind, unit in UNIT_AFTER.items():
        if match := unit.match(after):
            add(start, snippet + match.group(0), matching(kind, value))
            return
    as_money = bool(CURRENCY_BEFORE.search(before) or CURRENCY_AFTER.match(after))
    add(start, snippet, [f for f in matching("amount", value) if as_money or (f.bare and value >= 1000)])


def _country_runs(plain: str) -> list[tuple[int, int, list[str]]]:
    """Runs of country names or codes separated only by commas, 'and'/'en'/'et' or articles."""
    runs: list[tuple[int, int, list[str]]] = []
    current: tuple[int, int, list[str]] | None = None
    for m in _COUNTRY_TOKEN.finditer(plain):
        code = _country_code(m.group(0))
        if code is None:
            continue
        if current and _COUNTRY_GAP.match(plain[current[1]:m.start()]):
            current = (current[0], m.end(), [*current[2], code])
        else:
            if current:
                runs.append(current)
            current = (m.start(), m.end(), [code])
    if current:
        runs.append(current)
    return runs


def _line_index(text: str) -> Any:
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def line_of(position: int) -> int:
        lo, hi = 0, len(starts)
        while lo + 1 < hi:
            mid = (lo + hi) // 2
            if starts[mid] <= position:
                lo = mid
            else:
                hi = mid
        return lo + 1

    return line_of


def scan(docs: Path, wanted: list[Figure], languages: Iterable[str] = LANGUAGES) -> list[Finding]:
    """Every hand-typed figure in the Markdown sources of ``docs/<lang>/``."""
    findings = []
    for lang in languages:
        for path in sorted((docs / lang).rglob("*.md")):
            rel = f"docs/{path.relative_to(docs).as_posix()}"
            findings += scan_text(path.read_text(encoding="utf-8"), rel, wanted)
    return findings


def scan_data(data: Any, name: str, wanted: list[Figure]) -> list[Finding]:
    """Every hand-typed figure in the strings of a JSON document (the glossary), named by their JSON path."""
    findings = []
    for path, leaf in _example_values(data, name):
        if isinstance(leaf, str):
            findings += scan_text(leaf, path, wanted)
    return findings
