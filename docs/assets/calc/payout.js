// The payout calculator: what the insurer pays, and a picture of where every euro of the unpaid balance goes.

import { h, s } from "./dom.js";
import { INTL_LOCALES, formatInputNumber, formatPercent } from "./locale.js";

const AMOUNTS = ["credit_limit", "outstanding", "recovered", "intervention_threshold", "max_payout"];
const SLICES = ["insurer_pays", "own_risk", "above_max", "below_threshold", "above_limit", "vat"];

/** The policy's payout terms (product, cover percentage, threshold, maximum), with the rules' defaults as hints:
 * the fields of the payout calculator, also asked by the receivables report (portfolio.js). */
export function policyFields(calc) {
  const t = (k, p) => calc.t(k, p);
  const rules = calc.config.rules;
  const num = (v) => formatInputNumber(v, calc.lang);
  return [
    calc.radios("product", [
      { value: "generic", label: t("payout.product.generic") },
      { value: "mkbzeker", label: t("payout.product.mkbzeker", {
        cap: calc.money(rules.mkbzeker_cover_cap), max: calc.money(rules.mkbzeker_max_payout) }) },
    ]),
    calc.field("coverage_pct", "percent", { optional: true, placeholder: num(rules.coverage_pct),
      hint: t("hint.default", { value: formatPercent(rules.coverage_pct, calc.lang) }) }),
    calc.field("intervention_threshold", "amount", { optional: true,
      placeholder: num(rules.intervention_threshold),
      hint: t("hint.default", { value: calc.money(rules.intervention_threshold) }) }),
    calc.field("max_payout", "amount", { optional: true, placeholder: "", hint: t("payout.hint.max_payout") }),
  ];
}

export default {
  build(calc) {
    const t = (k, p) => calc.t(k, p);
    calc.form.append(
      h("fieldset", { class: "calc-group" }, h("legend", {}, t("payout.group.claim")),
        calc.field("credit_limit", "amount"),
        calc.field("outstanding", "amount", { hint: t("payout.hint.outstanding") }),
        calc.field("recovered", "amount", { optional: true, hint: t("payout.hint.recovered") })),
      h("fieldset", { class: "calc-group" }, h("legend", {}, t("payout.group.policy")),
        ...policyFields(calc),
        calc.field("vat_rate_pct", "percent", { optional: true, placeholder: "", hint: t("payout.hint.vat") })),
      h("button", { type: "submit", class: "md-button md-button--primary calc-submit" }, t("action.compute")));
  },

  exampleState(calc) {
    const example = calc.config.example;
    const params = new URLSearchParams();
    for (const name of [...AMOUNTS, "coverage_pct", "vat_rate_pct"]) {
      if (example[name] !== undefined) params.set(name, formatInputNumber(example[name], calc.lang));
    }
    params.set("product", example.product || "generic");
    return params;
  },

  render(calc, result) {
    const t = (k, p) => calc.t(k, p);
    calc.summary.textContent = t("payout.summary", {
      payout: calc.money(result.payout), unpaid: calc.money(result.unpaid_balance) });
    const figures = calc.figureList([
      { key: "payout", value: result.payout, kind: "money", strong: true },
      { key: "unpaid_balance", value: result.unpaid_balance, kind: "money" },
      { key: "vat_excluded", value: result.vat_excluded, kind: "money" },
      { key: "effective_limit", value: result.effective_limit, kind: "money" },
      { key: "insured_part", value: result.insured_part, kind: "money" },
      { key: "own_risk", value: result.own_risk, kind: "money" },
      { key: "uninsured_part", value: result.uninsured_part, kind: "money" },
      { key: "above_max", value: result.above_max, kind: "money" },
    ]);
    calc.figures.replaceChildren(h("div", { class: "calc-split" }, figures, this.picture(calc, result)));
    calc.explain(result.explanation);
  },

  /** A stacked bar of the breakdown with its legend; the legend is the picture's text equivalent. */
  picture(calc, result) {
    const t = (k, p) => calc.t(k, p);
    const total = Number(result.unpaid_balance);
    const slices = result.breakdown.filter((slice) => Number(slice.amount) > 0);
    const width = 600;
    const height = 56;
    let x = 0;
    const rects = slices.map((slice) => {
      const w = total > 0 ? (Number(slice.amount) / total) * width : 0;
      const rect = s("rect", { x: x.toFixed(2), y: 0, width: Math.max(w, 0.5).toFixed(2), height,
        class: `calc-slice calc-slice-${slice.code}` },
      s("title", {}, `${t(`payout.slice.${slice.code}`)}: ${calc.money(slice.amount)}`));
      x += w;
      return rect;
    });
    const description = slices.map((slice) => `${t(`payout.slice.${slice.code}`)}: ${calc.money(slice.amount)}`)
      .join("; ") || t("payout.nothing_unpaid");
    const svg = s("svg", { class: "calc-bar", viewBox: `0 0 ${width} ${height}`, role: "img",
      "aria-labelledby": "calc-bar-title calc-bar-desc", preserveAspectRatio: "none", focusable: "false" },
    s("title", { id: "calc-bar-title" }, t("payout.picture_title", { unpaid: calc.money(result.unpaid_balance) })),
    s("desc", { id: "calc-bar-desc" }, description),
    s("rect", { x: 0, y: 0, width, height, class: "calc-bar-back" }),
    rects);
    const legend = h("ul", { class: "calc-legend" }, SLICES.map((code) => {
      const slice = result.breakdown.find((item) => item.code === code);
      const amount = slice ? slice.amount : "0.00";
      const share = total > 0 ? Number(amount) / total : 0;
      return h("li", { class: Number(amount) > 0 ? "" : "calc-legend-zero", dataset: { slice: code } },
        h("span", { class: `calc-swatch calc-slice-${code}`, "aria-hidden": "true" }),
        h("span", { class: "calc-legend-label" }, t(`payout.slice.${code}`)),
        h("span", { class: "calc-legend-amount", dataset: { value: amount } }, calc.money(amount)),
        h("span", { class: "calc-legend-share" }, new Intl.NumberFormat(INTL_LOCALES[calc.lang],
          { style: "percent", maximumFractionDigits: 1 }).format(share)));
    }));
    return h("figure", { class: "calc-picture", "aria-labelledby": "calc-bar-caption" },
      h("figcaption", { id: "calc-bar-caption", class: "calc-caption" }, t("payout.legend_title")), svg, legend);
  },
};
