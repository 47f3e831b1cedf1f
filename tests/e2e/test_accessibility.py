"""Accessibility: axe-core (bundled offline by axe-playwright-python) on every built page, in light and dark.

Every HTML page found in site/ (so pages added later are audited without a change here) in each language:
every rule in light mode, then the colour rules in dark mode (the same markup under the other palette), and no
sideways scrolling at a phone's width; plus calculators after a result and after an error, every rule in both
schemes. No serious or critical violation; moderate and minor ones are printed in the test output (not captured),
rule by rule with the page views. Then the keyboard: a calculator is used without a mouse, focus stays
visible, errors are announced. Material's colour transitions are off (reduced motion), so colours are final.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from calc_support import LANGS, figures, open_calculator, page_url, settle, typed_amount
from conftest import ROOT, SITE

from calculators import messages

STRINGS = json.loads((ROOT / "docs" / "assets" / "calc" / "strings.json").read_text(encoding="utf-8"))

BLOCKING = ("serious", "critical")
#: The rules whose outcome depends on the colours (checked again in dark mode).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
AXE_RUN = """(rules) => axe.run(document, rules ? {resultTypes: ["violations"], runOnly: {type: "rule", values: rules}}
  : {resultTypes: ["violations"]})
  .then(r => r.violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help,
  nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: (n.failureSummary || "").split("\\n")[1] || ""}))
})))"""


def site_pages(lang: str) -> list[str]:
    """Every built page of ``lang`` (site-relative URL), found on disk: English at the root, others under lang/."""
    pages = []
    for path in sorted(SITE.rglob("*.html")):
        rel = path.relative_to(SITE).as_posix()
        if rel.startswith("pyodide/") or rel.startswith("assets/"):
            continue
        first = rel.split("/", 1)[0]
        page_lang = first if first in LANGS and "/" in rel else "en"
        if page_lang == lang:
            pages.append(rel.removesuffix("index.html"))
    return pages


class Audit:
    """Violations by rule across page views: {rule: {"impact", "help", "views": [page (scheme): targets]}}."""

    def __init__(self) -> None:
        self.rules: dict[str, dict[str, Any]] = defaultdict(lambda: {"impact": "", "help": "", "views": []})

    def add(self, view: str, violations: list[dict[str, Any]]) -> None:
        for v in violations:
            rule = self.rules[v["id"]]
            rule["impact"], rule["help"] = v["impact"], v["help"]
            rule["views"].append(f"{view}: " + "; ".join(f"{n['target']} ({n['summary'].strip()})"
                                                         for n in v["nodes"][:3]))

    def blocking(self) -> dict[str, Any]:
        return {k: v for k, v in self.rules.items() if v["impact"] in BLOCKING}

    def summary(self) -> str:
        lines = [f"{rule} ({v['impact']}, {len(v['views'])} page views): {v['help']}\n    " + "\n    ".join(
            v["views"][:4]) for rule, v in sorted(self.rules.items())]
        return "\n".join(lines) or "no violation"


def audit(page: Any, found: Audit, view: str, rules: list[str] | None = None) -> None:
    """axe on the page as it is now: every rule, or only ``rules``."""
    found.add(view, page.evaluate(AXE_RUN, rules))


def report(found: Audit, capsys: Any, title: str) -> None:
    """Non-blocking findings go to the test output; blocking ones fail the test with the same listing."""
    with capsys.disabled():
        print(f"\naxe, {title}: {sum(len(v['views']) for v in found.rules.values())} findings\n{found.summary()}")
    assert not found.blocking(), json.dumps(found.blocking(), indent=1, ensure_ascii=False)[:6000]


@pytest.fixture
def axe_page(context: Any, page: Any) -> Any:
    """The guarded page with axe-core loaded before any page script (as the test driver, outside the page's
    Content-Security-Policy)."""
    context.add_init_script(AXE_SCRIPT)
    return page


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_is_accessible_in_light_and_dark_and_fits_a_phone(axe_page: Any, site_url: str, lang: str,
                                                                       capsys: Any) -> None:
    """Each page is loaded once: every axe rule in light mode; then, in dark mode, the rules that depend on colour
    (the markup is the same, only the palette changes); then, at a phone's width, no sideways scrolling."""
    page = axe_page
    found = Audit()
    pages = site_pages(lang)
    assert len(pages) >= (19 if lang == "en" else 18)  # every guide and calculator (+ the 404 page)
    wide = []
    for path in pages:
        page.set_viewport_size(DESKTOP)
        page.emulate_media(color_scheme="light", reduced_motion="reduce")  # material then has no transitions
        page.goto(site_url + path)
        material = path != "404.html"
        if material:  # material's bundle applies the palette once it has run
            page.wait_for_function("document.body.dataset.mdColorScheme === 'default'", timeout=5_000)
        if page.locator("#calc").count():
            page.wait_for_selector("#calc[data-form='ready']")
        audit(page, found, f"{path or '/'} (light)")
        page.emulate_media(color_scheme="dark", reduced_motion="reduce")
        if material:  # what material's palette toggle does (no colour transition: reduced motion)
            page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
        audit(page, found, f"{path or '/'} (dark)", COLOUR_RULES)
        page.set_viewport_size(PHONE)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            wide.append(f"{path}: {overflow} px too wide")
    report(found, capsys, f"every {lang} page, light and dark")
    assert wide == [], f"pages that scroll sideways at {PHONE['width']} px: {wide}"


