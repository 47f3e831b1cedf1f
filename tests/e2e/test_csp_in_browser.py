"""The Content-Security-Policy in a real browser: code the build did not hash never runs.

Every other browser test runs under the guard of ``conftest.py``, which fails on any
``securitypolicyviolation`` event; these tests break the policy on purpose and check the browser blocks it.
"""

from __future__ import annotations

from typing import Any

import pytest
from calc_support import open_calculator, page_url
from test_calculators_nginx import head, portal  # noqa: F401 (portal: nginx running deploy/nginx.conf)

INJECT_INLINE = """() => {
  window.__injected = false;
  const script = document.createElement("script");
  script.textContent = "window.__injected = true;";
  document.head.append(script);
  return window.__injected;
}"""


@pytest.mark.parametrize("path", ["", "nl/credit-insurance/"])
def test_an_injected_inline_script_is_blocked_on_a_guide_page(page: Any, site_url: str, guard: Any,
                                                             path: str) -> None:
    guard.expect_csp_violation("script-src-elem blocked inline")
    page.goto(f"{site_url}{path}")
    assert page.evaluate(INJECT_INLINE) is False
    page.wait_for_function("() => true")  # let the violation event reach the guard
    assert any("script-src-elem blocked inline" in v for v in guard.csp_violations), guard.csp_violations


def test_an_injected_inline_script_is_blocked_on_a_calculator_page(page: Any, site_url: str, guard: Any) -> None:
    """Even where the engine runs (wasm allowed), an inline script the build did not hash stays blocked, and so
    does a request to another host. (Eval cannot be tried from here: the test driver's own code may eval.)"""
    guard.expect_csp_violation("script-src-elem blocked inline")
    guard.expect_csp_violation("connect-src blocked http://127.0.0.2")
    open_calculator(page, page_url(site_url, "fr", "payout"))
    assert page.evaluate(INJECT_INLINE) is False
    refused = page.evaluate("""() => fetch("http://127.0.0.2:9/x").then(() => "sent", (e) => e.name)""")
    assert refused == "TypeError"
    page.wait_for_function("() => true")
    seen = " | ".join(guard.csp_violations)
    for expected in ("script-src-elem blocked inline", "connect-src blocked http://127.0.0.2"):
        assert expected in seen, seen


def test_the_policy_is_the_first_thing_in_head_and_names_no_host(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}calculators/payout/")
    policy = page.get_attribute("meta[http-equiv='Content-Security-Policy']", "content")
    assert "default-src 'self'" in policy and "'wasm-unsafe-eval'" in policy
    assert "http" not in policy and "unsafe-inline" not in policy and "unsafe-eval'" not in policy.replace(
        "wasm-unsafe-eval'", "")
    page.goto(f"{site_url}credit-insurance/")
    guide = page.get_attribute("meta[http-equiv='Content-Security-Policy']", "content")
    assert "'wasm-unsafe-eval'" not in guide


def test_nginx_sends_the_header_policy_with_wasm_only_for_the_engine(portal: str) -> None:  # noqa: F811
    """deploy/nginx.conf as shipped (the fixture of test_calculators_nginx.py): the header of the build's settings,
    with frame-ancestors; the calculator pages and the engine's worker (which takes its policy from its own
    response) may compile wasm, nothing else. A calculator computing under it: test_calculators_nginx.py."""
    from site_build.csp import header_policy

    engine, plain = header_policy(engine=True), header_policy(engine=False)
    expected = {"": plain, "nl/credit-insurance/": plain, "calculators/": plain, "assets/calc/calc.js": plain,
                "sw.js": plain, "fr/calculators/payout/": engine, "assets/calc/worker.mjs": engine,
                "calculators/self-assessment-limit/index.html": engine}
    for path, policy in expected.items():
        assert head(portal + path)["Content-Security-Policy"] == policy, path
    assert "frame-ancestors 'none'" in plain
