"""The letter sheet: letters (their parts, as ``late_payment_letters.write_letter`` writes them) laid out as one
printable, self-contained A4 HTML document, one letter per sheet.

By default (``window="left"``) the layout follows DIN 5008 form B, the letter for DIN 676 left-window envelopes
(DL, C5/6, C4), the usual ones in the Netherlands, Belgium and Germany: an address field of 85 x 45 mm whose left
edge is 20 mm and top edge 45 mm from the sheet's, its lower 27.3 mm (seven lines here, from 62.7 mm) for the
recipient's address and its upper 17.7 mm for the return address; the information block (the customer's
reference, the sender's contact and numbers) 125 mm from the left edge and 50 mm from the top; the text from
25 mm to 20 mm from the right edge. For the right-window envelopes usual in France (``window="right"``) the
address field is 85 x 33 mm, 110 mm from the left edge and 55 mm from the top, and the information block moves
to the left.

Everything the user typed is escaped. A detail that is missing is an empty line to fill in by hand, never a
bracketed placeholder. Page numbers ("2 / 3") appear from the second page of a one-letter document; in a
document of several letters the browser could only count the pages of the whole run, so none is printed.

The sheet's CSS is one constant (``CSS``): the build adds its sha256 to the calculator pages' Content-Security-
Policy, so the document may be shown in a ``srcdoc`` frame of a page; the document carries its own policy too.
No I/O here: ``document`` returns text.
"""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from html import escape
from typing import Any

from . import messages

NAME = "letter_sheet"
#: The calculators whose results carry letters, and so may be asked for ``letter_format: "sheet"``.
LETTER_CALCULATORS = ("late_payment", "collections")
FORMATS = ("text", "sheet")
#: Window envelopes: "left" (DIN 5008 form B, DIN 676; the usual one in the Netherlands, Belgium and Germany) and
#: "right" (the French window, 110 mm from the left edge and 55 mm from the top of the sheet, 85 x 33 mm).
WINDOWS = ("left", "right")

CSS = """\
@page { size: A4; margin: 15mm 20mm 18mm 25mm; }
@page numbered {
  @bottom-right {
    content: counter(page) " / " counter(pages);
    font: 8pt Arial, "Liberation Sans", sans-serif; color: #444;
  }
}
@page numbered:first { @bottom-right { content: none; } }
html { color: #000; background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font: 11pt/1.35 Arial, "Helvetica Neue", "Liberation Sans", "DejaVu Sans", sans-serif; }
.ls-numbered .ls-letter { page: numbered; }
.ls-letter + .ls-letter { break-before: page; }
.ls-head { position: relative; height: 83.4mm; }
.ls-sender { position: absolute; top: 0; left: 0; width: 95mm; }
.ls-sender-name { font-size: 14pt; font-weight: bold; margin: 0 0 1mm; }
.ls-sender-address { font-size: 9.5pt; line-height: 1.3; margin: 0; }
.ls-window {
  position: absolute;
  top: 30mm;
  left: -5mm;
  width: 85mm;
  height: 45mm;
  box-sizing: border-box;
  padding-left: 5mm;
}
.ls-return {
  position: absolute;
  left: 5mm;
  right: 0;
  bottom: 27.3mm;
  font-size: 7pt;
  line-height: 1.2;
  margin: 0;
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
}
.ls-return .ls-fill { width: 60mm; }
.ls-address {
  position: absolute;
  top: 17.7mm;
  left: 5mm;
  right: 0;
  height: 27.3mm;
  margin: 0;
  font-size: 10pt;
  line-height: 3.9mm;
  font-style: normal;
  overflow-wrap: anywhere;
}
.ls-address .ls-line { display: block; min-height: 3.9mm; }
.ls-address .ls-fill { width: 70mm; height: 3.6mm; }
.ls-info {
  position: absolute;
  top: 35mm;
  left: 100mm;
  width: 65mm;
  margin: 0;
  font-size: 8.5pt;
  line-height: 1.35;
  display: grid;
  grid-template-columns: auto 1fr;
  column-gap: 2.5mm;
}
/* The right window of French envelopes: the address 110 mm from the left edge and 55 mm from the top, 85 x 33 mm
   (its text stops at the right margin, 190 mm: wider content would make the browser shrink the page to fit);
   the information block then takes the left. */
.ls-right .ls-window { top: 40mm; left: 85mm; width: 80mm; height: 33mm; padding-left: 0; }
.ls-right .ls-return { left: 0; }
.ls-right .ls-address { top: 5.7mm; left: 0; }
.ls-right .ls-info { left: 0; }
.ls-info dt { color: #333; }
.ls-info dd { margin: 0; overflow-wrap: anywhere; }
.ls-info .ls-fill { width: 100%; min-width: 20mm; }
.ls-fill {
  display: inline-block;
  border-bottom: 0.5pt solid #000;
  height: 1.1em;
  vertical-align: bottom;
  width: 55mm;
}
.ls-fill-short { width: 22mm; }
.ls-fill-place { width: 45mm; }
.ls-place-date { text-align: right; }
.ls-subject { font-size: 11pt; font-weight: bold; margin: 0 0 5mm; }
.ls-letter p { margin: 0 0 3.5mm; }
.ls-table { border-collapse: collapse; width: 100%; margin: 1mm 0 4mm; font-size: 10pt; }
.ls-table thead { display: table-header-group; }
.ls-table tr { break-inside: avoid; }
.ls-table th, .ls-table td {
  padding: 1mm 1.5mm;
  border-bottom: 0.5pt solid #999;
  text-align: left;
  vertical-align: top;
}
.ls-table th { border-bottom: 0.8pt solid #000; font-weight: bold; }
.ls-table .ls-num { text-align: right; white-space: nowrap; }
.ls-more { font-style: italic; }
.ls-summary { margin: 0 0 4mm auto; border-collapse: collapse; font-size: 10.5pt; break-inside: avoid; }
.ls-summary td { padding: 0.6mm 0 0.6mm 6mm; }
.ls-summary .ls-num { text-align: right; white-space: nowrap; }
.ls-summary .ls-total td { font-weight: bold; border-top: 0.8pt solid #000; padding-top: 1.2mm; }
.ls-pay { border: 0.5pt solid #000; padding: 2mm 3mm; break-inside: avoid; }
.ls-sign { break-inside: avoid; margin-top: 5mm; }
.ls-sign-space { height: 20mm; }
.ls-sign-name { margin: 0; }
@media screen {
  html { background: #d9d9d9; }
  body { padding: 8mm 0; }
  .ls-letter {
    box-sizing: border-box;
    width: 210mm;
    min-height: 297mm;
    margin: 0 auto 8mm;
    padding: 15mm 20mm 18mm 25mm;
    background: #fff;
    box-shadow: 0 0.5mm 3mm rgba(0, 0, 0, 0.35);
  }
}
"""