def audit_both_schemes(page: Any, found: Audit, view: str) -> None:
    """Every rule in light and in dark mode, on the page as it is (material's palette toggle, without reloading:
    a calculator keeps its result and its errors)."""
    for scheme, palette in (("light", "default"), ("dark", "slate")):
        page.emulate_media(color_scheme=scheme, reduced_motion="reduce")
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{palette}')")
        audit(page, found, f"{view} ({scheme})")


def test_a_calculator_with_a_result_and_with_an_error_has_no_serious_violation(
        axe_page: Any, site_url: str, capsys: Any) -> None:
    page = axe_page
    found = Audit()
    open_calculator(page, page_url(site_url, "nl", "payout"))
    assert figures(page)  # the worked example's result is on screen
    audit_both_schemes(page, found, "payout with a result")
    page.fill("#calc-f-credit_limit", "abc")
    settle(page)
    assert page.is_visible("#calc-e-credit_limit")
    audit_both_schemes(page, found, "payout with an error")
    open_calculator(page, page_url(site_url, "fr", "self_assessment_limit"))
    assert figures(page)
    audit_both_schemes(page, found, "self-assessment with a result")
    report(found, capsys, "calculators after a result and an error, light and dark")


def test_a_calculator_is_usable_with_the_keyboard_alone(page: Any, site_url: str) -> None:
    """Tab from the page's start to the form, type the figures, read the result; an error is announced."""
    lang = "en"
    open_calculator(page, page_url(site_url, lang, "payout"))
    page.locator("body").focus()
    reached: dict[str, bool] = {}
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const el = document.activeElement; const style = getComputedStyle(el);
          return {id: el.id, inCalc: !!el.closest('#calc'), outline: style.outlineStyle,
                  width: parseFloat(style.outlineWidth), shadow: style.boxShadow}; }""")
        if focused["inCalc"]:
            assert (focused["outline"] != "none" and focused["width"] > 0) or focused["shadow"] != "none", focused
        if focused["id"] == "calc-f-credit_limit":
            page.keyboard.press("Control+A")
            page.keyboard.type(typed_amount("20000", lang))
            reached["credit_limit"] = True
        elif focused["id"] == "calc-f-outstanding":
            page.keyboard.press("Control+A")
            page.keyboard.type(typed_amount("10000", lang))
            reached["outstanding"] = True
            break
    assert reached == {"credit_limit": True, "outstanding": True}
    settle(page)
    assert page.input_value("#calc-f-credit_limit") == typed_amount("20000", lang)
    shown = figures(page)
    assert shown["unpaid_balance"]["value"] == "10000.00"
    # The result sits in a live region: a screen reader announces it.
    assert page.locator("#calc [aria-live]").count() >= 1
    # An error: named next to the field, tied to it, and announced.
    page.keyboard.press("Shift+Tab")  # back to the credit limit
    page.keyboard.press("Control+A")
    page.keyboard.type("12,34,5")
    settle(page)
    error = page.locator("#calc-e-credit_limit")
    assert error.is_visible()
    assert error.text_content() == messages.message(lang, "error.invalid_number")
    assert page.get_attribute("#calc-f-credit_limit", "aria-invalid") == "true"
    assert "calc-e-credit_limit" in page.get_attribute("#calc-f-credit_limit", "aria-describedby")
    # A live region says there is something to correct (read out at once); the field, focused, reads its error.
    live = page.evaluate("""() => [...document.querySelectorAll('#calc [aria-live], #calc [role=status]')]
      .map((e) => e.textContent).join(' | ')""")
    assert STRINGS[lang]["errors.summary"] in live, live
    assert page.evaluate("document.activeElement.id") == "calc-f-credit_limit"  # focus never jumps away
