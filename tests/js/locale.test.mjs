// Numbers and dates as people of each language type them (docs/assets/calc/locale.js): `node --test`.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  fill, formatDate, formatInputDate, formatInputNumber, formatMoney, formatShortDate, parseAmount, parseDate,
  parseInteger, parsePercent,
} from "../../docs/assets/calc/locale.js";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

test("an amount is read the way each language writes it", () => {
  const cases = {
    nl: [["14.000,50", "14000.50"], ["14000,50", "14000.50"], ["14.000", "14000"], ["1.234.567,8", "1234567.8"],
      ["€ 2.500", "2500"], ["2500 EUR", "2500"]],
    fr: [["14 000,50", "14000.50"], [`14${NBSP}000,50`, "14000.50"], [`14${NNBSP}000,50`, "14000.50"],
      ["14000,5", "14000.5"], ["2 500 €", "2500"]],
    en: [["14,000.50", "14000.50"], ["14000.50", "14000.50"], ["14,000", "14000"], ["€14,000", "14000"],
      ["+25", "25"], [".5", "0.5"]],
  };
  for (const [lang, pairs] of Object.entries(cases)) {
    for (const [typed, canonical] of pairs) assert.equal(parseAmount(typed, lang), canonical, `${lang} ${typed}`);
  }
});

test("the same digits mean what the reader's language means", () => {
  // One separator followed by three digits is a thousands group in the language that groups with it.
  assert.equal(parseAmount("14.000", "nl"), "14000");
  assert.equal(parseAmount("14.000", "en"), "14.000");
  assert.equal(parseAmount("14,000", "en"), "14000");
  assert.equal(parseAmount("14,000", "nl"), "14.000");
  assert.equal(parseAmount("14,5", "en"), "14.5");  // a comma that cannot be a group is a decimal point
});

test("an amount that cannot be read is null, an empty one is empty", () => {
  for (const lang of ["nl", "fr", "en"]) {
    for (const typed of ["12,34,5", "abc", "-5", "1.2.3", "14.00.000", "1e5", "Infinity", "12,3.4"]) {
      assert.equal(parseAmount(typed, lang), null, `${lang} ${typed}`);
    }
    assert.equal(parseAmount("", lang), "");
    assert.equal(parseAmount("  ", lang), "");
  }
});

test("percentages and whole numbers", () => {
  assert.equal(parsePercent("90 %", "fr"), "90");
  assert.equal(parsePercent("12,5%", "nl"), "12.5");
  assert.equal(parsePercent("12.5%", "en"), "12.5");
  assert.equal(parseInteger("60"), 60);
  assert.equal(parseInteger(" 1 000 "), 1000);
  assert.equal(parseInteger(""), "");
  assert.equal(parseInteger("6.5"), null);
  assert.equal(parseInteger("-3"), null);
});

test("dates in ISO and in the day-first orders people type", () => {
  for (const typed of ["2026-01-15", "15-01-2026", "15/01/2026", "15.01.2026", "15/1/2026", "2026/1/15"]) {
    assert.equal(parseDate(typed), "2026-01-15", typed);
  }
  assert.equal(parseDate(""), "");
  for (const typed of ["15 januari 2026", "01-2026", "2026-01", "15-01-26", "tomorrow"]) {
    assert.equal(parseDate(typed), null, typed);
  }
});

test("what a page shows is read back as the same value", () => {
  for (const lang of ["nl", "fr", "en"]) {
    for (const value of ["14000.5", "1234567.25", "0.75", "15000"]) {
      assert.equal(Number(parseAmount(formatInputNumber(value, lang), lang)), Number(value), `${lang} ${value}`);
    }
    assert.equal(parseDate(formatInputDate("2026-02-28", lang)), "2026-02-28");
  }
});

test("money and dates are formatted per language", () => {
  assert.equal(formatMoney("14000.5", "nl"), `€${NBSP}14.000,50`);
  assert.match(formatMoney("14000.5", "fr"), /^14[\s\u202f\u00a0]000,50[\s\u00a0]€$/);
  assert.equal(formatMoney("14000.5", "en"), "€14,000.50");
  assert.equal(formatDate("2026-01-15", "nl"), "15 januari 2026");
  assert.equal(formatDate("2026-01-15", "fr"), "15 janvier 2026");
  assert.equal(formatDate("2026-01-15", "en"), "15 January 2026");
  assert.equal(formatShortDate("2026-01-05", "nl"), "05-01-2026");
  assert.equal(formatShortDate("2026-01-05", "fr"), "05/01/2026");
});

test("placeholders are filled, unknown ones left as they are", () => {
  assert.equal(fill("{count} rows from {name}", { count: 3, name: "a.csv" }), "3 rows from a.csv");
  assert.equal(fill("{count} of {total}", { count: 1 }), "1 of {total}");
});