#: The CSP source of ``CSS`` (its sha256): the calculator pages' policy carries it (site_build/csp.py).
CSS_HASH = "'sha256-" + base64.b64encode(hashlib.sha256(CSS.encode("utf-8")).digest()).decode("ascii") + "'"
POLICY = f"default-src 'none'; style-src {CSS_HASH}; base-uri 'none'; form-action 'none'"

#: Up to this many invoice references are quoted as the payment reference; more, and the customer's reference is.
QUOTED_INVOICES = 3
_LANGS = ("en", "nl", "fr")
_MARK = "\ue000{}\ue001"  # stands for a piece of HTML inside a message, swapped in after escaping
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


def document(letters: list[dict[str, Any]], lang: str, window: str = "left") -> str:
    """``letters`` laid out as one HTML document, one letter per A4 sheet; ``lang`` is the document's language
    (each letter is set in its own ``lang``); ``window`` the envelope's window (``WINDOWS``). Tolerant of parts
    it does not know: it lays out those it does."""
    lang = lang if lang in _LANGS else "en"
    window = window if window in WINDOWS else "left"
    letters = [letter for letter in letters if isinstance(letter, dict)]
    if len(letters) == 1:
        title = _text(letters[0].get("subject"))
        name = _text(_party(letters[0], "recipient").get("name"))
        title = f"{title} – {name}" if title and name else title
    else:
        title = messages.message(lang, "letter_sheet.title_many", count=len(letters))
    numbered = ' class="ls-numbered"' if len(letters) == 1 else ""
    body = "\n".join(_letter(letter, lang, window) for letter in letters)
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title or 'Letter')}</title>\n<style>{CSS}</style>\n</head>\n"
            f"<body{numbered}>\n{body}\n</body>\n</html>\n")


