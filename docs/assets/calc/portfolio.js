// The receivables report: a whole customer ledger (CSV or XLSX, read in this browser only) in; every customer's
// cover, exposure and deadlines out, as a sortable table, an aging picture, a concentration picture, totals and
// a CSV download.
//
// The files never leave the browser. Many may be opened at once (a ledger and a bank statement, a zip of
// e-invoices, a FEC): each file's bytes go to the engine as base64 in `files`, and the engine decodes them
// (UTF-8, UTF-16, Windows-1252) and recognises the format; the page never guesses an encoding. An .xlsx file
// goes to the engine's worker first, which loads the spreadsheet reader (openpyxl) the first time and gives the
// sheet back as rows of cells, sent as a `rows` entry of `files`. The page lists what was read from each file,
// and the columns the engine left unused, with a choice to map each; when the engine cannot match a column,
// the page asks which column of the file holds it. "Remember on this device" keeps the ledger in IndexedDB, only when
// asked, with a button to forget it.

import { h } from "./dom.js";
import { INTL_LOCALES, formatInputDate, formatInputNumber, formatInteger, formatPercent, formatShortDate,
  parseAmount } from "./locale.js";
import { policyFields } from "./payout.js";
import * as health from "./portfolio-health.js";
import { guessSeparator, parseCSV } from "./table.js";

/** The invoice columns the engine reads, in the order of the mapping step. */
export const COLUMNS = ["customer", "amount", "invoice_date", "payment_term_days", "due_date", "paid_date",
  "reference", "currency"];
/** Further document fields a column may be mapped to (issue 18: open amounts, credit notes, collections). */
export const EXTRA_COLUMNS = ["open_amount", "kind", "corrects", "payment_id", "disputed", "written_off", "country",
  "language", "debtor"];
/** Aging buckets, oldest last (the engine's `aging` keys). */
export const BUCKETS = ["not_due", "days_1_30", "days_31_60", "days_61_90", "days_over_90"];
/** The report table's columns: [key, kind]; kind decides the sort order and the formatting. They fit a 1280 px
 * screen; DETAIL's figures (and behaviour, provision parts, ageing) are in each customer's detail row. */
const TABLE = [
  ["customer", "text"], ["open", "money"], ["overdue", "money"], ["oldest_overdue_days", "days"],
  ["cover", "money"], ["uninsured", "money"], ["provision", "provision"], ["score", "score"], ["flags", "flags"],
];
const DETAIL = [["credit_limit", "money"], ["self_assessment_limit", "money"], ["payout_if_default", "money"],
  ["share_pct", "pct"], ["hand_over", "date"]];
const PAGE_SIZE = 50;
const AGING_SHOWN = 15;
const CONCENTRATION_SHOWN = 10;
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Engine error codes that mean "this column of the file could not be matched": the page asks the reader. */
const MAPPING_CODES = /column/;
const STORE = "ledger";
const KEY = "last";

// -- remembering on this device (IndexedDB) ------------------------------------------------------------------

