// Late payment: what unpaid invoices cost the customer (interest per rate period, costs), a picture of how the claim
// builds up, the periods, and the letter in a language of its own.

import { clear, h, s } from "./dom.js";
import { formatInputDate, formatInputNumber, formatInteger, formatPercent, formatShortDate,
  todayISO } from "./locale.js";
import { LetterSheet } from "./letter-sheet.js";
import { RowTable } from "./table.js";

const COUNTRIES = ["NL", "BE", "FR"];
const DEBTORS = ["business", "consumer"];
const LETTER_LANGS = ["nl", "fr", "en"];
const LETTERS = ["none", "reminder", "formal_notice", "fourteen_day_letter"];
const NOTICE_BY = ["post", "email"];
const NL_BUSINESS_COSTS = ["scale", "flat", "agreed"];
/** The letter that starts a consumer's term, by country: its costs_after_notice is shown next to it. */
const TERM_LETTER = { NL: "fourteen_day_letter", BE: "reminder" };
const PERIOD_PAGE = 50;
/** More interest slices than this in the picture: one per year instead of one per half-year. */
const MAX_SLICES = 12;
/** More explanation steps of one kind than this: folded away, built when opened. */
const INLINE_STEPS = 20;
/**
 * Above this many invoices the engine is asked for no period rows: tens of thousands of them would cost more to
 * compute, send and parse than the whole claim, and nobody reads them on a page; the explanation sums them up.
 */
const LISTED_PERIODS_MAX_INVOICES = 500;

const INVOICES = {
  name: "invoices",
  state: "i",
  ids: "invoices",
  className: "calc-lp-invoices",
  columns: [
    { key: "amount", kind: "amount", label: "late.col.amount" },
    { key: "due_date", kind: "date", label: "late.col.due_date" },
    { key: "reference", kind: "text", label: "late.col.reference" },
  ],
  headers: [
    ["due_date", /due|verval|[ée]ch[ée]an|date|datum/i],
    ["amount", /amount|bedrag|montant|som|total/i],
    ["reference", /ref|num|nr|no\b|invoice|factu/i],
  ],
  strings: { legend: "late.invoices.legend", caption: "late.invoices.caption", hint: "late.invoices.hint",
    cell: "late.invoices.cell", remove: "late.invoices.remove" },
  results: {
    heads: ["late.col.days_late", "late.col.interest", "late.col.status"],
    cells: ["calc-num calc-lp-days", "calc-num calc-lp-inv-interest",
      { class: "calc-why calc-lp-status", text: "calc-lp-status-text" }],
    fill: fillInvoice,
  },
};

/** The engine's figures for one invoice in its row: days late, the interest it earned, where it stands. */
function fillInvoice(table, tr, result) {
  const [days, interest, status] = [".calc-lp-days", ".calc-lp-inv-interest", ".calc-lp-status-text"]
    .map((selector) => tr.querySelector(selector));
  if (!result) {
    for (const el of [days, interest, status]) {
      el.textContent = "";
      delete el.dataset.value;
    }
    tr.removeAttribute("data-status");
    return;
  }
  days.textContent = formatInteger(result.days_late, table.calc.lang);
  days.dataset.value = String(result.days_late);
  interest.textContent = table.calc.money(result.interest);
  interest.dataset.value = result.interest;
  status.textContent = table.t(`late.status.${result.status}`);
  status.dataset.value = result.status;
  tr.dataset.status = result.status;
}

const PAYMENTS = {
  name: "payments",
  state: "p",
  ids: "payments",
  className: "calc-lp-payments",
  columns: [
    { key: "amount", kind: "amount", label: "late.col.amount" },
    { key: "date", kind: "date", label: "late.col.paid_on" },
  ],
  headers: [
    ["amount", /amount|bedrag|montant|som/i],
    ["date", /date|datum|paid|betaal|pay|pai/i],
  ],
  strings: { legend: "late.payments.legend", caption: "late.payments.caption", hint: "late.payments.hint",
    cell: "late.payments.cell", remove: "late.payments.remove" },
};

const RATES = {
  name: "rates",
  state: "rt",
  ids: "rates",
  className: "calc-lp-rates",
  columns: [
    { key: "from", kind: "date", label: "late.col.from" },
    { key: "rate_pct", kind: "percent", label: "late.col.rate_pct" },
  ],
  headers: [
    ["from", /from|vanaf|depuis|date|datum|half|semest/i],
    ["rate_pct", /rate|rente|taux|%/i],
  ],
  strings: { legend: "late.rates.legend", caption: "late.rates.caption", hint: "late.rates.hint",
    cell: "late.rates.cell", remove: "late.rates.remove" },
};

