// Is credit insurance worth it: the premium against the expected payout, and the largest customer with and
// without cover, as figures and as two bar pictures whose legends are their text equivalent.

import { h, s } from "./dom.js";
import { formatInputNumber, formatPercent } from "./locale.js";

const AMOUNTS = ["turnover_on_credit", "premium", "largest_exposure", "largest_exposure_limit"];
const PERCENTS = ["premium_rate_pct", "insured_share_pct", "coverage_pct", "expected_loss_rate_pct", "margin_pct"];

export default {
  build(calc) {
    const t = (k, p) => calc.t(k, p);
    const rules = calc.config.rules;
    const num = (v) => formatInputNumber(v, calc.lang);
    calc.form.append(
      h("fieldset", { class: "calc-group" }, h("legend", {}, t("iv.group.business")),
        calc.field("turnover_on_credit", "amount", { hint: t("iv.hint.turnover") }),
        calc.field("insured_share_pct", "percent", { optional: true, placeholder: num("100"),
          hint: t("iv.hint.insured_share") }),
        calc.field("expected_loss_rate_pct", "percent", { optional: true, placeholder: "",
          hint: t("iv.hint.loss_rate") }),
        calc.field("margin_pct", "percent", { optional: true, placeholder: "", hint: t("iv.hint.margin") })),
      h("fieldset", { class: "calc-group" }, h("legend", {}, t("iv.group.quote")),
        h("p", { class: "calc-hint" }, t("iv.hint.one_of", {
          low: formatPercent(rules.premium_rate_typical_low_pct, calc.lang),
          high: formatPercent(rules.premium_rate_typical_high_pct, calc.lang) })),
        calc.field("premium_rate_pct", "percent", { optional: true, placeholder: "" }),
        calc.field("premium", "amount", { optional: true, placeholder: "" }),
        calc.field("coverage_pct", "percent", { optional: true, placeholder: num(rules.coverage_pct),
          hint: t("hint.default", { value: formatPercent(rules.coverage_pct, calc.lang) }) })),
      h("fieldset", { class: "calc-group" }, h("legend", {}, t("iv.group.largest")),
        calc.field("largest_exposure", "amount", { optional: true, placeholder: "", hint: t("iv.hint.largest") }),
        calc.field("largest_exposure_limit", "amount", { optional: true, placeholder: "",
          hint: t("iv.hint.largest_limit") })),
      h("button", { type: "submit", class: "md-button md-button--primary calc-submit" }, t("action.compute")));
  },

  exampleState(calc) {
    const example = calc.config.example;
    const params = new URLSearchParams();
    for (const name of [...AMOUNTS, ...PERCENTS]) {
      if (example[name] !== undefined) params.set(name, formatInputNumber(example[name], calc.lang));
    }
    return params;
  },

  render(calc, result) {
    const t = (k, p) => calc.t(k, p);
    const has = (key) => result[key] !== undefined && result[key] !== null;
    calc.summary.textContent = has("net_expected")
      ? t(Number(result.net_expected) >= 0 ? "iv.summary.gain" : "iv.summary.cost", {
        premium: calc.money(result.premium), payout: calc.money(result.expected_payout),
        net: calc.money(String(Math.abs(Number(result.net_expected)))) })
      : t("iv.summary.premium", { premium: calc.money(result.premium) });
    const figures = calc.figureList([
      { key: "premium", value: result.premium, kind: "money", strong: true },
      { key: "insured_turnover", value: result.insured_turnover, kind: "money" },
      has("premium_rate_pct") && { key: "premium_rate_pct", value: result.premium_rate_pct, kind: "pct" },
      has("break_even_loss_rate_pct") && { key: "break_even_loss_rate_pct", value: result.break_even_loss_rate_pct,
        kind: "pct" },
      has("expected_loss") && { key: "expected_loss", value: result.expected_loss, kind: "money" },
      has("expected_payout") && { key: "expected_payout", value: result.expected_payout, kind: "money" },
      has("net_expected") && { key: "net_expected", value: result.net_expected, kind: "money", strong: true },
      has("largest_loss_uninsured") && { key: "largest_loss_uninsured", value: result.largest_loss_uninsured,
        kind: "money" },
      has("largest_loss_insured") && { key: "largest_loss_insured", value: result.largest_loss_insured,
        kind: "money" },
      has("sales_to_replace_largest_loss") && { key: "sales_to_replace_largest_loss",
        value: result.sales_to_replace_largest_loss, kind: "money" },
      has("sales_to_replace_insured_loss") && { key: "sales_to_replace_insured_loss",
        value: result.sales_to_replace_insured_loss, kind: "money" },
    ]);
    const pictures = [];
    if (has("expected_payout")) {
      pictures.push(this.bars(calc, "iv-year", t("iv.picture.year_title"), [
        { code: "premium", label: t("iv.bar.premium"), amount: result.premium },
        { code: "expected_payout", label: t("iv.bar.expected_payout"), amount: result.expected_payout },
      ]));
    }
    if (has("largest_loss_insured")) {
      pictures.push(this.bars(calc, "iv-largest", t("iv.picture.largest_title"), [
        { code: "uninsured", label: t("iv.bar.without_cover"), amount: result.largest_loss_uninsured },
        { code: "insured", label: t("iv.bar.with_cover"), amount: result.largest_loss_insured },
        { code: "premium", label: t("iv.bar.premium"), amount: result.premium },
      ]));
    }
    calc.figures.replaceChildren(h("div", { class: "calc-split" }, figures, h("div", {}, pictures)));
    calc.explain(result.explanation);
  },

  /** Horizontal bars on one scale, one per row; the legend list repeats every amount as text. */
  bars(calc, id, title, rows) {
    const max = Math.max(...rows.map((row) => Number(row.amount)), 0);
    const width = 600;
    const rowHeight = 28;
    const gap = 10;
    const height = rows.length * (rowHeight + gap) - gap;
    const describe = rows.map((row) => `${row.label}: ${calc.money(row.amount)}`).join("; ");
    const svg = s("svg", { class: "calc-bar iv-bars", viewBox: `0 0 ${width} ${height}`, role: "img",
      "aria-labelledby": `${id}-title ${id}-desc`, preserveAspectRatio: "none", focusable: "false" },
    s("title", { id: `${id}-title` }, title),
    s("desc", { id: `${id}-desc` }, describe),
    rows.map((row, index) => {
      const w = max > 0 ? (Number(row.amount) / max) * width : 0;
      return s("rect", { x: 0, y: index * (rowHeight + gap), width: Math.max(w, 0.5).toFixed(2), height: rowHeight,
        class: `iv-bar iv-bar-${row.code}` }, s("title", {}, `${row.label}: ${calc.money(row.amount)}`));
    }));
    const legend = h("ul", { class: "calc-legend iv-legend" }, rows.map((row) => h("li", { dataset: { bar: row.code } },
      h("span", { class: `calc-swatch iv-bar-${row.code}`, "aria-hidden": "true" }),
      h("span", { class: "calc-legend-label" }, row.label),
      h("span", { class: "calc-legend-amount", dataset: { value: row.amount } }, calc.money(row.amount)))));
    return h("figure", { class: "calc-picture", "aria-labelledby": `${id}-caption`, dataset: { picture: id } },
      h("figcaption", { id: `${id}-caption`, class: "calc-caption" }, title), svg, legend);
  },
};
