// The eligibility check: the yes/no questions, the turnover and the customer's country.

import { h } from "./dom.js";
import { INTL_LOCALES, formatInputNumber } from "./locale.js";

const QUESTIONS = ["is_entrepreneur", "customers_are_businesses", "sells_on_account", "has_unpaid_invoices",
  "has_credit_insurance"];
// Countries offered after the covered ones (ISO 3166-1 alpha-2); the names come from Intl in the page's language.
const OTHER_COUNTRIES = ["AT", "AU", "BG", "BR", "CA", "CH", "CN", "CY", "CZ", "DK", "DZ", "EE", "ES", "FI",
  "GR", "HR", "HU", "IE", "IN", "IS", "IT", "JP", "LI", "LT", "LV", "MA", "MT", "MX", "NO", "PL", "PT", "RO",
  "SE", "SG", "SI", "SK", "TN", "TR", "UA", "US", "ZA"];

export default {
  build(calc) {
    const t = (k, p) => calc.t(k, p);
    const rules = calc.config.rules;
    const covered = rules.mkbzeker_countries || [];
    const names = new Intl.DisplayNames([INTL_LOCALES[calc.lang]], { type: "region" });
    const collator = new Intl.Collator(INTL_LOCALES[calc.lang]);
    const option = (code) => ({ value: code, label: names.of(code) });
    const others = OTHER_COUNTRIES.filter((code) => !covered.includes(code)).map(option)
      .sort((a, b) => collator.compare(a.label, b.label));
    calc.form.append(
      h("fieldset", { class: "calc-group" }, h("legend", {}, t("eligibility.group.business")),
        QUESTIONS.map((name) => calc.yesNo(name)),
        calc.field("annual_turnover", "amount", {
          hint: t("eligibility.hint.turnover", { max: calc.money(rules.mkbzeker_max_turnover) }) }),
        calc.select("customer_country", [
          { label: null, options: [{ value: "", label: t("eligibility.country.none") }] },
          { label: t("eligibility.country.covered"), options: covered.map(option) },
          { label: t("eligibility.country.others"), options: others },
        ], { optional: true, hint: t("eligibility.hint.country") })),
      h("button", { type: "submit", class: "md-button md-button--primary calc-submit" }, t("action.compute")));
  },

  exampleState(calc) {
    const example = calc.config.example;
    const params = new URLSearchParams();
    for (const name of QUESTIONS) {
      if (typeof example[name] === "boolean") params.set(name, example[name] ? "yes" : "no");
    }
    if (example.annual_turnover !== undefined) {
      params.set("annual_turnover", formatInputNumber(example.annual_turnover, calc.lang));
    }
    if (example.customer_country) params.set("customer_country", example.customer_country);
    return params;
  },

  render(calc, result) {
    const t = (k, p) => calc.t(k, p);
    const verdict = result.eligible ? t("eligibility.verdict.yes") : t("eligibility.verdict.no");
    calc.summary.textContent = verdict;
    const reasons = result.explanation.filter((step) => !["eligible", "not_eligible"].includes(step.code));
    const closing = result.explanation.find((step) => ["eligible", "not_eligible"].includes(step.code));
    const mark = (code) => (code.startsWith("ok_") || code === "country_covered" ? "ok" : "fail");
    const parts = [
      h("p", { class: `calc-verdict calc-verdict-${result.eligible ? "yes" : "no"}`,
        dataset: { value: String(result.eligible) } },
      h("span", { class: "calc-verdict-icon", "aria-hidden": "true" }, result.eligible ? "✓" : "✗"), " ",
      closing ? closing.text : verdict),
      h("h3", {}, t("eligibility.reasons")),
      h("ul", { class: "calc-checks" }, reasons.map((step) => h("li", {
        class: `calc-check-${mark(step.code)}`, dataset: { code: step.code } },
      h("span", { class: "calc-visually-hidden" }, `${t(`eligibility.mark.${mark(step.code)}`)}: `),
      step.text))),
    ];
    if (result.advice.length) {
      parts.push(h("h3", {}, t("eligibility.advice")),
        h("ul", { class: "calc-advice" }, result.advice.map((item) => h("li", { dataset: { code: item.code } },
          item.text))));
    }
    calc.figures.replaceChildren(...parts);
    // The reasons above are the explanation; the numbered list would only repeat them.
    calc.explanation.hidden = true;
  },
};
