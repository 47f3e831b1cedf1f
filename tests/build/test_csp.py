"""The Content-Security-Policy the build writes into every page, its check, and the server's header."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Any

from site_build import check, csp
from site_build.settings import CSP_ENGINE_SCRIPT

ROOT = Path(__file__).resolve().parents[2]
PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<title>t</title>
<script>var a = 1;</script>
<script type="application/json" id="data">{"x": 1}</script>
<script src="x.js"></script>
<style>body { color: red }</style>
</head><body><script>
  done();
</script></body></html>
"""


def policy_of(html: str) -> dict[str, list[str]]:
    content = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert content, html[:400]
    return {part.split()[0]: part.split()[1:] for part in content.group(1).split(";") if part.strip()}


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_each_runnable_inline_script_and_style_gets_its_hash() -> None:
    policy = policy_of(csp.with_policy(PAGE, engine=False))
    assert policy["script-src"] == ["'self'", sha("var a = 1;"), sha("\n  done();\n")]
    assert policy["style-src"] == ["'self'", sha("body { color: red }")]
    assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
    # blob: the engine worker's own copy of the trimmed stdlib (worker.mjs), never another origin
    assert policy["connect-src"] == ["'self'", "blob:"] and policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"] and policy["worker-src"] == ["'self'"]


def test_only_an_engine_page_may_compile_wasm() -> None:
    assert CSP_ENGINE_SCRIPT in policy_of(csp.with_policy(PAGE, engine=True))["script-src"]
    assert CSP_ENGINE_SCRIPT not in policy_of(csp.with_policy(PAGE, engine=False))["script-src"]


def test_the_policy_comes_right_after_the_charset_and_is_replaced_not_repeated() -> None:
    once = csp.with_policy(PAGE, engine=False)
    twice = csp.with_policy(once.replace("var a = 1;", "var a = 2;"), engine=False)
    assert twice.count("Content-Security-Policy") == 1
    assert sha("var a = 2;") in policy_of(twice)["script-src"] and sha("var a = 1;") not in twice
    assert re.search(r'<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy"', once)
    assert csp.page_problems("p.html", once, engine=False) == []


def test_a_script_added_after_the_build_hashed_the_page_is_a_problem() -> None:
    built = csp.with_policy(PAGE, engine=False)
    tampered = built.replace("</body>", "<script>steal()</script></body>")
    problems = csp.page_problems("p.html", tampered, engine=False)
    assert len(problems) == 1 and "inline script without its hash" in problems[0] and "steal()" in problems[0]


def test_what_a_policy_cannot_allow_by_hash_is_a_problem() -> None:
    built = csp.with_policy(PAGE, engine=False)
    for markup, problem in (('<button onclick="go()">', "inline event handler"),
                            ('<p style="color: red">', "style attribute"),
                            ('<a href="javascript:go()">', "javascript: URL")):
        problems = csp.page_problems("p.html", built.replace("<body>", f"<body>{markup}"), engine=False)
        assert len(problems) == 1 and problem in problems[0], problems
    assert "no Content-Security-Policy" in csp.page_problems("p.html", PAGE, engine=False)[0]
    assert "not a calculator page" in csp.page_problems("p.html", csp.with_policy(PAGE, True), engine=False)[0]
    assert "Pyodide cannot start" in csp.page_problems("p.html", built, engine=True)[0]
    late = built.replace('<meta charset="utf-8">', '<meta charset="utf-8"><script>early()</script>', 1)
    assert any("comes after a script" in p for p in csp.page_problems("p.html", late, engine=False))


def test_every_built_page_has_the_policy_with_the_hash_of_each_inline_script(real_site: Any) -> None:
    site = real_site.site
    engine_pages = check.calculator_outputs(real_site.paths.rendered)
    assert "calculators/payout/index.html" in engine_pages and "nl/calculators/payout/index.html" in engine_pages
    assert csp.check_csp(site, engine_pages) == []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        html = path.read_text(encoding="utf-8")
        rel = path.relative_to(site).as_posix()
        policy = policy_of(html)
        for body in csp.inline_code(html).scripts:
            assert sha(body) in policy["script-src"], rel
        assert (CSP_ENGINE_SCRIPT in policy["script-src"]) == (rel in engine_pages), rel
    boot = (site / "calculators" / "payout" / "index.html").read_text(encoding="utf-8")
    assert "window.calcEngineBoot" in " ".join(csp.inline_code(boot).scripts)  # the calculator's boot script is hashed too
    assert "__md_scope" in " ".join(csp.inline_code(boot).scripts)  # and the theme's


def test_the_build_check_fails_on_an_inline_script_without_its_hash(real_site: Any, tmp_path: Path) -> None:
    page = real_site.site / "credit-insurance" / "index.html"
    copy = tmp_path / "credit-insurance" / "index.html"
    copy.parent.mkdir()
    copy.write_text(page.read_text(encoding="utf-8").replace("</body>", "<script>1</script></body>"), "utf-8")
    problems = csp.check_csp(tmp_path, set())
    assert len(problems) == 1 and problems[0].startswith("credit-insurance/index.html: inline script")


def test_every_server_config_carries_the_header_policy_of_the_settings() -> None:
    nginx = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert "add_header Content-Security-Policy $portal_csp always;" in nginx
    assert f'default                                  "{csp.header_policy(engine=False)}";' in nginx
    assert nginx.count(f'"{csp.header_policy(engine=True)}";') == 2  # calculator pages and the worker
    for config in sorted((ROOT / "deploy").iterdir()):
        text = config.read_text(encoding="utf-8")
        if "Content-Security-Policy" in text:
            assert csp.header_policy(engine=False) in text, config.name
            assert csp.header_policy(engine=True) in text, config.name
            assert "frame-ancestors 'none'" in text, config.name


def test_a_calculator_page_allows_the_letter_sheets_stylesheet_and_a_guide_does_not() -> None:
    """The letter sheet is printed from a srcdoc frame, which inherits the page's policy: its <style> (the engine's
    constant) must be allowed there, by the hash of its exact text, and nowhere else."""
    from calculators.letter_sheet import CSS, document

    engine = csp.with_policy(PAGE, engine=True)
    assert sha(CSS) in policy_of(engine)["style-src"]
    assert sha(CSS) not in policy_of(csp.with_policy(PAGE, engine=False))["style-src"]
    assert csp.page_problems("p.html", engine, engine=True) == []
    # the sheet's own <style> is that constant, byte for byte
    sheet = document([{"subject": "S", "lang": "en"}], "en")
    assert csp.inline_code(sheet).styles == [CSS]
