"""The worked-example vectors that the guides and the browser tests share: each one holds in the engine."""

from __future__ import annotations

import json
from typing import Any

import pytest
from engine_support import check_answer, ok

from calculators import CALCULATORS, rules, run_json
from calculators.examples import EXAMPLES

#: The figures the source articles state, and the example that carries each one.
ARTICLE_FIGURES = [
    ("self_assessment_30_days", "limit", "14000.00"),
    ("self_assessment_60_days", "limit", "10500.00"),
    ("self_assessment_all_on_time", "limit", "15000.00"),
    ("payout_limit_25000", "payout", "22500.00"),
    ("payout_limit_50000_france", "payout", "45000.00"),
    ("payout_partial_payment", "payout", "13500.00"),
    ("payout_mkbzeker_maximum", "payout", "13500.00"),
]


def contains(actual: Any, expected: Any) -> bool:
    """Whether ``actual`` holds everything ``expected`` states (results may carry more)."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and contains(actual[k], v) for k, v in expected.items())
    if isinstance(expected, list):
        return isinstance(actual, list) and len(actual) == len(expected) and all(
            contains(a, e) for a, e in zip(actual, expected, strict=True))
    return type(actual) is type(expected) and actual == expected


@pytest.mark.parametrize(("key", "field", "figure"), ARTICLE_FIGURES)
def test_every_worked_example_of_the_articles_is_a_vector(key: str, field: str, figure: str) -> None:
    assert EXAMPLES[key]["expect"][field] == figure


@pytest.mark.parametrize("key", sorted(EXAMPLES))
def test_example_gives_the_figures_it_expects(key: str) -> None:
    example = EXAMPLES[key]
    result = ok(example["calculator"], example["payload"])
    check_answer(result)
    assert contains(result, example["expect"]), {k: result.get(k) for k in example["expect"]}


@pytest.mark.parametrize("key", sorted(EXAMPLES))
def test_example_gives_the_same_figures_as_json_text(key: str) -> None:
    example = EXAMPLES[key]
    answer = json.loads(run_json(example["calculator"], json.dumps(example["payload"])))
    assert contains(answer, example["expect"])


@pytest.mark.parametrize("key", sorted(EXAMPLES))
def test_example_is_well_formed(key: str) -> None:
    example = EXAMPLES[key]
    assert set(example) == {"calculator", "source", "payload", "expect"}
    assert example["calculator"] in CALCULATORS
    assert example["source"] in rules.SOURCES
    assert json.loads(json.dumps(example["payload"])) == example["payload"]  # plain JSON, as a page sends it
    assert example["expect"]


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_examples_give_the_same_figures_in_every_language(lang: str) -> None:
    for example in EXAMPLES.values():
        result = ok(example["calculator"], {**example["payload"], "lang": lang})
        assert contains(result, example["expect"])


def test_contains_notices_a_wrong_figure() -> None:
    assert contains({"limit": "14000.00", "x": 1}, {"limit": "14000.00"})
    assert not contains({"limit": "14000.01"}, {"limit": "14000.00"})
    assert not contains({"eligible": 1}, {"eligible": True})
    assert not contains({"m": [{"code": "due"}]}, {"m": [{"code": "due"}, {"code": "x"}]})