def letters_of(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The letters a calculator's result carries: its ``letter``, its list ``letters``, or the ``letter`` of each
    of its ``customers`` (the collections run: one letter per late customer, in the to-do list's order)."""
    found = result.get("letter")
    if isinstance(found, dict):
        return [found]
    many = result.get("letters")
    if isinstance(many, list):
        return [letter for letter in many if isinstance(letter, dict)]
    rows = result.get("customers")
    if isinstance(rows, list):
        return [row["letter"] for row in rows if isinstance(row, dict) and isinstance(row.get("letter"), dict)]
    return []


def read_format(name: str, fields: Any) -> str | None:
    """The window of the sheet the request asks for (``letter_format: "sheet"``, ``letter_window``), or None;
    only letter-writing calculators know the fields (for the others they stay unknown fields)."""
    if name not in LETTER_CALCULATORS:
        return None
    wanted = fields.choice("letter_format", FORMATS, default="text")
    window = fields.choice("letter_window", WINDOWS, default="left")
    return window if wanted == "sheet" and window else None


def attach(result: dict[str, Any], lang: str, window: str = "left") -> None:
    """Add the sheet to ``result``: ``letter.sheet_html`` for one letter, ``sheet_html`` for a list of them."""
    letters = letters_of(result)
    if not letters:
        return
    sheet = document(letters, letters[0].get("lang") or lang, window)
    if isinstance(result.get("letter"), dict):
        result["letter"]["sheet_html"] = sheet
    else:
        result["sheet_html"] = sheet


# -- one letter ------------------------------------------------------------------------------------------------


def _letter(parts: dict[str, Any], default_lang: str, window: str) -> str:
    lang = parts.get("lang") if parts.get("lang") in _LANGS else default_lang

    def t(key: str, **params: Any) -> str:
        return messages.message(lang, f"letter_sheet.{key}", **params)

    sender = _party(parts, "sender")
    recipient = _party(parts, "recipient")
    kind = escape(_text(parts.get("kind")) or "letter", quote=True)
    css = "ls-letter ls-right" if window == "right" else "ls-letter"
    out = [f'<article class="{css}" lang="{lang}" data-kind="{kind}">', '<header class="ls-head">']
    out.append(_sender_block(sender))
    out.append(_window(sender, recipient))
    out.append(_info(parts, sender, recipient, lang, t))
    out.append("</header>")
    day = _day(parts.get("date"), lang)
    out.append(f'<p class="ls-place-date">{_fill("ls-fill-place")}, {escape(day) if day else _fill()}</p>')
    out.append(f'<h1 class="ls-subject">{_html(parts.get("subject"))}</h1>')
    for key in ("salutation", "intro"):
        if _text(parts.get(key)):
            out.append(f'<p class="ls-{key}">{_html(parts.get(key))}</p>')
    out.append(_invoices(parts, lang, t))
    out.append(_summary(parts, lang))
    for paragraph in parts.get("paragraphs") or []:
        if _text(paragraph):
            out.append(f'<p class="ls-paragraph">{_html(paragraph)}</p>')
    out.append(_payment(parts, sender, recipient, lang, t))
    out.append('<footer class="ls-sign">')
    if _text(parts.get("closing")):
        out.append(f'<p class="ls-closing">{_html(parts.get("closing"))}</p>')
    out.append('<div class="ls-sign-space"></div>')
    out.append(f'<p class="ls-sign-name">{_or_fill(sender.get("name"))}</p>')
    out.append("</footer>\n</article>")
    return "\n".join(out)


def _sender_block(sender: dict[str, Any]) -> str:
    name = _or_fill(sender.get("name"))
    address = _lines(sender.get("address"))
    lines = "<br>".join(escape(line) for line in address) if address else _fill()
    return (f'<div class="ls-sender"><p class="ls-sender-name">{name}</p>'
            f'<p class="ls-sender-address">{lines}</p></div>')


def _window(sender: dict[str, Any], recipient: dict[str, Any]) -> str:
    """The address field: the return address on one small line, the recipient's name and address below it."""
    back = [_text(sender.get("name")), *_lines(sender.get("address"))]
    back = [piece for piece in back if piece]
    return_line = escape(" · ".join(back)) if back else _fill()
    # A missing name is one line to write it on, a missing address three.
    name = _text(recipient.get("name"))
    address_lines = _lines(recipient.get("address"))
    lines = [escape(name) if name else _fill()]
    lines += [escape(line) for line in address_lines] if address_lines else [_fill(), _fill(), _fill()]
    address = "".join(f'<span class="ls-line">{line}</span>' for line in lines)
    return (f'<div class="ls-window"><p class="ls-return">{return_line}</p>'
            f'<address class="ls-address">{address}</address></div>')


def _info(parts: dict[str, Any], sender: dict[str, Any], recipient: dict[str, Any], lang: str, t: Any) -> str:
    rows = [("reference", "ls-info-reference", _or_fill(recipient.get("reference")))]
    for key in ("phone", "email", "enterprise_number", "vat_number"):
        rows.append((key, f"ls-info-{key.replace('_', '-')}", _or_fill(sender.get(key))))
    cells = "".join(f'<dt>{escape(t(f"info.{key}"))}</dt><dd class="{css}">{value}</dd>' for key, css, value in rows)
    return f'<dl class="ls-info">{cells}</dl>'


def _invoices(parts: dict[str, Any], lang: str, t: Any) -> str:
    rows = [row for row in parts.get("invoices") or [] if isinstance(row, dict)]
    if not rows and not _text(parts.get("more_invoices")):
        return ""
    heads = [("reference", ""), ("due_date", ""), ("days_late", "ls-num"), ("amount", "ls-num"),
             ("interest", "ls-num")]
    head = "".join(f'<th scope="col"{_class(css)}>{escape(t(f"col.{key}"))}</th>' for key, css in heads)
    body = []
    for row in rows:
        reference = _text(row.get("reference")) or _text(row.get("invoice"))
        days = row.get("days_late")
        body.append("<tr>"
                    f"<td>{escape(reference)}</td>"
                    f"<td>{escape(_day(row.get('due_date'), lang))}</td>"
                    f'<td class="ls-num">{escape(_text(days))}</td>'
                    f'<td class="ls-num">{escape(_money(row.get("amount"), lang))}</td>'
                    f'<td class="ls-num">{escape(_money(row.get("interest"), lang))}</td></tr>')
    more = _text(parts.get("more_invoices"))
    if more:
        body.append(f'<tr class="ls-more"><td colspan="5">{escape(more)}</td></tr>')
    return (f'<table class="ls-table"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


def _summary(parts: dict[str, Any], lang: str) -> str:
    """The summary lines as a small table: the line's words, its amount; the total in bold."""
    rows = []
    for line in parts.get("summary") or []:
        if not isinstance(line, dict):
            continue
        text, amount = _text(line.get("text")), _money(line.get("amount"), lang)
        label = text
        if amount and text.endswith(amount):  # "Total now due: €1,234.56": the amount gets its own column
            label = text[:-len(amount)].rstrip().rstrip(":").rstrip()
        css = ' class="ls-total"' if line.get("code") == "total" else ""
        code = escape(_text(line.get("code")), quote=True)
        rows.append(f'<tr{css} data-code="{code}"><td>{escape(label)}</td>'
                    f'<td class="ls-num">{escape(amount if label != text else "")}</td></tr>')
    return f'<table class="ls-summary">{"".join(rows)}</table>' if rows else ""


def _payment(parts: dict[str, Any], sender: dict[str, Any], recipient: dict[str, Any], lang: str, t: Any) -> str:
    """How to pay: the total, the sender's IBAN and name, and the reference to quote (blank lines where missing)."""
    total = next((line.get("amount") for line in parts.get("summary") or []
                  if isinstance(line, dict) and line.get("code") == "total"), None)
    references = [_text(row.get("reference")) for row in parts.get("invoices") or [] if isinstance(row, dict)]
    references = [ref for ref in references if ref]
    if _text(recipient.get("reference")):
        quote = escape(_text(recipient.get("reference")))
    elif references and len(references) <= QUOTED_INVOICES and not _text(parts.get("more_invoices")):
        quote = escape(", ".join(references))
    else:
        quote = _fill()
    pieces = {"amount": escape(_money(total, lang)) if _money(total, lang) else _fill("ls-fill-short"),
              "iban": _or_fill(sender.get("iban")), "name": _or_fill(sender.get("name")), "reference": quote}
    text = escape(t("pay", **{key: _MARK.format(key) for key in pieces}), quote=False)
    for key, piece in pieces.items():
        text = text.replace(_MARK.format(key), f'<span class="ls-pay-{key}">{piece}</span>')
    return f'<p class="ls-pay">{text}</p>'


# -- small helpers ---------------------------------------------------------------------------------------------


def _party(parts: dict[str, Any], key: str) -> dict[str, Any]:
    found = parts.get(key)
    return found if isinstance(found, dict) else {}


def _text(value: Any) -> str:
    """A part as one line of text ('' for nothing); a number as written."""
    if value is None or isinstance(value, (dict, list, bool)):
        return ""
    # Only ASCII white space is collapsed: the no-break spaces inside amounts ("€ 1.250,50") stay.
    return _SPACES.sub(" ", str(value).replace("\ue000", "").replace("\ue001", "")).strip(" ")


def _lines(value: Any) -> list[str]:
    if isinstance(value, str):
        value = value.splitlines()
    return [line for line in (_text(v) for v in value) if line] if isinstance(value, list) else []


def _html(value: Any) -> str:
    return escape(_text(value), quote=False)


def _fill(extra: str = "") -> str:
    """A line to fill in by hand."""
    return f'<span class="ls-fill{" " + extra if extra else ""}"></span>'


def _or_fill(value: Any) -> str:
    text = _text(value)
    return escape(text) if text else _fill()


def _class(css: str) -> str:
    return f' class="{css}"' if css else ""


def _money(value: Any, lang: str) -> str:
    if value is None or isinstance(value, (bool, dict, list, float)):
        return ""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return _text(value)
    return messages.format_money(amount, lang) if amount.is_finite() else ""


def _day(value: Any, lang: str) -> str:
    try:
        return messages.format_date(date.fromisoformat(str(value)), lang)
    except ValueError:
        return _text(value)