/** The ECB main refinancing rate of a half-year the tables lack: the engine derives each country's rate of it. */
const ECB_RATES = {
  ...RATES,
  name: "ecb_rates",
  state: "er",
  ids: "ecb_rates",
  className: "calc-lp-ecb-rates",
  strings: { legend: "late.ecb.legend", caption: "late.ecb.caption", hint: "late.ecb.hint",
    cell: "late.ecb.cell", remove: "late.ecb.remove" },
};

/** "123.45" -> 12345n: exact sums of the engine's two-decimal amounts. */
function cents(amount) {
  const [whole, fraction = ""] = String(amount).split(".");
  const sign = whole.startsWith("-") ? -1n : 1n;
  return sign * (BigInt(whole.replace("-", "") || "0") * 100n + BigInt((fraction + "00").slice(0, 2)));
}

function fromCents(value) {
  const sign = value < 0n ? "-" : "";
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/** The half-year an ISO date falls in: "2025-07-01" -> {key: "2025-2", year: "2025", half: 2}. */
function halfYear(iso) {
  const year = iso.slice(0, 4);
  const half = Number(iso.slice(5, 7)) <= 6 ? 1 : 2;
  return { key: `${year}-${half}`, year, half, start: `${year}-${half === 1 ? "01" : "07"}-01` };
}

export default {
  stateKeys: [INVOICES.state, PAYMENTS.state, RATES.state, ECB_RATES.state],

  build(calc) {
    this.calc = calc;
    const t = (k, p) => calc.t(k, p);
    this.invoices = new RowTable(calc, INVOICES);
    this.payments = new RowTable(calc, PAYMENTS);
    this.rates = new RowTable(calc, RATES);
    this.ecbRates = new RowTable(calc, ECB_RATES);
    this.tables = [this.invoices, this.payments, this.rates, this.ecbRates];
    this.rateHelp = h("div", { class: "calc-lp-rate-help", hidden: true });
    this.tableInfo = h("p", { class: "calc-hint calc-lp-table-info" });
    this.sheet = new LetterSheet(calc);  // the letter's A4 sheet: sender and customer details, print, download
    const rules = calc.config.rules;
    const flat = calc.money(rules.late_compensation_eur);
    calc.form.append(
      h("fieldset", { class: "calc-group" }, h("legend", {}, t("late.group.claim")),
        calc.radios("country", COUNTRIES.map((value) => ({ value, label: t(`late.country.${value}`) }))),
        calc.radios("debtor", DEBTORS.map((value) => ({ value, label: t(`late.debtor.${value}`) })))),
      this.invoices.build(),
      this.payments.build(),
      this.noticeBox = h("fieldset", { class: "calc-group calc-lp-notice" }, h("legend", {}, t("late.group.notice")),
        calc.field("notice_date", "date", { optional: true, label: t("late.field.notice_date"),
          hint: t("late.hint.notice_date.NL") }),
        calc.select("notice_by", [{ label: null, options: NOTICE_BY.map((value) => ({
          value, label: t(`late.notice_by.${value}`) })) }], { label: t("late.field.notice_by") })),
      this.costsBox = h("fieldset", { class: "calc-group calc-lp-costs-terms" },
        h("legend", {}, t("late.group.costs")),
        calc.select("nl_business_costs", [{ label: null, options: NL_BUSINESS_COSTS.map((value) => ({
          value, label: t(`late.nl_business_costs.${value}`, { flat }) })) }],
        { label: t("late.field.nl_business_costs"), hint: t("late.hint.nl_business_costs", { flat }) }),
        calc.field("agreed_costs", "amount", { optional: true, label: t("late.field.agreed_costs") })),
      h("fieldset", { class: "calc-group" }, h("legend", {}, t("late.group.interest")),
        calc.field("until", "date", { optional: true,
          hint: t("late.hint.until", { today: formatShortDate(todayISO(), calc.lang) }) }),
        calc.field("agreed_rate_pct", "percent", { optional: true, placeholder: "", hint: t("late.hint.agreed") }),
        calc.yesNo("agreed_rate_compound", { legend: t("late.field.agreed_rate_compound") }),
        this.tableInfo),
      this.ratesBox = h("details", { class: "calc-lp-rates-box" },
        h("summary", {}, t("late.rates.legend"), h("span", { class: "calc-optional" }, ` ${t("field.optional")}`)),
        this.rates.build(), this.ecbRates.build(), this.rateHelp),
      h("fieldset", { class: "calc-group calc-lp-letter-fields" }, h("legend", {}, t("late.group.letter")),
        calc.select("letter", [{ label: null, options: LETTERS.map((value) => ({
          value, label: t(`late.letter.kind.${value}`, { days: rules.nl_letter_days }) })) }],
        { hint: t("late.hint.letter") }),
        calc.select("letter_lang", [{ label: null, options: LETTER_LANGS.map((value) => ({
          value, label: t(`late.letter_lang.${value}`) })) }], { hint: t("late.hint.letter_lang") }),
        calc.field("creditor", "text", { optional: true, placeholder: "" }),
        calc.field("debtor_name", "text", { optional: true, placeholder: "" }),
        calc.field("debt_description", "text", { optional: true, placeholder: "", label: t("late.field.debt_description"),
          hint: t("late.hint.debt_description") }),
        calc.field("pay_within_days", "integer", { optional: true, placeholder: String(rules.nl_letter_days ?? ""),
          hint: t("late.hint.pay_within", { days: rules.nl_letter_days ?? "" }) })),
      this.sheet.build(),
      h("button", { type: "submit", class: "md-button md-button--primary calc-submit" }, t("action.compute")));
    this.buildResult(calc);
    calc.form.addEventListener("change", () => this.toggle(calc));
    this.toggle(calc);
  },

  /** The fields of this claim's law and customer only: the notice for consumers, the cost terms for Dutch firms. */
  toggle(calc) {
    const get = (name) => calc.fields.get(name).get();
    const country = get("country") || "NL";
    const consumer = get("debtor") === "consumer";
    this.noticeBox.hidden = !consumer;
    calc.fields.get("notice_by").wrapper.hidden = country !== "BE";
    const hint = calc.fields.get("notice_date").hint;
    if (hint) hint.textContent = calc.t(`late.hint.notice_date.${country}`, { days: calc.config.rules.nl_letter_days });
    this.costsBox.hidden = consumer || country !== "NL";
    calc.fields.get("agreed_costs").wrapper.hidden = get("nl_business_costs") !== "agreed";
  },

  /** Fields that do not apply to this claim are not sent (they stay in the form, and in the address). */
  skipField(name) {
    if (!this.noticeBox) return false;
    const calc = this.calc;
    const get = (field) => calc.fields.get(field).get();
    const country = get("country") || "NL";
    const consumer = get("debtor") === "consumer";
    if (name === "notice_date") return !consumer;
    if (name === "notice_by") return !consumer || country !== "BE";
    if (name === "nl_business_costs") return consumer || country !== "NL";
    if (name === "agreed_costs") return consumer || country !== "NL" || get("nl_business_costs") !== "agreed";
    return false;
  },

  /** The parts of the result this page adds after the figures: warnings, periods, letter. */
  buildResult(calc) {
    const t = (k, p) => calc.t(k, p);
    this.warnings = h("div", { class: "calc-lp-warnings", role: "note", hidden: true });
    this.periodsBody = h("tbody", {});
    this.periodsInfo = h("span", { class: "calc-page-info", "aria-live": "polite" });
    this.periodsPrev = h("button", { type: "button", class: "md-button calc-small",
      onclick: () => this.showPeriods(calc, this.periodsPage - 1) }, t("late.periods.previous"));
    this.periodsNext = h("button", { type: "button", class: "md-button calc-small",
      onclick: () => this.showPeriods(calc, this.periodsPage + 1) }, t("late.periods.next"));
    const heads = ["invoice", "from", "to", "days", "rate_pct", "principal", "interest"];
    this.periodsNote = h("p", { class: "calc-hint calc-lp-periods-note", hidden: true });
    this.periodsTable = h("div", { class: "calc-table-wrap" }, h("table", { class: "calc-table calc-lp-period-table" },
      h("caption", { class: "calc-visually-hidden" }, t("late.periods.title")),
      h("thead", {}, h("tr", {}, heads.map((key) => h("th", { scope: "col" }, t(`late.period.${key}`))))),
      this.periodsBody));
    this.periods = h("section", { class: "calc-lp-periods", hidden: true, "aria-labelledby": "calc-periods-title" },
      h("h3", { id: "calc-periods-title" }, t("late.periods.title")), this.periodsNote, this.periodsTable,
      h("div", { class: "calc-pager" }, this.periodsPrev, this.periodsInfo, this.periodsNext));
    this.letterText = h("div", { class: "calc-lp-letter-text", id: "calc-letter-text", tabindex: "0",
      role: "document", "aria-labelledby": "calc-letter-title" });
    this.letterStatus = h("span", { class: "calc-lp-letter-status", role: "status" });
    this.letterTitle = h("h3", { id: "calc-letter-title" }, t("late.letter.title"));
    this.letterNote = h("p", { class: "calc-hint calc-lp-costs-after-notice", hidden: true });
    this.letter = h("section", { class: "calc-lp-letter", hidden: true, "aria-labelledby": "calc-letter-title" },
      this.letterTitle,
      h("p", { class: "calc-actions calc-lp-letter-actions" },
        h("button", { type: "button", class: "md-button", onclick: () => this.copyLetter(calc) },
          t("late.letter.copy")),
        h("button", { type: "button", class: "md-button", onclick: () => this.printLetter() },
          t("late.letter.print")),
        this.sheet.download(),
        h("button", { type: "button", class: "md-button", onclick: () => this.chooseLetterLang(calc) },
          t("late.letter.change_lang")),
        this.letterStatus),
      this.letterNote,
      this.letterText);
    calc.figures.after(this.warnings);
    calc.explanation.before(this.periods);
    calc.explanation.after(this.letter);
  },

  halfLabel(calc, iso) {
    const { year, half } = halfYear(iso);
    return calc.t(`late.half.${half}`, { year });
  },

  // -- the example and the page address -------------------------------------------------------------------

  exampleState(calc) {
    const example = calc.config.example;
    const lang = calc.lang;
    const params = new URLSearchParams();
    const num = (v) => formatInputNumber(v, lang);
    params.set("country", example.country || "NL");
    params.set("debtor", example.debtor || "business");
    if (example.until) params.set("until", formatInputDate(example.until, lang));
    if (example.agreed_rate_pct !== undefined) params.set("agreed_rate_pct", num(example.agreed_rate_pct));
    params.set("letter", example.letter || "reminder");
    params.set("letter_lang", example.letter_lang || lang);
    for (const name of ["creditor", "debtor_name"]) {
      if (example[name]) params.set(name, example[name]);
    }
    if (example.pay_within_days !== undefined) params.set("pay_within_days", String(example.pay_within_days));
    for (const item of example.invoices || []) {
      params.append(INVOICES.state, [num(item.amount), formatInputDate(item.due_date, lang), item.reference || ""]
        .join("\t"));
    }
    for (const item of example.payments || []) {
      params.append(PAYMENTS.state, [num(item.amount), formatInputDate(item.date, lang)].join("\t"));
    }
    for (const item of example.rates || []) {
      params.append(RATES.state, [formatInputDate(item.from, lang), num(item.rate_pct)].join("\t"));
    }
    for (const item of example.ecb_rates || []) {
      params.append(ECB_RATES.state, [formatInputDate(item.from, lang), num(item.rate_pct)].join("\t"));
    }
    if (example.notice_date) params.set("notice_date", formatInputDate(example.notice_date, lang));
    for (const name of ["notice_by", "nl_business_costs", "debt_description"]) {
      if (example[name]) params.set(name, example[name]);
    }
    if (example.agreed_costs !== undefined) params.set("agreed_costs", num(example.agreed_costs));
    return params;
  },

  saveState(calc, params) {
    for (const table of this.tables) table.saveState(params);
  },

  restoreState(calc, params) {
    for (const table of this.tables) table.restoreState(params);
    this.ratesBox.open = params.getAll(RATES.state).length + params.getAll(ECB_RATES.state).length > 0;
    if (!params.get("notice_by")) calc.fields.get("notice_by").set("post");
    if (!params.get("nl_business_costs")) calc.fields.get("nl_business_costs").set("scale");
    this.toggle(calc);
    // A select shows its first choice when the address names none: make that what is sent, too.
    if (!params.get("letter_lang")) calc.fields.get("letter_lang").set(calc.lang);
    if (!params.get("letter")) calc.fields.get("letter").set("reminder");
    this.sheet.restore();
  },

  // -- to the engine ----------------------------------------------------------------------------------------

  completePayload(calc, payload) {
    payload.invoices = this.invoices.payload();
    if (payload.invoices.length > LISTED_PERIODS_MAX_INVOICES) payload.include_periods = false;
    const payments = this.payments.payload();
    if (payments.length) payload.payments = payments;
    const rates = this.rates.payload();
    if (rates.length) payload.rates = rates;
    const ecbRates = this.ecbRates.payload();
    if (ecbRates.length) payload.ecb_rates = ecbRates;
    this.sheet.completePayload(payload);
  },

  requestInfo() {
    return { maps: { invoices: this.invoices.map, payments: this.payments.map, rates: this.rates.map,
      ecb_rates: this.ecbRates.map } };
  },

  // -- errors ------------------------------------------------------------------------------------------------

  locate(calc, path, request) {
    for (const table of this.tables) {
      const found = table.locate(path, request.maps[table.spec.name]);
      if (found) return found;
    }
    return null;
  },

  afterErrors(calc, errors, request) {
    for (const table of this.tables) {
      table.setErrors(errors, request.maps[table.spec.name]);
    }
    this.offerMissingRates(calc, errors.filter((error) => ["rate_missing", "ecb_rate_missing"].includes(error.code))
      .map((error) => ({ from: (/\d{4}-(?:01|07)-01/.exec(error.message) || [])[0], field: error.field })),
    errors.some((error) => error.field.startsWith(RATES.name) || error.field.startsWith(ECB_RATES.name)));
    this.timeImport(calc, request);
  },

  /**
   * Half-years the engine's tables do not hold (an error, or a partial answer's missing_rates): a button for each
   * adds a row for that half-year, to the ECB rates or to the rates as the engine asks, and puts the caret in it.
   */
  offerMissingRates(calc, missing, open = false) {
    if (open || missing.length) this.ratesBox.open = true;
    clear(this.rateHelp).hidden = !missing.length;
    if (!missing.length) return;
    const starts = new Map();
    for (const item of missing) {  // the half-year's first day (YYYY-01-01 or YYYY-07-01)
      if (item.from) starts.set(halfYear(item.from).start, item.field === ECB_RATES.name ? this.ecbRates : this.rates);
    }
    const buttons = [...starts].sort().map(([start, table]) => h("button", { type: "button",
      class: "md-button calc-small", dataset: { from: start, table: table.spec.name },
      onclick: () => this.addRate(calc, start, table) },
    calc.t(table === this.ecbRates ? "late.ecb.add_for" : "late.rates.add_for",
      { half: this.halfLabel(calc, start) })));
    if (!buttons.length) {
      buttons.push(h("button", { type: "button", class: "md-button calc-small", onclick: () => this.rates.add() },
        calc.t("table.add")));
    }
    this.rateHelp.append(h("p", { class: "calc-hint" }, calc.t("late.rates.missing_hint")), ...buttons);
  },

  addRate(calc, start, table = this.rates) {
    const from = formatInputDate(start, calc.lang);
    let index = table.rows.findIndex((row) => row.from === from);
    if (index === -1) index = table.put({ from });
    table.focusCell(index, "rate_pct");
  },

  clearErrors() {
    for (const table of this.tables) table.clearErrors();
    if (this.rateHelp) clear(this.rateHelp).hidden = true;
  },

  clearResult() {
    this.invoices.clearResults();
    this.periods.hidden = true;
    this.letter.hidden = true;
    this.warnings.hidden = true;
    this.result = null;
  },

  // -- the result -------------------------------------------------------------------------------------------

  render(calc, result, request) {
    const t = (k, p) => calc.t(k, p);
    this.result = result;
    this.request = request;
    this.invoices.showResults(result.invoices || [], request.maps.invoices);
    calc.summary.textContent = t("late.summary", { total: calc.money(result.total),
      outstanding: calc.money(result.principal_outstanding), interest: calc.money(result.interest),
      costs: calc.money(result.costs), until: calc.date(result.until) });
    const figures = calc.figureList([
      { key: "total", value: result.total, kind: "money", strong: true },
      { key: "principal", value: result.principal, kind: "money" },
      { key: "paid", value: result.paid, kind: "money" },
      { key: "principal_outstanding", value: result.principal_outstanding, kind: "money" },
      { key: "interest", value: result.interest, kind: "money" },
      { key: "costs", value: result.costs, kind: "money" },
      this.afterNoticeShown(result) ? { key: "costs_after_notice", value: result.costs_after_notice, kind: "money",
        label: t(`late.figure.costs_after_notice.${result.country}`) } : null,
      { key: "costs_basis", value: t(`late.costs_basis.${result.costs_basis}`, {
        flat: calc.money(calc.config.rules.late_compensation_eur) }), kind: "text" },
      (result.costs_conditions || []).length ? { key: "costs_conditions", kind: "text",
        value: this.conditions(calc, result.costs_conditions) } : null,
      (result.interest_conditions || []).length ? { key: "interest_conditions", kind: "text",
        value: this.conditions(calc, result.interest_conditions) } : null,
      result.until ? { key: "until", value: result.until, kind: "date" } : null,
    ].map((item) => item && { ...item, label: item.label ?? t(`late.figure.${item.key}`) }));
    calc.figures.replaceChildren(h("div", { class: "calc-split" }, figures, this.picture(calc, result)));
    this.showWarnings(calc, result.warnings || []);
    this.offerMissingRates(calc, result.missing_rates || []);
    this.tableInfo.textContent = result.table && result.rate_basis !== "agreed" ? t("late.hint.table_until", {
      half: this.halfLabel(calc, result.table.covered_until) }) : "";
    this.periodsPage = 0;
    this.showPeriods(calc, 0);
    this.explain(calc, result.explanation);
    this.showLetter(calc, result);
    this.offerLetters(calc, result.letters_available);
    this.timeImport(calc, request);
  },

  /** What must have happened before costs or interest are owed, in words (the days from the page's rules). */
  conditions(calc, codes) {
    const rules = calc.config.rules;
    return codes.map((code) => calc.t(`late.condition.${code}`, {
      days: code.startsWith("be_") ? rules.be_grace_days : rules.nl_letter_days })).join(" ");
  },

  showWarnings(calc, warnings) {
    const items = warnings.map((w) => h("li", { dataset: { code: w.code } }, w.text || w.message || w.code));
    clear(this.warnings).append(h("p", { class: "calc-error-title" }, calc.t("late.warnings")), h("ul", {}, items));
    this.warnings.hidden = !warnings.length;
  },

  /** Interest slices: one per half-year (per year when there are many), in time order, with exact sums. */
  interestSlices(calc, periods) {
    const groups = new Map();
    for (const period of periods) {
      const half = halfYear(period.from);
      const entry = groups.get(half.key) || { ...half, cents: 0n, rates: new Set() };
      entry.cents += cents(period.interest);
      entry.rates.add(String(period.rate_pct));
      groups.set(half.key, entry);
    }
    let list = [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
    const byYear = list.length > MAX_SLICES;
    if (byYear) {
      const years = new Map();
      for (const entry of list) {
        const year = years.get(entry.year) || { key: entry.year, year: entry.year, cents: 0n, rates: new Set() };
        year.cents += entry.cents;
        entry.rates.forEach((rate) => year.rates.add(rate));
        years.set(entry.year, year);
      }
      list = [...years.values()];
    }
    return list.map((entry, i) => {
      const rate = entry.rates.size === 1 ? formatPercent([...entry.rates][0], calc.lang) : null;
      const when = byYear ? calc.t("late.slice.year", { year: entry.year }) : calc.t(`late.half.${entry.half}`,
        { year: entry.year });
      return { code: `interest-${entry.key}`, tone: `calc-lp-interest calc-lp-interest-${i % 2}`,
        label: rate ? calc.t("late.slice.interest_rate", { when, rate }) : calc.t("late.slice.interest", { when }),
        amount: fromCents(entry.cents) };
    });
  },

  /**
   * How the claim builds up, as steps: the invoices, the interest of each half-year (each year when there are
   * many), the costs, less what was paid, to the total. A waterfall drawing, and its legend as the text equivalent.
   */
  picture(calc, result) {
    const t = (k, p) => calc.t(k, p);
    const steps = [
      { code: "principal", tone: "calc-lp-principal", label: t("late.slice.principal"), amount: result.principal },
      ...this.interestSlices(calc, result.periods || []),
    ];
    const accrued = result.interest_accrued ?? result.interest;
    const rest = cents(accrued) - steps.slice(1).reduce((sum, step) => sum + cents(step.amount), 0n);
    if (rest !== 0n) {  // interest without its periods (a large claim is sent without them)
      steps.push({ code: "interest-other", tone: "calc-lp-interest calc-lp-interest-0",
        label: t(steps.length > 1 ? "late.slice.interest_other" : "late.figure.interest"), amount: fromCents(rest) });
    }
    steps.push({ code: "costs", tone: "calc-lp-costs", label: t("late.slice.costs"),
      amount: result.costs_total ?? result.costs });
    if (cents(result.paid) > 0n) {
      steps.push({ code: "paid", tone: "calc-lp-paid", label: t("late.slice.paid"),
        amount: fromCents(-cents(result.paid)) });
    }
    const width = 600;
    const height = 180;
    const columns = steps.length + 1;
    const column = width / columns;
    let running = 0n;
    let top = 0n;
    for (const step of steps) {
      running += cents(step.amount);
      if (running > top) top = running;
    }
    const y = (value) => (top > 0n ? height - (Number(value) / Number(top)) * height : height);
    const bars = [];
    running = 0n;
    steps.forEach((step, i) => {
      const before = running;
      running += cents(step.amount);
      const [low, high] = before < running ? [before, running] : [running, before];
      if (high === low) return;
      bars.push(s("rect", { x: (i * column + column * 0.1).toFixed(2), y: y(high).toFixed(2),
        width: (column * 0.8).toFixed(2), height: Math.max(y(low) - y(high), 0.5).toFixed(2),
        class: `calc-slice ${step.tone}` }, s("title", {}, `${step.label}: ${calc.money(step.amount)}`)));
    });
    bars.push(s("rect", { x: (steps.length * column + column * 0.1).toFixed(2), y: y(cents(result.total)).toFixed(2),
      width: (column * 0.8).toFixed(2), height: Math.max(height - y(cents(result.total)), 0.5).toFixed(2),
      class: "calc-slice calc-lp-total" }, s("title", {}, `${t("late.figure.total")}: ${calc.money(result.total)}`)));
    const description = [...steps, { label: t("late.figure.total"), amount: result.total }]
      .map((step) => `${step.label}: ${calc.money(step.amount)}`).join("; ");
    const svg = s("svg", { class: "calc-bar calc-lp-waterfall", viewBox: `0 0 ${width} ${height}`, role: "img",
      "aria-labelledby": "calc-lp-bar-title calc-lp-bar-desc", preserveAspectRatio: "none", focusable: "false" },
    s("title", { id: "calc-lp-bar-title" }, t("late.picture_title", { total: calc.money(result.total) })),
    s("desc", { id: "calc-lp-bar-desc" }, description), bars);
    const item = (step, extra = "") => h("li", { class: extra, dataset: { slice: step.code } },
      h("span", { class: `calc-swatch ${step.tone}`, "aria-hidden": "true" }),
      h("span", { class: "calc-legend-label" }, step.label),
      h("span", { class: "calc-legend-amount", dataset: { value: step.amount } }, calc.money(step.amount)));
    const legend = h("ul", { class: "calc-legend calc-lp-legend" }, steps.map((step) => item(step)),
      item({ code: "total", tone: "calc-lp-total", label: t("late.figure.total"), amount: result.total },
        "calc-legend-total"));
    return h("figure", { class: "calc-picture calc-lp-picture", "aria-labelledby": "calc-lp-bar-caption" },
      h("figcaption", { id: "calc-lp-bar-caption", class: "calc-caption" }, t("late.legend_title")), svg, legend);
  },

  /** One page of the periods table (the table can hold tens of thousands of rows: only one page is in the DOM). */
  showPeriods(calc, page) {
    const periods = (this.result && this.result.periods) || [];
    const unlisted = this.result && !periods.length && (this.result.invoices || []).length > LISTED_PERIODS_MAX_INVOICES;
    this.periods.hidden = !periods.length && !unlisted;
    this.periodsNote.hidden = !unlisted;
    this.periodsNote.textContent = unlisted ? calc.t("late.periods.unlisted", {
      count: formatInteger(this.result.invoices.length, calc.lang),
      max: formatInteger(LISTED_PERIODS_MAX_INVOICES, calc.lang) }) : "";
    this.periodsTable.hidden = !periods.length;
    const pages = Math.max(1, Math.ceil(periods.length / PERIOD_PAGE));
    this.periodsPage = Math.min(Math.max(0, page), pages - 1);
    const start = this.periodsPage * PERIOD_PAGE;
    const end = Math.min(periods.length, start + PERIOD_PAGE);
    const lang = calc.lang;
    const fragment = document.createDocumentFragment();
    for (let i = start; i < end; i += 1) {
      const p = periods[i];
      const num = (key, text) => h("td", { class: `calc-num calc-lp-p-${key}`, dataset: { value: p[key] } }, text);
      fragment.append(h("tr", { dataset: { index: i } },
        h("th", { scope: "row", dataset: { value: p.invoice } }, this.invoiceLabel(calc, p)),
        h("td", { dataset: { value: p.from } }, formatShortDate(p.from, lang)),
        h("td", { dataset: { value: p.to } }, formatShortDate(p.to, lang)),
        num("days", formatInteger(p.days, lang)),
        num("rate_pct", formatPercent(p.rate_pct, lang)),
        num("principal", calc.money(p.principal)),
        num("interest", calc.money(p.interest))));
    }
    this.periodsBody.replaceChildren(fragment);
    const n = (value) => formatInteger(value, lang);
    this.periodsInfo.textContent = calc.t("table.page", { from: n(start + 1), to: n(end), count: n(periods.length) });
    this.periodsPrev.disabled = this.periodsPage === 0;
    this.periodsNext.disabled = this.periodsPage >= pages - 1;
    this.periodsPrev.parentElement.hidden = pages === 1;
  },

  /** The invoice of a period as the reader knows it: its reference, else its row number in the table. */
  invoiceLabel(calc, period) {
    const j = Number(period.invoice) - 1;  // the engine counts invoices from 1, in the order sent
    const invoice = this.result && this.result.invoices ? this.result.invoices[j] : null;
    if (invoice && invoice.reference) return invoice.reference;
    const map = this.request && this.request.maps ? this.request.maps.invoices : [];
    return calc.t("late.invoice_number", { n: (map[j] ?? j) + 1 });
  },

  /** The explanation, with each kind of step that repeats per invoice or period folded away when there are many. */
  explain(calc, steps) {
    const counts = new Map();
    for (const step of steps) counts.set(step.code, (counts.get(step.code) || 0) + 1);
    const folded = new Set([...counts].filter(([, n]) => n > INLINE_STEPS).map(([code]) => code));
    if (!folded.size) {
      calc.explain(steps);
      return;
    }
    const li = (step) => h("li", { dataset: { code: step.code } }, step.text);
    const items = [];
    const seen = new Set();
    for (const step of steps) {
      if (!folded.has(step.code)) {
        items.push(li(step));
        continue;
      }
      if (seen.has(step.code)) continue;
      seen.add(step.code);
      const group = steps.filter((other) => other.code === step.code);
      const inner = h("ol", { class: "calc-explanation-inner" });
      const details = h("details", {}, h("summary", {}, calc.t("late.folded", {
        count: formatInteger(group.length, calc.lang), first: group[0].text })), inner);
      details.addEventListener("toggle", () => {  // thousands of steps: built only when opened
        if (details.open && !inner.childElementCount) {
          const fragment = document.createDocumentFragment();
          for (const one of group) fragment.append(li(one));
          inner.append(fragment);
        }
      });
      items.push(h("li", { class: "calc-folded" }, details));
    }
    calc.explanationList.replaceChildren(...items);
  },

  // -- the letter ---------------------------------------------------------------------------------------------

  /** The engine's letter, {kind, lang, subject, text} (its text starts with the subject), as a list. */
  letters(result) {
    const found = result.letter;
    return found && typeof found.text === "string" ? [{ kind: found.kind, lang: found.lang, title: "",
      text: found.text }] : [];
  },

  /** A consumer's costs once the notice goes unanswered: Dutch and Belgian consumers (a French one owes none). */
  afterNoticeShown(result) {
    return result.debtor === "consumer" && Boolean(TERM_LETTER[result.country]) && result.costs_after_notice
      !== undefined;
  },

  showLetter(calc, result) {
    const letters = this.letters(result);
    this.sheet.show(result.letter);
    this.letter.hidden = !letters.length;
    if (!letters.length) return;
    // Next to the letter that starts the consumer's term: what becomes owed if it goes unanswered.
    const starts = this.afterNoticeShown(result) && letters[0].kind === TERM_LETTER[result.country];
    this.letterNote.hidden = !starts;
    this.letterNote.textContent = starts ? calc.t(`late.letter.costs_after_notice.${result.country}`, {
      amount: calc.money(result.costs_after_notice), days: calc.config.rules.nl_letter_days }) : "";
    const lang = letters[0].lang || calc.fields.get("letter_lang").get() || calc.lang;
    this.letterText.setAttribute("lang", lang);
    this.letterText.dataset.lang = lang;
    this.letterText.replaceChildren(...letters.map((letter) => h("article", {
      class: "calc-lp-letter-one", dataset: { kind: letter.kind } },
    letter.title ? h("h4", {}, letter.title) : null,
    h("pre", { class: "calc-lp-letter-body" }, letter.text))));
    this.letterStatus.textContent = "";
  },

  /** Only the letters the law of this claim knows can be chosen (the Dutch consumer letter for a Dutch consumer). */
  offerLetters(calc, available) {
    if (!Array.isArray(available)) return;
    for (const option of calc.fields.get("letter").inputs[0].options) {
      option.disabled = option.value !== "none" && !available.includes(option.value) && !option.selected;
    }
  },

  letterPlainText() {
    return [...this.letterText.querySelectorAll(".calc-lp-letter-one")].map((el) => {
      const title = el.querySelector("h4");
      const body = el.querySelector(".calc-lp-letter-body").textContent;
      return title ? `${title.textContent}\n\n${body}` : body;
    }).join("\n\n\n");
  },

  async copyLetter(calc) {
    const text = this.letterPlainText();
    let ok;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      // No clipboard permission (an insecure context, an old browser): select the text, copy the old way.
      const range = document.createRange();
      range.selectNodeContents(this.letterText);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      try {
        ok = document.execCommand("copy");
      } catch {
        ok = false;
      }
    }
    this.letterStatus.textContent = calc.t(ok ? "late.letter.copied" : "late.letter.copy_failed");
    this.letter.dataset.copied = String(ok);
  },

  /** Print the letter alone: the engine's A4 sheet, from a frame of its own (letter-sheet.js). */
  printLetter() {
    this.sheet.print();
  },

  chooseLetterLang(calc) {
    const field = calc.fields.get("letter_lang");
    field.focus.scrollIntoView({ block: "center" });
    field.focus.focus();
  },

  /** Time from choosing a file to its result on the page, for the benchmark. */
  timeImport(calc, request) {
    for (const table of this.tables) {
      if (table.importStarted === undefined || request.id < table.importRequest) continue;
      calc.root.dataset.importMs = String(Math.round(performance.now() - table.importStarted));
      table.importStarted = undefined;
    }
  },
};
