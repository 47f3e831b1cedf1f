// The self-assessment limit: the new payment term, the reference date, a credit report, and the payment experiences.

import { h } from "./dom.js";
import { formatInputDate, formatInputNumber, formatInteger, formatShortDate, todayISO } from "./locale.js";
import { ExperienceTable } from "./table.js";

const INLINE_STEPS = 20;

export default {
  stateKeys: ["r"],

  build(calc) {
    const t = (k, p) => calc.t(k, p);
    this.table = new ExperienceTable(calc);
    calc.form.append(
      h("fieldset", { class: "calc-group" }, h("legend", {}, t("self.group.request")),
        calc.field("new_payment_term_days", "integer", { hint: t("self.hint.term") }),
        calc.field("as_of", "date", { optional: true,
          hint: t("self.hint.as_of", { today: formatShortDate(todayISO(), calc.lang) }) })),
      h("fieldset", { class: "calc-group" }, h("legend", {}, t("self.group.report")),
        h("p", { class: "calc-hint" }, t("self.hint.report")),
        calc.field("credit_report_amount", "amount", { optional: true }),
        calc.field("credit_report_date", "date", { optional: true })),
      this.table.build(),
      h("button", { type: "submit", class: "md-button md-button--primary calc-submit" }, t("action.compute")));
  },

  exampleState(calc) {
    const example = calc.config.example;
    const params = new URLSearchParams();
    if (example.new_payment_term_days !== undefined) {
      params.set("new_payment_term_days", String(example.new_payment_term_days));
    }
    if (example.as_of) params.set("as_of", formatInputDate(example.as_of, calc.lang));
    for (const item of example.experiences || []) {
      params.append("r", [formatInputNumber(item.amount, calc.lang), String(item.payment_term_days),
        formatInputDate(item.invoice_date, calc.lang), formatInputDate(item.paid_date, calc.lang)].join("\t"));
    }
    return params;
  },

  completePayload(calc, payload) {
    payload.experiences = this.table.payload();
  },

  requestInfo() {
    return { map: this.table.map };
  },

  saveState(calc, params) {
    this.table.saveState(params);
  },

  restoreState(calc, params) {
    this.table.restoreState(params);
  },

  locate(calc, path, request) {
    return this.table.locate(path, request.map);
  },

  afterErrors(calc, errors, request) {
    this.table.setErrors(errors, request.map);
    this.table.clearResults();
    this.timeImport(calc, request);
  },

  clearErrors() {
    this.table.clearErrors();
  },

  clearResult() {
    this.table.clearResults();
  },

  render(calc, result, request) {
    const t = (k, p) => calc.t(k, p);
    this.table.showResults(result.experiences, request.map);
    calc.summary.textContent = t(`self.summary.${result.limit_source}`, { limit: calc.money(result.limit) });
    const total = result.experiences.length;
    calc.figures.replaceChildren(calc.figureList([
      { key: "limit", value: result.limit, kind: "money", strong: true },
      { key: "limit_source", value: t(`self.source.${result.limit_source}`), kind: "text" },
      { key: "counted", kind: "text", value: t("self.counted", {
        counted: formatInteger(result.counted_count, calc.lang), total: formatInteger(total, calc.lang) }) },
      { key: "experiences_total", value: result.experiences_total, kind: "money" },
      { key: "experiences_limit", value: result.experiences_limit, kind: "money" },
      result.credit_report_status !== "none"
        ? { key: "credit_report_status", value: t(`self.report.${result.credit_report_status}`), kind: "text" } : null,
      result.credit_report_limit !== null
        ? { key: "credit_report_limit", value: result.credit_report_limit, kind: "money" } : null,
      { key: "oldest_paid_date", value: result.oldest_paid_date, kind: "date" },
      { key: "as_of", value: result.as_of, kind: "date" },
    ]));
    this.explain(calc, result.explanation);
    this.timeImport(calc, request);
  },

  /** Time from choosing a file to its result on the page, for the benchmark. */
  timeImport(calc, request) {
    const table = this.table;
    if (table.importStarted === undefined || request.id < table.importRequest) return;
    calc.root.dataset.importMs = String(Math.round(performance.now() - table.importStarted));
    table.importStarted = undefined;
  },

  /** The explanation, with the per-invoice steps folded away when there are many of them. */
  explain(calc, steps) {
    const perInvoice = steps.filter((step) => step.code.startsWith("experience_"));
    if (perInvoice.length <= INLINE_STEPS) {
      calc.explain(steps);
      return;
    }
    const first = steps.findIndex((step) => step.code.startsWith("experience_"));
    const before = steps.slice(0, first).filter((step) => !step.code.startsWith("experience_"));
    const after = steps.slice(first).filter((step) => !step.code.startsWith("experience_"));
    const inner = h("ol", { class: "calc-explanation-inner" });
    const count = formatInteger(perInvoice.length, calc.lang);
    const details = h("details", {}, h("summary", {}, calc.t("self.per_invoice", { count })), inner);
    details.addEventListener("toggle", () => {  // thousands of steps: built only when opened
      if (details.open && !inner.childElementCount) {
        const fragment = document.createDocumentFragment();
        for (const step of perInvoice) fragment.append(h("li", { dataset: { code: step.code } }, step.text));
        inner.append(fragment);
      }
    });
    const li = (step) => h("li", { dataset: { code: step.code } }, step.text);
    calc.explanationList.replaceChildren(...before.map(li), h("li", { class: "calc-folded" }, details),
      ...after.map(li));
  },
};