function database(name) {
  return new Promise((resolve, reject) => {
    if (!self.indexedDB) {
      reject(new Error("no IndexedDB"));
      return;
    }
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** One remembered file (and its settings) on this device, in the IndexedDB database `name` (one per page):
 * `store("get")`, `store("put", value)`, `store("delete")`. Nothing of it leaves the browser. */
export function deviceStore(name) {
  return async (action, value) => {
    const db = await database(name);
    try {
      return await new Promise((resolve, reject) => {
        const transaction = db.transaction(STORE, action === "get" ? "readonly" : "readwrite");
        const store = transaction.objectStore(STORE);
        const request = action === "get" ? store.get(KEY) : action === "put" ? store.put(value, KEY) : store.delete(KEY);
        transaction.oncomplete = () => resolve(request.result);
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error);
      });
    } finally {
      db.close();
    }
  };
}

const stored = deviceStore("calc-portfolio");

// -- reading files ------------------------------------------------------------------------------------------

/** The header cells of CSV text (its first non-empty line), as the reader sees them. */
export function headerCells(text) {
  const start = text.search(/\S/);
  if (start === -1) return [];
  const end = text.slice(start).search(/\r|\n/);
  const line = end === -1 ? text.slice(start) : text.slice(start, start + end);
  const [cells] = parseCSV(line, guessSeparator(line));
  return (cells || []).filter((cell) => cell !== "");
}

/** A file's bytes as base64, for the engine's `files` (read natively: a large zip costs no JavaScript loop). */
export function toBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Whether a file may be a ledger, an e-invoice, a bank statement or a zip of them (else it is refused by name). */
export function readable(name, type) {
  return /\.(csv|txt|tsv|xml|zip)$/i.test(name) || /^text\//.test(type) || /(xml|zip)$/.test(type) || type === "";
}

/** The `columns` to send: the mapping step's choices, then the unused columns mapped (header -> field). */
export function mergedColumns(chosen, extra) {
  const columns = { ...chosen };
  for (const [header, field] of Object.entries(extra || {})) if (field && !(field in columns)) columns[field] = header;
  return columns;
}

async function isZip(file) {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/** "Customer; 25000" lines (tab or semicolon before the amount) as the engine's `limits`. */
export function parseLimits(text, lang) {
  const limits = [];
  const lines = [];
  text.split(/\r?\n/).forEach((line, number) => {
    if (!line.trim()) return;
    const at = Math.max(line.lastIndexOf("\t"), line.lastIndexOf(";"));
    const customer = (at === -1 ? line : line.slice(0, at)).trim();
    const amount = at === -1 ? "" : line.slice(at + 1).trim();
    const parsed = parseAmount(amount, lang);
    limits.push({ customer, credit_limit: parsed === null || parsed === "" ? amount : parsed });
    lines.push(number + 1);
  });
  return { limits, lines };
}

export default {
  stateKeys: ["src", "limits"],
  keepKey: "portfolio.keep",

  build(calc) {
    const t = (k, p) => calc.t(k, p);
    const rules = calc.config.rules;
    this.calc = calc;
    this.source = null;  // {kind: "example"|"file", format: "csv"|"xlsx", name, text|rows|invoices, headers}
    this.sort = { key: "open", descending: true };
    this.onlyFlagged = false;
    this.page = 0;
    this.result = null;

    // The file: dropped or chosen.
    this.file = h("input", { type: "file", id: "calc-ledger", class: "calc-file", multiple: true,
      accept: `.csv,.txt,.tsv,.xlsx,.xml,.zip,text/csv,text/plain,text/xml,application/xml,application/zip,${XLSX_TYPE}`,
      "aria-describedby": "calc-ledger-hint" });
    this.file.addEventListener("change", () => {
      if (this.file.files.length) this.openFiles([...this.file.files]);
      this.file.value = "";
    });
    this.drop = h("label", { for: "calc-ledger", class: "calc-drop", id: "calc-drop" },
      h("strong", {}, t("portfolio.drop")), h("span", { id: "calc-ledger-hint" }, t("portfolio.drop_hint")));
    for (const type of ["dragenter", "dragover"]) {
      this.drop.addEventListener(type, (event) => {
        event.preventDefault();
        this.drop.classList.add("calc-drop-over");
      });
    }
    this.drop.addEventListener("dragleave", () => this.drop.classList.remove("calc-drop-over"));
    this.drop.addEventListener("drop", (event) => {
      event.preventDefault();
      this.drop.classList.remove("calc-drop-over");
      const files = event.dataTransfer ? [...event.dataTransfer.files] : [];
      if (files.length) this.openFiles(files);
    });
    this.fileMessage = h("p", { class: "calc-table-message", id: "calc-ledger-message", "aria-live": "polite" });
    this.fileError = h("div", { class: "calc-field-error calc-ledger-errors", id: "calc-e-ledger", hidden: true,
      role: "alert" });
    // What was read from each file, and the file columns left unused (each may be mapped to a field).
    this.fileList = h("div", { class: "calc-file-list", id: "calc-files", hidden: true, "aria-live": "polite" });
    this.clearFilesButton = h("button", { type: "button", class: "md-button calc-small", id: "calc-clear-files",
      hidden: true, onclick: () => this.clearFiles() }, t("portfolio.files.clear"));
    this.extraMap = {};  // file header -> field, chosen beside the unused columns
    this.unused = h("div", { class: "calc-unused", id: "calc-unused", hidden: true });
    this.remember = h("input", { type: "checkbox", id: "calc-remember" });
    this.remember.addEventListener("change", (event) => {
      event.stopPropagation();  // not a change of the figures: nothing to recompute
      this.rememberChanged();
    });
    this.forgetButton = h("button", { type: "button", class: "md-button calc-small", id: "calc-forget", hidden: true,
      onclick: () => this.forget() }, t("portfolio.forget"));
    this.storedNote = h("span", { class: "calc-hint", id: "calc-stored-note" });
    const keep = h("div", { class: "calc-remember" },
      h("label", { for: "calc-remember" }, this.remember, ` ${t("portfolio.remember")}`),
      this.forgetButton, this.storedNote);

    // The mapping step: shown when the engine cannot match a column of the file.
    this.mapping = h("div", { class: "calc-mapping-fields" });
    this.mappingStep = h("fieldset", { class: "calc-group calc-mapping", id: "calc-mapping", hidden: true },
      h("legend", {}, t("portfolio.map.legend")), h("p", { class: "calc-hint" }, t("portfolio.map.hint")),
      this.mapping);
    this.selects = new Map();  // column -> select

    // Credit limits granted by an insurer, one customer per line.
    this.limits = h("textarea", { id: "calc-f-limits", name: "limits", rows: 3, class: "calc-input calc-limits",
      spellcheck: "false", autocomplete: "off", "aria-describedby": "calc-h-limits" });
    this.limitsError = h("p", { class: "calc-field-error", id: "calc-e-limits", hidden: true });
    const limits = h("div", { class: "calc-field calc-field-limits", dataset: { field: "limits" } },
      h("label", { for: "calc-f-limits" }, t("portfolio.limits"),
        h("span", { class: "calc-optional" }, ` ${t("field.optional")}`)),
      this.limits, h("p", { class: "calc-hint", id: "calc-h-limits" }, t("portfolio.hint.limits")), this.limitsError);

    calc.form.append(
      h("fieldset", { class: "calc-group calc-ledger" }, h("legend", {}, t("portfolio.group.ledger")),
        h("p", { class: "calc-hint" }, t("portfolio.hint.ledger")),
        this.file, this.drop, this.fileMessage, this.fileError, this.fileList, this.clearFilesButton, this.unused,
        keep),
      this.mappingStep,
      h("fieldset", { class: "calc-group" }, h("legend", {}, t("portfolio.group.policy")),
        calc.field("as_of", "date", { optional: true, hint: t("portfolio.hint.as_of") }),
        ...policyFields(calc),
        calc.field("new_payment_term_days", "integer", { optional: true,
          placeholder: String(rules.new_payment_term_days ?? ""), hint: t("portfolio.hint.term") }),
        calc.field("handling_months", "integer", { optional: true, placeholder: String(rules.handling_months),
          hint: t("hint.default_months", { value: rules.handling_months }) }),
        calc.field("payout_months", "integer", { optional: true, placeholder: String(rules.payout_months),
          hint: t("hint.default_months", { value: rules.payout_months }) }),
        limits),
      health.rateFields(calc),
      h("button", { type: "submit", class: "md-button md-button--primary calc-submit" }, t("action.compute")));
    // The reference date typed by the reader is theirs: opening a file clears only the example's.
    this.asOfTyped = false;
    calc.fields.get("as_of").inputs[0].addEventListener("input", () => { this.asOfTyped = true; });
    this.restoreStored();
  },

  // -- the example, the address, the payload -------------------------------------------------------------------

  exampleState(calc) {
    const example = calc.config.example;
    const params = new URLSearchParams();
    params.set("src", "example");
    if (example.as_of) params.set("as_of", formatInputDate(example.as_of, calc.lang));
    params.set("product", example.product || "generic");
    for (const name of ["coverage_pct", "intervention_threshold", "max_payout"]) {
      if (example[name] !== undefined) params.set(name, formatInputNumber(example[name], calc.lang));
    }
    for (const name of ["new_payment_term_days", "handling_months", "payout_months"]) {
      if (example[name] !== undefined) params.set(name, String(example[name]));
    }
    const limits = (example.limits || []).map((item) => `${item.customer}; ${formatInputNumber(item.credit_limit,
      calc.lang)}`);
    if (limits.length) params.set("limits", limits.join("\n"));
    health.exampleRates(example, params, calc.lang);
    return params;
  },

  saveState(calc, params) {
    if (this.source && this.source.kind === "example") params.set("src", "example");
    if (this.limits.value.trim()) params.set("limits", this.limits.value);
  },

  restoreState(calc, params) {
    this.limits.value = params.get("limits") ?? "";
    if (params.get("src") === "example") {
      const example = calc.config.example;
      this.source = example.csv !== undefined
        ? { kind: "example", format: "csv", text: example.csv, headers: headerCells(example.csv) }
        : { kind: "example", invoices: example.invoices || [] };
      this.columns = {};
      this.extraMap = {};
      this.asOfTyped = false;
      this.hideMapping();
      this.showFiles(null);
      this.fileMessage.textContent = calc.t("portfolio.file.example");
    } else if (![...params.keys()].length) {  // "Clear the form": the ledger goes too (not what is stored)
      this.source = null;
      this.extraMap = {};
      this.hideMapping();
      this.showFiles(null);
      this.fileMessage.textContent = calc.t("portfolio.file.none");
    }
  },

  completePayload(calc, payload) {
    const source = this.source;
    if (source && source.files) {
      payload.files = source.files.map((f) => (f.rows ? { name: f.name, rows: f.rows } : { name: f.name,
        base64: f.base64 }));
    } else if (source && source.rows) payload.rows = source.rows;
    else if (source && source.text !== undefined) payload.csv = source.text;
    else payload.invoices = source ? source.invoices : [];
    const columns = this.chosenColumns();
    if (Object.keys(columns).length) payload.columns = columns;
    const { limits, lines } = parseLimits(this.limits.value, calc.lang);
    this.limitLines = lines;
    if (limits.length) payload.limits = limits;
    health.completeRates(payload);
  },

  requestInfo() {
    return { source: this.source, limitLines: this.limitLines };
  },

  // -- opening files ------------------------------------------------------------------------------------------

  /** Many files at once (they replace those open): each one's bytes for the engine, a workbook's cells. */
  async openFiles(files) {
    const calc = this.calc;
    const t = (k, p) => calc.t(k, p);
    const started = performance.now();
    this.showFileProblem("");
    const entries = [];
    const problems = [];
    for (const file of files) {
      const name = file.name;
      if (/\.xls$/i.test(name)) {
        problems.push(t("portfolio.file.xls", { name }));
      } else if (file.size === 0) {
        problems.push(t("portfolio.file.empty", { name }));
      } else if (/\.xlsx$/i.test(name) || file.type === XLSX_TYPE || (!/\.zip$/i.test(name) && await isZip(file))) {
        this.fileMessage.textContent = t("portfolio.file.reading_xlsx", { name });
        calc.root.dataset.xlsx = "reading";
        const answer = await calc.engine.readXlsx(await file.arrayBuffer());
        calc.root.dataset.xlsx = answer.error ? `error:${answer.error}` : "read";
        if (answer.timings) calc.root.dataset.xlsxTimings = JSON.stringify(answer.timings);
        if (answer.error) {
          problems.push(t(answer.error === "not_xlsx" ? "portfolio.file.not_xlsx" : "portfolio.file.no_reader",
            { name }));
        } else {
          entries.push({ name, rows: JSON.parse(answer.text), size: file.size });
        }
      } else if (readable(name, file.type)) {
        entries.push({ name, base64: await toBase64(file), size: file.size });  // decoded by the engine only
      } else {
        problems.push(t("portfolio.file.not_supported", { name }));
      }
    }
    this.showFileProblem(problems.join(" "));
    if (!entries.length) return;
    const all = entries;
    this.source = { kind: "file", format: "files", name: all.map((f) => f.name).join(", "), files: all,
      headers: [] };
    this.hideMapping();
    const reset = this.resetExample();
    this.fileMessage.textContent = t("portfolio.files.opened", { count: formatInteger(all.length, calc.lang),
      names: all.map((f) => f.name).join(", ") }) + (reset ? ` ${t("portfolio.file.reset")}` : "");
    this.clearFilesButton.hidden = false;
    if (this.remember.checked) this.store();
    this.importStarted = started;
    this.importRead = performance.now() - started;
    calc.edited(null, true);
    this.importRequest = calc.requested;
  },

  /** Opening one's own file: the example's reference date and credit limits go (the report is for today). */
  resetExample() {
    const calc = this.calc;
    const example = this.exampleState(calc);
    let changed = false;
    const asOf = calc.fields.get("as_of");
    if (asOf && asOf.get() && !this.asOfTyped && asOf.get() === (example.get("as_of") || "")) {
      asOf.set("");
      changed = true;
    }
    if (this.limits.value.trim() && this.limits.value === (example.get("limits") || "")) {
      this.limits.value = "";
      changed = true;
    }
    if (changed) calc.root.dataset.exampleReset = "true";
    return changed;
  },

  clearFiles() {
    this.source = null;
    this.extraMap = {};
    this.hideMapping();
    this.showFiles(null);
    this.fileMessage.textContent = this.calc.t("portfolio.file.none");
    this.calc.edited(null, true);
  },

  /** What was read from each file, the payments that matched nothing, the columns left unused. */
  showFiles(result) {
    const calc = this.calc;
    const t = (k, p) => calc.t(k, p);
    const files = result && result.files ? result.files : [];
    this.clearFilesButton.hidden = !(this.source && this.source.files);
    if (!files.length) {
      this.fileList.replaceChildren();
      this.fileList.hidden = true;
    } else {
      const n = (v) => formatInteger(v || 0, calc.lang);
      const items = files.map((f) => {
        const format = f.format ? t(`portfolio.format.${f.format.replace(".", "_")}`) : "";
        const parts = [h("strong", {}, f.name), format ? ` (${format})` : ""];
        if (f.error) {
          parts.push(`: ${t("portfolio.files.not_read")} ${f.error.message}`);
        } else {
          parts.push(`: ${t("portfolio.files.read", { documents: n(f.documents), payments: n(f.payments),
            matched: n(f.matched), rejected: n(f.rejected) })}`);
          if (f.skipped_count) {
            parts.push(` ${t("portfolio.files.skipped", { count: n(f.skipped_count),
              first: `${f.skipped[0].name}: ${f.skipped[0].message}` })}`);
          }
        }
        return h("li", { dataset: { file: f.name, format: f.format || "", error: f.error ? f.error.code : "" } },
          parts);
      });
      const children = [h("p", {}, t("portfolio.files.title")), h("ul", {}, items)];
      const payments = result.payments;
      if (payments && payments.unmatched_count) {
        children.push(h("p", {}, t("portfolio.files.unmatched", { count: n(payments.unmatched_count) })),
          h("ul", { id: "calc-unmatched" }, payments.unmatched.slice(0, 10).map((p) => h("li", {},
            [formatShortDate(p.date, calc.lang), calc.money(p.amount), p.debtor, p.reference || p.text]
              .filter(Boolean).join(" · ")))));
      }
      this.fileList.replaceChildren(...children);
      this.fileList.hidden = false;
    }
    this.showUnused(result ? result.ignored_columns || [] : []);
  },

  /** The file's columns no field was read from, each with a choice of field (mapped ones stay listed). */
  showUnused(ignored) {
    const calc = this.calc;
    const t = (k, p) => calc.t(k, p);
    const headers = [...new Set([...ignored, ...Object.keys(this.extraMap)])];
    if (!headers.length || !(this.source && this.source.kind === "file")) {
      this.unused.replaceChildren();
      this.unused.hidden = true;
      return;
    }
    const fields = [...COLUMNS, ...EXTRA_COLUMNS];
    const rows = headers.map((header, i) => {
      const id = `calc-unused-${i}`;
      const select = h("select", { id, class: "calc-input calc-select", dataset: { header } },
        h("option", { value: "" }, t("portfolio.unused.none")),
        fields.map((field) => h("option", { value: field, selected: this.extraMap[header] === field || undefined },
          t(`portfolio.column.${field}`))));
      select.addEventListener("change", (event) => {
        event.stopPropagation();
        if (select.value) this.extraMap[header] = select.value;
        else delete this.extraMap[header];
        if (this.remember.checked) this.store();
        calc.edited(null, true);
      });
      return h("div", { class: "calc-field calc-field-select" }, h("label", { for: id }, header), select);
    });
    this.unused.replaceChildren(h("p", { class: "calc-hint" }, t("portfolio.unused.hint", {
      count: formatInteger(ignored.length, calc.lang) })), ...rows);
    this.unused.hidden = false;
  },

  showFileProblem(message) {
    this.fileError.textContent = message;
    this.fileError.hidden = !message;
    if (message) this.calc.root.dataset.fileProblem = message;
    else delete this.calc.root.dataset.fileProblem;
  },

  // -- the mapping step ----------------------------------------------------------------------------------------

  chosenColumns() {
    const columns = {};
    for (const [column, select] of this.selects) if (select.value) columns[column] = select.value;
    return mergedColumns(columns, this.extraMap);
  },

  hideMapping() {
    this.selects.clear();
    this.mapping.replaceChildren();
    this.mappingStep.hidden = true;
  },

  /** A select per column the engine could not match, listing the file's header cells. */
  askMapping(columns, found) {
    const calc = this.calc;
    const t = (k, p) => calc.t(k, p);
    const headers = found && found.length ? found : (this.source && this.source.headers) || [];
    for (const column of columns) {
      if (this.selects.has(column)) continue;
      const id = `calc-map-${column}`;
      const select = h("select", { id, class: "calc-input calc-select", dataset: { column } },
        h("option", { value: "" }, t("portfolio.map.choose")),
        headers.map((header) => h("option", { value: header }, header)));
      select.addEventListener("change", () => {
        if (this.remember.checked) this.store();
      });
      this.selects.set(column, select);
      this.mapping.append(h("div", { class: "calc-field calc-field-select", dataset: { field: `columns.${column}` } },
        h("label", { for: id }, t(`portfolio.column.${column}`)), select));
    }
    this.mappingStep.hidden = false;
  },

  // -- errors ----------------------------------------------------------------------------------------------------

  /** Where an engine error is shown: the file (its rows and columns), the mapping step, or the limits. */
  locate(calc, path, request) {
    const t = (k, p) => calc.t(k, p);
    const rowMatch = /^invoices\[(\d+)\](?:\.(\w+))?$/.exec(path);
    if (rowMatch) {
      const row = Number(rowMatch[1]) + 1;
      const column = rowMatch[2] && [...COLUMNS, ...EXTRA_COLUMNS].includes(rowMatch[2])
        ? t(`portfolio.column.${rowMatch[2]}`) : "";
      return { label: t(column ? "portfolio.row_column" : "portfolio.row", { row: formatInteger(row, calc.lang),
        column }), focus: this.drop, path };
    }
    const columnMatch = /^columns\.(\w+)$/.exec(path);
    if (columnMatch) {
      return { label: t(`portfolio.column.${columnMatch[1]}`), reveal: () => this.selects.get(columnMatch[1])?.focus(),
        path };
    }
    const limitMatch = /^limits(?:\[(\d+)\](?:\.(\w+))?)?$/.exec(path);
    if (limitMatch) {
      const line = limitMatch[1] !== undefined ? (request.limitLines || [])[Number(limitMatch[1])] : undefined;
      return { label: line ? t("portfolio.limits_line", { line }) : t("portfolio.limits"), error: this.limitsError,
        inputs: [this.limits], focus: this.limits };
    }
    if (path === "csv" || path === "rows" || path === "invoices" || path === "columns" || /^files/.test(path)) {
      return { label: t("portfolio.group.ledger"), focus: this.drop, path };
    }
    return null;
  },

  afterErrors(calc, errors, request) {
    this.answeredAt = performance.now();
    const t = (k, p) => calc.t(k, p);
    if (!request.source) {  // nothing opened yet (the form was cleared): an invitation, not an error
      calc.errorSummary.replaceChildren();
      calc.errorSummary.hidden = true;
      calc.summary.textContent = t("portfolio.file.none");
      return;
    }
    const unmatched = [];
    let headers = null;
    for (const error of errors) {
      const m = /^columns\.(\w+)$/.exec(error.field);
      if (!MAPPING_CODES.test(error.code || "") || !m || !COLUMNS.includes(m[1])) continue;
      unmatched.push(m[1]);
      if (m[1] === "due_date") unmatched.push("payment_term_days");  // either of the two will do
      if (Array.isArray(error.headers)) headers = error.headers;
    }
    if (unmatched.length && request.source && request.source.kind === "file") this.askMapping(unmatched, headers);
    const fileErrors = errors.filter((e) => /^(invoices|csv|rows|columns|files)/.test(e.field));
    if (fileErrors.length) this.listRows(fileErrors, request, t("portfolio.file.rows_wrong",
      { count: formatInteger(fileErrors.length, calc.lang) }));
    this.timeImport(calc, request);
  },

  /** The rows of the file the engine set aside or refused, each named by its row, line and column. */
  listRows(problems, request, title, total = problems.length) {
    const calc = this.calc;
    const list = problems.slice(0, 10).map((problem) => {
      const target = this.locate(calc, problem.field, request);
      const where = problem.line !== undefined
        ? calc.t("portfolio.line", { label: target ? target.label : problem.field,
          line: formatInteger(problem.line, calc.lang) })
        : target ? target.label : problem.field;
      const column = problem.column ? ` (${problem.column})` : "";
      const file = problem.file ? `${problem.file}, ` : "";
      return h("li", { dataset: { field: problem.field } }, `${file}${where}${column}: ${problem.message}`);
    });
    if (total > 10) list.push(h("li", {}, calc.t("errors.more", { count: formatInteger(total - 10, calc.lang) })));
    this.fileError.replaceChildren(h("p", {}, title), h("ul", {}, list));
    this.fileError.hidden = false;
  },

  clearErrors() {
    if (!this.calc.root.dataset.fileProblem) {
      this.fileError.replaceChildren();
      this.fileError.hidden = true;
    }
  },

  clearResult() {
    this.result = null;
  },

  // -- the report ------------------------------------------------------------------------------------------------

  render(calc, result, request) {
    this.answeredAt = performance.now();
    const t = (k, p) => calc.t(k, p);
    this.result = result;
    this.page = 0;
    const customers = result.customers || [];
    const totals = result.totals || {};
    const flagged = customers.filter((c) => (c.flags || []).length).length;
    calc.summary.textContent = t("portfolio.summary", {
      customers: formatInteger(customers.length, calc.lang), open: calc.money(totals.open),
      overdue: calc.money(totals.overdue), uninsured: calc.money(totals.uninsured),
      flagged: formatInteger(flagged, calc.lang) });
    const figures = calc.figureList(["open", "overdue", "cover", "uninsured", "payout_if_default"].map((key) => ({
      key, label: t(`portfolio.total.${key}`), value: totals[key], kind: "money", strong: key === "open" })));
    this.tableBody = h("tbody", {});
    this.tableHead = h("tr", {});
    this.pageInfo = h("span", { class: "calc-page-info", "aria-live": "polite" });
    this.prev = h("button", { type: "button", class: "md-button calc-small", onclick: () => this.go(this.page - 1) },
      t("table.previous"));
    this.next = h("button", { type: "button", class: "md-button calc-small", onclick: () => this.go(this.page + 1) },
      t("table.next"));
    this.pager = h("div", { class: "calc-pager" }, this.prev, this.pageInfo, this.next);
    const only = h("input", { type: "checkbox", id: "calc-only-flagged", checked: this.onlyFlagged || undefined });
    only.addEventListener("change", () => {
      this.onlyFlagged = only.checked;
      this.page = 0;
      this.renderTable();
    });
    const table = h("section", { class: "calc-report", "aria-labelledby": "calc-report-title" },
      h("h3", { id: "calc-report-title" }, t("portfolio.table.title")),
      h("div", { class: "calc-toolbar" },
        h("label", { for: "calc-only-flagged" }, only, ` ${t("portfolio.table.only_flagged")}`),
        h("button", { type: "button", class: "md-button calc-small", id: "calc-download",
          onclick: () => this.download() }, t("portfolio.download"))),
      h("div", { class: "calc-table-wrap" },
        h("table", { class: "calc-report-table", id: "calc-customers" },
          h("caption", {}, t("portfolio.table.caption")), h("thead", {}, this.tableHead), this.tableBody)),
      this.pager);
    calc.figures.replaceChildren(figures, health.figures(calc, result), this.concentration(calc, customers, totals),
      this.aging(calc, customers), health.dsoPicture(calc, result), table);
    const rejected = result.rejected || [];
    if (result.rejected_count) {
      this.listRows(rejected, request, t("portfolio.file.rows_set_aside", {
        count: formatInteger(result.rejected_count, calc.lang) }), result.rejected_count);
    }
    this.renderTable();
    this.showFiles(result);
    calc.explain(result.explanation || []);
    this.timeImport(calc, request);
  },

  /** Time from choosing a file to its report on the page, for the benchmark: read, engine, render. */
  timeImport(calc, request) {
    if (this.importStarted === undefined || request.id < this.importRequest) return;
    const now = performance.now();
    calc.root.dataset.importMs = String(Math.round(now - this.importStarted));
    calc.root.dataset.importSplit = JSON.stringify({ read: Math.round(this.importRead),
      engine: Math.round(this.answeredAt - (request.sent || this.answeredAt)), render: Math.round(now - this.answeredAt),
      total: Math.round(now - this.importStarted) });
    this.importStarted = undefined;
  },

  sorted() {
    const rows = (this.result.customers || []).filter((c) => !this.onlyFlagged || (c.flags || []).length);
    const { key, descending } = this.sort;
    const kind = Object.fromEntries(TABLE)[key];
    const value = (c) => {
      const v = health.cellValue(c, key);
      if (kind === "text") return String(v || "").toLocaleLowerCase(INTL_LOCALES[this.calc.lang]);
      if (kind === "flags") return (v || []).length;
      if (kind === "date") return v || (descending ? "" : "\uffff");
      return v === null || v === undefined ? -Infinity : Number(v);
    };
    const collator = new Intl.Collator(INTL_LOCALES[this.calc.lang]);
    const direction = descending ? -1 : 1;
    return rows.map((c, i) => [value(c), c, i]).sort((a, b) => {
      const order = typeof a[0] === "string" ? collator.compare(a[0], b[0]) : a[0] - b[0];
      return order * direction || a[2] - b[2];
    }).map(([, c]) => c);
  },

  sortBy(key) {
    const kind = Object.fromEntries(TABLE)[key];
    if (this.sort.key === key) this.sort = { key, descending: !this.sort.descending };
    else this.sort = { key, descending: kind !== "text" && kind !== "date" };
    this.page = 0;
    this.renderTable();
    this.tableHead.querySelector(`button[data-sort="${key}"]`)?.focus();
  },

  go(page) {
    this.page = page;
    this.renderTable();
  },

  renderTable() {
    const calc = this.calc;
    const t = (k, p) => calc.t(k, p);
    const rows = this.sorted();
    const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    this.page = Math.min(Math.max(0, this.page), pages - 1);
    this.tableHead.replaceChildren(...TABLE.map(([key, kind]) => {
      const sorted = this.sort.key === key;
      const state = sorted ? (this.sort.descending ? "descending" : "ascending") : "none";
      return h("th", { scope: "col", "aria-sort": state, class: kind === "text" || kind === "flags" ? "" : "calc-num" },
        h("button", { type: "button", class: "calc-sort", dataset: { sort: key }, onclick: () => this.sortBy(key) },
          t(`portfolio.col.${key}`),
          h("span", { class: "calc-sort-mark", "aria-hidden": "true" }, sorted ? (this.sort.descending ? " ▼" : " ▲") : "")));
    }));
    const start = this.page * PAGE_SIZE;
    const fragment = document.createDocumentFragment();
    for (const c of rows.slice(start, start + PAGE_SIZE)) {
      const tr = h("tr", { dataset: { customer: c.customer } });
      for (const [key, kind] of TABLE) {
        const v = health.cellValue(c, key);
        if (key === "customer") {
          tr.append(h("th", { scope: "row" }, health.detailToggle(calc, c, tr, DETAIL, TABLE.length), v));
          continue;
        }
        let shown;
        if (kind === "money") shown = v === null || v === undefined ? "–" : calc.money(v);
        else if (kind === "pct") shown = formatPercent(v, calc.lang);
        else if (kind === "days") shown = v === null || v === undefined ? "–" : formatInteger(v, calc.lang);
        else if (kind === "date") shown = v ? formatShortDate(v, calc.lang) : "–";
        else if (kind === "flags") shown = (v || []).map((code) => h("span", { class: `calc-flag calc-flag-${code}`,
          dataset: { flag: code } }, t(`portfolio.flag.${code}`)));
        else shown = health.cellText(calc, key, c);
        const td = h("td", { class: kind === "flags" ? "calc-flags" : "calc-num", dataset: { col: key } }, shown);
        if (kind !== "flags" && v !== null && v !== undefined) td.dataset.value = String(v);
        tr.append(td);
      }
      fragment.append(tr);
    }
    this.tableBody.replaceChildren(fragment);
    const n = (value) => formatInteger(value, calc.lang);
    this.pageInfo.textContent = rows.length ? t("table.page", { from: n(start + 1),
      to: n(Math.min(rows.length, start + PAGE_SIZE)), count: n(rows.length) }) : t("portfolio.table.empty");
    this.prev.disabled = this.page === 0;
    this.next.disabled = this.page >= pages - 1;
    this.pager.hidden = pages === 1;
  },

  // -- the pictures ------------------------------------------------------------------------------------------------

  /** The largest customers' share of all open receivables: bars, with the list as the text equivalent. */
  concentration(calc, customers, totals) {
    const t = (k, p) => calc.t(k, p);
    const pct = (v) => formatPercent(v, calc.lang);
    const top = customers.slice(0, CONCENTRATION_SHOWN);
    const rest = customers.slice(CONCENTRATION_SHOWN);
    const restShare = rest.reduce((sum, c) => sum + Number(c.share_pct || 0), 0);
    const items = top.map((c) => ({ label: c.customer, share: Number(c.share_pct || 0), open: c.open,
      flagged: (c.flags || []).includes("concentration") }));
    if (rest.length) {
      items.push({ label: t("portfolio.concentration.others", { count: formatInteger(rest.length, calc.lang) }),
        share: Math.round(restShare * 100) / 100, open: null, others: true });
    }
    const max = Math.max(1, ...items.map((i) => i.share));
    const description = items.map((i) => `${i.label}: ${pct(i.share)}`).join("; ") || t("portfolio.nothing_open");
    const svg = health.barRows(items.map((item) => ({ label: clip(item.label, 28), valueText: pct(item.share),
      parts: [{ value: item.share, className: `calc-share${item.flagged ? " calc-share-flagged" : ""}${
        item.others ? " calc-share-others" : ""}` }] })), max, "calc-share-title calc-share-desc", [
      h("span", { id: "calc-share-title", hidden: true }, t("portfolio.concentration.title")),
      h("span", { id: "calc-share-desc", hidden: true }, description)]);
    const list = h("ol", { class: "calc-share-list" }, items.map((item) => h("li", { dataset: { share: item.share } },
      `${item.label}: ${pct(item.share)}`, item.open !== null ? ` (${calc.money(item.open)})` : "")));
    return h("figure", { class: "calc-picture calc-concentration", "aria-labelledby": "calc-share-caption" },
      h("figcaption", { id: "calc-share-caption", class: "calc-caption" }, t("portfolio.concentration.caption",
        { open: calc.money(totals.open || "0") })),
      svg, h("details", {}, h("summary", {}, t("portfolio.picture.figures")), list));
  },

  /** Stacked bars of each large customer's open balance by age, with a table as the text equivalent. */
  aging(calc, customers) {
    const t = (k, p) => calc.t(k, p);
    const shown = customers.slice(0, AGING_SHOWN);
    const max = Math.max(1, ...shown.map((c) => Number(c.open || 0)));
    const svg = health.barRows(shown.map((c) => ({ label: clip(c.customer, 28), parts: BUCKETS.map((bucket) => {
      const amount = Number((c.aging || {})[bucket] || 0);
      return { value: amount, className: `calc-age calc-age-${bucket}`,
        title: `${c.customer}, ${t(`portfolio.bucket.${bucket}`)}: ${calc.money(amount)}` };
    }) })), max, "calc-aging-title calc-aging-desc", [
      h("span", { id: "calc-aging-title", hidden: true }, t("portfolio.aging.title")),
      h("span", { id: "calc-aging-desc", hidden: true }, t("portfolio.aging.desc"))]);
    const legend = h("ul", { class: "calc-age-legend" }, BUCKETS.map((bucket) => h("li", {},
      h("span", { class: `calc-swatch calc-age-${bucket}`, "aria-hidden": "true" }),
      h("span", { class: "calc-legend-label" }, t(`portfolio.bucket.${bucket}`)))));
    const table = h("table", { class: "calc-report-table calc-aging-table" },
      h("caption", {}, t("portfolio.aging.table")),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("portfolio.col.customer")),
        BUCKETS.map((bucket) => h("th", { scope: "col", class: "calc-num" }, t(`portfolio.bucket.${bucket}`))))),
      h("tbody", {}, shown.map((c) => h("tr", {}, h("th", { scope: "row" }, c.customer),
        BUCKETS.map((bucket) => h("td", { class: "calc-num", dataset: { bucket, value: (c.aging || {})[bucket] } },
          calc.money((c.aging || {})[bucket] || "0")))))));
    const caption = customers.length > AGING_SHOWN
      ? t("portfolio.aging.caption_top", { shown: formatInteger(AGING_SHOWN, calc.lang),
        count: formatInteger(customers.length, calc.lang) })
      : t("portfolio.aging.caption");
    return h("figure", { class: "calc-picture calc-aging", "aria-labelledby": "calc-aging-caption" },
      h("figcaption", { id: "calc-aging-caption", class: "calc-caption" }, caption), legend, svg,
      h("details", {}, h("summary", {}, t("portfolio.picture.figures")), h("div", { class: "calc-table-wrap" }, table)));
  },

  // -- the CSV download --------------------------------------------------------------------------------------------

  /** The report as CSV, written the way a spreadsheet of the page's language reads it. */
  reportCsv() {
    const calc = this.calc;
    const t = (k, p) => calc.t(k, p);
    const sep = calc.lang === "en" ? "," : ";";
    const number = (v) => (v === null || v === undefined ? "" : calc.lang === "en" ? String(v) : String(v).replace(".", ","));
    const quote = (v) => (v.includes(sep) || /["\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const columns = [
      ["customer", (c) => c.customer], ["open", (c) => number(c.open)], ["overdue", (c) => number(c.overdue)],
      ...BUCKETS.map((b) => [`bucket.${b}`, (c) => number((c.aging || {})[b])]),
      ["oldest_overdue_days", (c) => number(c.oldest_overdue_days)], ["credit_limit", (c) => number(c.credit_limit)],
      ["self_assessment_limit", (c) => number(c.self_assessment_limit)], ["cover", (c) => number(c.cover)],
      ["uninsured", (c) => number(c.uninsured)], ["payout_if_default", (c) => number(c.payout_if_default)],
      ["share_pct", (c) => number(c.share_pct)], ["hand_over", (c) => c.hand_over || ""],
      ["provision", (c) => number(health.cellValue(c, "provision"))], ["score", (c) => number(health.cellValue(c, "score"))],
      ["flags", (c) => (c.flags || []).map((code) => t(`portfolio.flag.${code}`)).join(" | ")],
    ];
    const label = (key) => t(key.startsWith("bucket.") ? `portfolio.${key}` : `portfolio.col.${key}`);
    const lines = [columns.map(([key]) => quote(label(key))).join(sep)];
    for (const c of this.result.customers || []) lines.push(columns.map(([, get]) => quote(String(get(c)))).join(sep));
    const totals = this.result.totals || {};
    lines.push([quote(t("portfolio.total.row")), number(totals.open), number(totals.overdue)].join(sep));
    return `\ufeff${lines.join("\r\n")}\r\n`;
  },

  download() {
    if (!this.result) return;
    const blob = new Blob([this.reportCsv()], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = h("a", { href: url, download: this.calc.t("portfolio.download_name", {
      date: this.result.as_of || "" }), hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },

  // -- remember on this device -------------------------------------------------------------------------------------

  async restoreStored() {
    let saved;
    try {
      saved = await stored("get");
    } catch (error) {
      this.remember.disabled = true;  // private browsing, or storage refused: the option is off
      this.storedNote.textContent = this.calc.t("portfolio.remember_unavailable");
      return;
    }
    if (!saved || !(saved.text || saved.rows || saved.files)) return;
    const calc = this.calc;
    this.remember.checked = true;
    this.forgetButton.hidden = false;
    this.extraMap = saved.extra || {};
    this.source = saved.files ? { kind: "file", format: "files", name: saved.name, files: saved.files, headers: [] }
      : saved.rows
      ? { kind: "file", format: saved.format, name: saved.name, rows: saved.rows,
        headers: (saved.rows[0] || []).filter((c) => c !== null).map(String) }
      : { kind: "file", format: saved.format, name: saved.name, text: saved.text, headers: headerCells(saved.text) };
    this.hideMapping();
    const columns = saved.columns || {};
    if (Object.keys(columns).length) {
      this.askMapping(Object.keys(columns));
      for (const [column, header] of Object.entries(columns)) this.selects.get(column).value = header;
    }
    this.storedNote.textContent = calc.t("portfolio.stored", { name: saved.name,
      date: formatShortDate(saved.saved, calc.lang) });
    this.fileMessage.textContent = calc.t("portfolio.file.remembered", { name: saved.name });
    calc.root.dataset.stored = "restored";
    calc.edited(null, true);
  },

  async store() {
    const source = this.source;
    if (!source || source.kind !== "file") return;
    try {
      const chosen = {};
      for (const [column, select] of this.selects) if (select.value) chosen[column] = select.value;
      await stored("put", { name: source.name, format: source.format, text: source.text, rows: source.rows,
        files: source.files, columns: chosen, extra: this.extraMap, saved: new Date().toISOString().slice(0, 10) });
      this.forgetButton.hidden = false;
      this.storedNote.textContent = this.calc.t("portfolio.stored_now", { name: source.name });
      this.calc.root.dataset.stored = "saved";
    } catch (error) {
      this.storedNote.textContent = this.calc.t("portfolio.remember_unavailable");
    }
  },

  rememberChanged() {
    if (this.remember.checked) this.store();
    else this.forget();
  },

  async forget() {
    try {
      await stored("delete");
    } catch (error) {
      // Nothing stored.
    }
    this.remember.checked = false;
    this.forgetButton.hidden = true;
    this.storedNote.textContent = this.calc.t("portfolio.forgotten");
    this.calc.root.dataset.stored = "forgotten";
  },
};

function clip(text, length) {
  const value = String(text);
  return value.length > length ? `${value.slice(0, length - 1)}…` : value;
}
