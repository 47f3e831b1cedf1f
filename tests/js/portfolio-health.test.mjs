// The receivables health page module's pure parts: axis bounds, broken lines, the rate fields' payload.
import assert from "node:assert/strict";
import { test } from "node:test";

import { cellValue, completeRates, formatDays, niceMax, segments } from "../../docs/assets/calc/portfolio-health.js";

test("an axis ends on a round figure at or above the largest value", () => {
  assert.equal(niceMax(0), 1);
  assert.equal(niceMax(42.5), 50);
  assert.equal(niceMax(242), 250);
  assert.equal(niceMax(100), 100);
  assert.equal(niceMax(101), 200);
});

test("a month without DSO breaks the line into runs", () => {
  assert.deepEqual(segments([null, 3, 4, null, 5]), [[[1, 3], [2, 4]], [[4, 5]]]);
  assert.deepEqual(segments([null, null]), []);
});

test("the five rate fields become one object, and nothing when all are empty", () => {
  const payload = { "provision_rates_pct.not_due": "1", "provision_rates_pct.days_over_90": "60", lang: "en" };
  completeRates(payload);
  assert.deepEqual(payload, { lang: "en", provision_rates_pct: { not_due: "1", days_over_90: "60" } });
  const empty = { lang: "en" };
  completeRates(empty);
  assert.deepEqual(empty, { lang: "en" });
});

test("the new columns read into the customer's behaviour and provision", () => {
  const c = { open: "10.00", behaviour: { score: 56 }, provision: { amount: "1.50" } };
  assert.equal(cellValue(c, "score"), 56);
  assert.equal(cellValue(c, "provision"), "1.50");
  assert.equal(cellValue({ provision: null }, "provision"), null);
  assert.equal(cellValue(c, "open"), "10.00");
});

test("days are written with one decimal in the page's language", () => {
  assert.equal(formatDays("242.0", "en"), "242.0");
  assert.equal(formatDays("1234.5", "nl"), "1.234,5");
  assert.equal(formatDays(null, "fr"), "–");
});
