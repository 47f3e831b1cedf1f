// The claim timeline: from the invoice to the latest payout, as dates and as a drawing.

import { h, s } from "./dom.js";
import { formatInputDate, formatShortDate, todayISO } from "./locale.js";

const SEGMENTS = [
  ["invoice", "due", "term"],
  ["due", "hand_over", "handling"],
  ["hand_over", "latest_payout", "payout"],
];

export default {
  build(calc) {
    const t = (k, p) => calc.t(k, p);
    const rules = calc.config.rules;
    calc.form.append(
      h("fieldset", { class: "calc-group" }, h("legend", {}, t("timeline.group.invoice")),
        calc.field("invoice_date", "date"),
        calc.field("payment_term_days", "integer", { hint: t("timeline.hint.term") })),
      h("fieldset", { class: "calc-group" }, h("legend", {}, t("timeline.group.policy")),
        calc.field("handling_months", "integer", { optional: true, placeholder: String(rules.handling_months),
          hint: t("hint.default_months", { value: rules.handling_months }) }),
        calc.field("payout_months", "integer", { optional: true, placeholder: String(rules.payout_months),
          hint: t("hint.default_months", { value: rules.payout_months }) })),
      h("button", { type: "submit", class: "md-button md-button--primary calc-submit" }, t("action.compute")));
  },

  exampleState(calc) {
    const example = calc.config.example;
    const params = new URLSearchParams();
    params.set("invoice_date", formatInputDate(example.invoice_date || todayISO(), calc.lang));
    if (example.payment_term_days !== undefined) params.set("payment_term_days", String(example.payment_term_days));
    for (const name of ["handling_months", "payout_months"]) {
      if (example[name] !== undefined) params.set(name, String(example[name]));
    }
    return params;
  },

  render(calc, result) {
    const t = (k, p) => calc.t(k, p);
    const byCode = Object.fromEntries(result.milestones.map((m) => [m.code, m]));
    calc.summary.textContent = t("timeline.summary", {
      date: calc.date(byCode.latest_payout.date), days: result.total_days });
    const list = calc.figureList(result.milestones.map((m) => ({
      key: m.code, label: m.label, value: m.date, kind: "date" })), "calc-figure-list calc-milestones");
    const total = calc.figureList([{ key: "total_days", value: result.total_days, kind: "text",
      label: t("timeline.total_days") }]);
    calc.figures.replaceChildren(this.drawing(calc, result, byCode), list, total);
    calc.explain(result.explanation);
  },

  drawing(calc, result, byCode) {
    const t = (k, p) => calc.t(k, p);
    const width = 800;
    const left = 24;
    const right = width - 24;
    const axis = 92;
    const span = Math.max(result.total_days, 1);
    const xOf = (m) => left + ((right - left) * m.days_from_invoice) / span;
    const parts = [];
    for (const [from, to, code] of SEGMENTS) {
      const a = byCode[from];
      const b = byCode[to];
      parts.push(s("line", { x1: xOf(a).toFixed(1), x2: xOf(b).toFixed(1), y1: axis, y2: axis,
        class: `calc-segment calc-segment-${code}` },
      s("title", {}, t(`timeline.segment.${code}`))));
    }
    // A tick at the first day of each month between the invoice and the payout.
    const start = new Date(`${byCode.invoice.date}T00:00:00Z`);
    const tick = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    const end = new Date(`${byCode.latest_payout.date}T00:00:00Z`);
    let guard = 0;
    while (tick <= end && guard < 240) {
      const days = Math.round((tick - start) / 86400000);
      const x = (left + ((right - left) * days) / span).toFixed(1);
      parts.push(s("line", { x1: x, x2: x, y1: axis - 5, y2: axis + 5, class: "calc-tick" }));
      tick.setUTCMonth(tick.getUTCMonth() + 1);
      guard += 1;
    }
    result.milestones.forEach((m, i) => {
      const x = xOf(m);
      const above = i % 2 === 0;
      const anchor = x < left + 60 ? "start" : x > right - 60 ? "end" : "middle";
      parts.push(s("circle", { cx: x.toFixed(1), cy: axis, r: 7, class: `calc-milestone calc-milestone-${m.code}` }));
      parts.push(s("line", { x1: x.toFixed(1), x2: x.toFixed(1), y1: above ? axis - 30 : axis + 10,
        y2: above ? axis - 10 : axis + 30, class: "calc-leader" }));
      parts.push(s("text", { x: x.toFixed(1), y: above ? axis - 54 : axis + 48, "text-anchor": anchor,
        class: "calc-label" }, m.label));
      parts.push(s("text", { x: x.toFixed(1), y: above ? axis - 36 : axis + 66, "text-anchor": anchor,
        class: "calc-label-date" }, formatShortDate(m.date, calc.lang)));
    });
    const description = result.milestones.map((m) => `${m.label}: ${calc.date(m.date)}`).join("; ");
    return h("figure", { class: "calc-picture calc-timeline" },
      s("svg", { viewBox: `0 0 ${width} 184`, role: "img", "aria-labelledby": "calc-tl-title calc-tl-desc",
        focusable: "false", class: "calc-timeline-svg" },
      s("title", { id: "calc-tl-title" }, t("timeline.picture_title")),
      s("desc", { id: "calc-tl-desc" }, description),
      parts),
      h("div", { class: "calc-legend-inline" }, SEGMENTS.map(([, , code]) => h("span", {},
        h("span", { class: `calc-swatch calc-segment-${code}`, "aria-hidden": "true" }),
        ` ${t(`timeline.segment.${code}`)}`))));
  },
};
