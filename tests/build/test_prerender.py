"""Each calculator page carries its example's result, as the engine answers it and as the page renders it."""

from __future__ import annotations

import html
import json
import re
from typing import Any

import calculators
from site_build import prerender

CALCULATOR_PAGES = ("calculators/payout/index.html", "nl/calculators/self-assessment-limit/index.html",
                    "fr/calculators/eligibility/index.html", "calculators/claim-timeline/index.html")


def test_the_markup_goes_inside_the_calculator_after_its_noscript_note() -> None:
    page = ('<main><div id="calc" class="calc"\n data-calculator="payout">\n'
            '<noscript><p>needs JS</p></noscript>\n</div></main>')
    out = prerender.insert(page, "<p>result</p>", {"payload": {"lang": "en"}, "answer": {"note": "it's \"x\" & <y>"}})
    tag = prerender.CALC_TAG.search(out)
    assert tag is not None
    attrs = prerender.attributes(tag.group(0))
    assert json.loads(attrs["data-prerender"]) == {"payload": {"lang": "en"}, "answer": {"note": "it's \"x\" & <y>"}}
    inserted = out.index('<div class="calc-prerender"><p>result</p></div>')
    assert out.index("</noscript>") < inserted < out.index("</main>")


def test_every_calculator_page_carries_the_engines_answer_and_its_markup(real_site: Any) -> None:
    assert real_site.report.not_prerendered == {}
    for rel in CALCULATOR_PAGES:
        text = (real_site.site / rel).read_text(encoding="utf-8")
        attrs = prerender.attributes(prerender.CALC_TAG.search(text).group(0))
        data = json.loads(attrs["data-prerender"])
        name = attrs["data-calculator"]
        assert data["payload"]["lang"] == attrs["data-lang"]
        # The answer is the engine's (what the worker would answer: run_json) for the payload the page builds.
        assert data["answer"] == json.loads(calculators.run_json(name, json.dumps(data["payload"])))
        markup = text[text.index('<div class="calc-prerender">'):]
        # The form (filled with the example) and the engine's explanation are in the markup.
        assert re.search(r'<form class="calc-form"', markup)
        for step in data["answer"]["explanation"]:
            assert step["text"] in html.unescape(markup), step


def test_a_page_whose_module_cannot_render_is_left_waiting(tmp_path) -> None:
    site = tmp_path / "site"
    (site / "assets" / "calc").mkdir(parents=True)
    (site / "assets" / "calc" / "strings.json").write_text('{"en": {}}')
    (site / "assets" / "calc" / "calc.js").write_text(
        "export const MODULES = { late_payment: () => import('./late-payment.js') };\n"
        "export class Calculator {}\nexport function readConfig() { return {}; }\n")
    page = site / "calculators" / "late-payment" / "index.html"
    page.parent.mkdir(parents=True)
    original = '<div id="calc" class="calc" data-calculator="late_payment" data-lang="en"><noscript></noscript></div>'
    page.write_text(original)
    skipped = prerender.prerender(site, tmp_path / "work")
    assert list(skipped) == ["calculators/late-payment/index.html"]
    assert "does not load" in skipped["calculators/late-payment/index.html"]
    assert page.read_text() == original
