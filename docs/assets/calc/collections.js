// The collections run: the whole ledger (CSV or XLSX, read in this browser only), the customers' details and the
// policy's deadlines in; out, the to-do list for today (passed deadlines first, then today, then this week), each
// line with its letter to read and edit, and the downloads: every letter printed one per page, every letter as a
// file per customer in one .zip, the to-do list as CSV and the deadlines as an .ics calendar.
//
// Everything is made here: the .zip is written below (stored entries, CRC-32), no library is fetched. "Remember on
// this device" keeps the ledger, the customers' details and the sender in IndexedDB, only when asked.

import { clear, h } from "./dom.js";
import { formatInputDate, formatInteger } from "./locale.js";
import { printSheet, windowFor } from "./letter-sheet.js";
import { deviceStore, headerCells, toBase64 } from "./portfolio.js";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** The engine's stages; the page shows letters and the policy's deadlines alike. */
export const STAGES = ["reminder", "formal_notice", "fourteen_day_letter", "notify_insurer", "stop_deliveries",
  "hand_over"];
/** The policy's deadlines and the letters' days the form asks for, in the engine's names. */
const DEADLINES = ["reminder", "formal_notice", "notify_insurer", "stop_deliveries", "hand_over"];
const CREDITOR = ["name", "address", "country", "enterprise_number", "vat_number", "iban", "email", "phone"];
const INSURERS = ["other", "atradius", "coface_easyliner"];
const COUNTRIES = ["NL", "BE", "FR"];

// -- pure helpers (tests/js/collections.test.mjs) ---------------------------------------------------------------

/**
 * Customers' details typed one per line: "customer; country; kind; language; name; address; notice date".
 * The address's lines are separated by "/"; empty cells are left out. Returns {customers, lines}.
 */
export function parseCustomers(text) {
  const customers = [];
  const lines = [];
  text.split(/\r?\n/).forEach((line, number) => {
    if (!line.trim()) return;
    const cells = line.split(/[;\t]/).map((cell) => cell.trim());
    const [customer, country, debtor, language, name, address, notice] = cells;
    const item = { customer };
    if (country) item.country = country.toUpperCase();
    if (debtor) item.debtor = debtor.toLowerCase();
    if (language) item.language = language.toLowerCase();
    if (name) item.name = name;
    if (address) item.address = address.split("/").map((part) => part.trim()).filter(Boolean).join("\n");
    if (notice) item.notice_date = notice;
    customers.push(item);
    lines.push(number + 1);
  });
  return { customers, lines };
}

/** Statutory rates the tables lack, one half-year per line: "2026-07-01; 10,15" as late_payment's `rates`. */
export function parseRates(text) {
  return text.split(/\r?\n/).filter((line) => line.trim()).map((line) => {
    const match = /^\s*([^\s;]+)\s*[;\t ]\s*(.*?)\s*%?\s*$/.exec(line);
    return match ? { from: match[1], rate_pct: match[2].replace(",", ".") } : { from: line.trim(), rate_pct: "" };
  });
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 of bytes, as a zip file records it. */
export function crc32(bytes) {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i += 1) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A .zip archive of [{name, text}] (UTF-8 names and contents, stored uncompressed): its bytes. */
export function zipStored(files, when = new Date(2000, 0, 1)) {
  const encoder = new TextEncoder();
  const time = (when.getHours() << 11) | (when.getMinutes() << 5) | Math.floor(when.getSeconds() / 2);
  const day = ((when.getFullYear() - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate();
  const parts = [];
  const central = [];
  let offset = 0;
  for (const file of files) {
    const name = encoder.encode(file.name);
    const data = encoder.encode(file.text);
    const crc = crc32(data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true);  // names and contents in UTF-8
    local.setUint16(8, 0, true);  // stored
    local.setUint16(10, time, true);
    local.setUint16(12, day, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, name.length, true);
    parts.push(new Uint8Array(local.buffer), name, data);
    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, 0x02014b50, true);
    entry.setUint16(4, 20, true);
    entry.setUint16(6, 20, true);
    entry.setUint16(8, 0x0800, true);
    entry.setUint16(12, time, true);
    entry.setUint16(14, day, true);
    entry.setUint32(16, crc, true);
    entry.setUint32(20, data.length, true);
    entry.setUint32(24, data.length, true);
    entry.setUint16(28, name.length, true);
    entry.setUint32(42, offset, true);
    central.push(new Uint8Array(entry.buffer), name);
    offset += 30 + name.length + data.length;
  }
  const size = central.reduce((sum, part) => sum + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of all) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A file name for a customer's letter: letters, digits, spaces and - _ . kept; unique within `taken`. */
export function letterFileName(customer, taken) {
  const base = customer.normalize("NFC").replace(/[^\p{L}\p{N} ._-]+/gu, "-").replace(/\s+/g, " ").trim()
    .replace(/^[.-]+/, "").slice(0, 80) || "customer";
  let name = `${base}.txt`;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base} (${n}).txt`;
  taken.add(name.toLowerCase());
  return name;
}

function csvCell(value, separator) {
  const text = String(value ?? "");
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The to-do list as CSV: the separator and the decimal mark of the page's language (as spreadsheets open it). */
export function todoCsv(todo, lang, label) {
  const separator = lang === "en" ? "," : ";";
  const amount = (value) => (lang === "en" ? value : String(value).replace(".", ","));
  const rows = [["urgency", "customer", "amount", "action", "date"].map((key) => label(`collections.csv.${key}`))];
  for (const line of todo) {
    rows.push([label(`collections.urgency.${line.urgency}`), line.customer, amount(line.amount),
      label(`collections.stage.${line.action}`), line.date]);
  }
  return `${rows.map((row) => row.map((cell) => csvCell(cell, separator)).join(separator)).join("\r\n")}\r\n`;
}

function icsText(value) {
  return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

function fold(line) {
  const out = [];
  let rest = line;
  while (rest.length > 74) {
    out.push(rest.slice(0, 74));
    rest = ` ${rest.slice(74)}`;
  }
  out.push(rest);
  return out.join("\r\n");
}

/** Every dated stage of every customer as an all-day event of an .ics calendar. */
export function icsCalendar(customers, label, stamp = "20000101T000000Z") {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//calculators//collections//EN", "CALSCALE:GREGORIAN"];
  customers.forEach((customer, index) => {
    for (const stage of customer.stages || []) {
      if (!stage.date) continue;
      const day = stage.date.replace(/-/g, "");
      const next = new Date(`${stage.date}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      lines.push("BEGIN:VEVENT", `UID:${index}-${stage.code}-${day}@collections`, `DTSTAMP:${stamp}`,
        `DTSTART;VALUE=DATE:${day}`, `DTEND;VALUE=DATE:${next.toISOString().slice(0, 10).replace(/-/g, "")}`,
        fold(`SUMMARY:${icsText(`${label(`collections.stage.${stage.code}`)}: ${customer.customer}`)}`),
        "END:VEVENT");
    }
  });
  lines.push("END:VCALENDAR");
  return `${lines.join("\r\n")}\r\n`;
}

// -- remembering on this device (IndexedDB, the receivables page's store under a database of its own) -------------

const stored = deviceStore("calc-collections");

// -- the letters: one print view --------------------------------------------------------------------------------

function sheet(letter) {
  // The letter's own text (it starts with the sender's block) under the recipient's address, placed where a
  // window envelope shows it; an edited letter is printed as edited.
  const parts = letter.parts || {};
  const recipient = parts.recipient || {};
  const address = [recipient.name, ...(recipient.address || [])].filter(Boolean);
  return h("article", { class: "collections-sheet", lang: parts.lang, dataset: { customer: letter.customer } },
    address.length ? h("div", { class: "collections-sheet-recipient" }, address.map((line) => h("div", {}, line)))
      : null,
    h("pre", { class: "collections-sheet-text" }, letter.edited ?? letter.text));
}

/**
 * Print `letters` ([{customer, parts, text, edited}]) one per page, with nothing of the site on the sheets: the
 * letters go into their own element at the end of <body>, <html> is marked while printing (calc.css hides the
 * rest), and the element goes once printed.
 */
export function printLetters(letters) {
  const old = document.getElementById("collections-print");
  if (old) old.remove();
  const view = h("div", { id: "collections-print", class: "collections-print" }, letters.map(sheet));
  document.body.append(view);
  const root = document.documentElement;
  root.classList.add("collections-printing");
  const done = () => {
    root.classList.remove("collections-printing");
    view.remove();
    window.removeEventListener("afterprint", done);
  };
  window.addEventListener("afterprint", done);
  window.print();
  return view;
}

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = h("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// -- the page ------------------------------------------------------------------------------------------------------

export default {
  stateKeys: ["src", "customers", "disputed", "rates", "ecb_rates", "insurer", ...DEADLINES.flatMap((d) => [`${d}_n`, `${d}_unit`]),
    ...CREDITOR.map((key) => `creditor_${key}`)],
  keepKey: "collections.keep",

  build(calc) {
    const t = (k, p) => calc.t(k, p);
    this.calc = calc;
    this.source = null;
    this.result = null;
    this.edits = new Map();  // customer -> the letter's text as edited

    this.file = h("input", { type: "file", id: "collections-file", class: "calc-file",
      accept: `.csv,.txt,.tsv,.xlsx,.xml,.zip,text/csv,text/plain,text/xml,application/xml,application/zip,${XLSX_TYPE}`,
    });
    this.file.addEventListener("change", () => {
      if (this.file.files[0]) this.open(this.file.files[0]);
      this.file.value = "";
    });
    this.drop = h("label", { for: "collections-file", class: "calc-drop" },
      h("strong", {}, t("collections.drop")), h("span", {}, t("collections.drop_hint")));
    this.fileMessage = h("p", { class: "calc-table-message", id: "collections-file-message", "aria-live": "polite" });
    this.fileError = h("div", { class: "calc-field-error", id: "collections-file-error", hidden: true,
      role: "alert" });
    this.remember = h("input", { type: "checkbox", id: "collections-remember" });
    this.remember.addEventListener("change", (event) => {
      event.stopPropagation();
      if (this.remember.checked) this.store();
      else this.forget();
    });
    this.storedNote = h("span", { class: "calc-hint", id: "collections-stored-note" });

    const area = (name, rows) => {
      const input = h("textarea", { id: `collections-${name}`, rows, class: "calc-input collections-area",
        spellcheck: "false", autocomplete: "off", "aria-describedby": `collections-h-${name}` });
      // Typing already sent it ("input"); the "change" of leaving the field would only send it again.
      input.addEventListener("change", (event) => event.stopPropagation());
      const error = h("p", { class: "calc-field-error", id: `collections-e-${name}`, hidden: true });
      const wrapper = h("div", { class: "calc-field", dataset: { field: name } },
        h("label", { for: input.id }, t(`collections.field.${name}`),
          h("span", { class: "calc-optional" }, ` ${t("field.optional")}`)),
        input, h("p", { class: "calc-hint", id: `collections-h-${name}` }, t(`collections.hint.${name}`)), error);
      return { input, error, wrapper };
    };
    this.customers = area("customers", 4);
    this.disputed = area("disputed", 2);
    this.rates = area("rates", 2);
    this.ecbRates = area("ecb_rates", 1);

    this.creditor = {};
    const creditorFields = CREDITOR.map((key) => {
      if (key === "country") {
        return calc.select("creditor_country", [{ label: null, options: COUNTRIES.map((code) => ({ value: code,
          label: t(`collections.country.${code}`) })) }], { label: t("collections.field.creditor_country"),
          hint: t("collections.hint.creditor_country") });
      }
      if (key === "address") {
        const field = area("creditor_address", 3);
        this.creditor.address = field;
        return field.wrapper;
      }
      return calc.field(`creditor_${key}`, "text", { label: t(`collections.field.creditor_${key}`),
        optional: true });
    });

    this.insurer = h("select", { id: "collections-insurer", class: "calc-input calc-select" },
      INSURERS.map((code) => h("option", { value: code }, t(`collections.insurer.${code}`))));
    this.deadlines = new Map();
    const deadlineRows = DEADLINES.map((code) => {
      const number = h("input", { type: "text", inputmode: "numeric", id: `collections-${code}-n`,
        class: "calc-input calc-integer collections-deadline-n", autocomplete: "off" });
      const unit = h("select", { id: `collections-${code}-unit`, class: "calc-input calc-select",
        "aria-label": t("collections.unit") },
      ["days", "months"].map((value) => h("option", { value }, t(`collections.unit.${value}`))));
      const error = h("p", { class: "calc-field-error", id: `collections-e-${code}`, hidden: true });
      const note = h("p", { class: "calc-hint", id: `collections-note-${code}` });
      this.deadlines.set(code, { number, unit, error, note });
      return h("div", { class: "calc-field collections-deadline", dataset: { field: `policy.${code}` } },
        h("label", { for: number.id }, t(`collections.deadline.${code}`),
          h("span", { class: "calc-optional" }, ` ${t("field.optional")}`)),
        h("span", { class: "collections-deadline-input" }, number, unit), note, error);
    });

    calc.form.append(
      h("fieldset", { class: "calc-group calc-ledger" }, h("legend", {}, t("collections.group.ledger")),
        h("p", { class: "calc-hint" }, t("collections.hint.ledger")),
        this.file, this.drop, this.fileMessage, this.fileError,
        h("div", { class: "calc-remember" }, h("label", { for: "collections-remember" }, this.remember,
          ` ${t("collections.remember")}`), this.storedNote),
        calc.field("as_of", "date", { optional: true, hint: t("collections.hint.as_of") }),
        this.disputed.wrapper),
      h("fieldset", { class: "calc-group" }, h("legend", {}, t("collections.group.customers")),
        this.customers.wrapper),
      h("fieldset", { class: "calc-group" }, h("legend", {}, t("collections.group.creditor")), ...creditorFields),
      h("fieldset", { class: "calc-group" }, h("legend", {}, t("collections.group.policy")),
        h("div", { class: "calc-field" }, h("label", { for: "collections-insurer" }, t("collections.field.insurer")),
          this.insurer, h("p", { class: "calc-hint" }, t("collections.hint.insurer"))),
        ...deadlineRows,
        calc.field("pay_within_days", "integer", { optional: true, hint: t("collections.hint.pay_within_days") }),
        this.ecbRates.wrapper, this.rates.wrapper),
      h("button", { type: "submit", class: "md-button md-button--primary calc-submit" }, t("action.compute")));
    this.restoreStored();
  },

  skipField(name) {
    return name.startsWith("creditor_");
  },

  // -- the example, the address, the payload -------------------------------------------------------------------

  exampleState(calc) {
    const example = calc.config.example;
    const params = new URLSearchParams();
    params.set("src", "example");
    if (example.as_of) params.set("as_of", formatInputDate(example.as_of, calc.lang));
    for (const [key, value] of Object.entries(example.creditor || {})) params.set(`creditor_${key}`, value);
    const lines = (example.customers || []).map((c) => [c.customer, c.country, c.debtor, c.language, c.name || "",
      (c.address || "").split("\n").join(" / "), c.notice_date || ""].join("; ").replace(/(; )+$/, ""));
    if (lines.length) params.set("customers", lines.join("\n"));
    if (example.disputed) params.set("disputed", example.disputed.join("\n"));
    const policy = example.policy || {};
    if (policy.insurer) params.set("insurer", policy.insurer);
    return params;
  },

  saveState(calc, params) {
    if (this.source && this.source.kind === "example") params.set("src", "example");
    if (this.customers.input.value.trim()) params.set("customers", this.customers.input.value);
    if (this.disputed.input.value.trim()) params.set("disputed", this.disputed.input.value);
    if (this.rates.input.value.trim()) params.set("rates", this.rates.input.value);
    if (this.ecbRates.input.value.trim()) params.set("ecb_rates", this.ecbRates.input.value);
    if (this.creditor.address.input.value.trim()) params.set("creditor_address", this.creditor.address.input.value);
    if (this.insurer.value !== "other") params.set("insurer", this.insurer.value);
    for (const [code, row] of this.deadlines) {
      if (row.number.value.trim()) {
        params.set(`${code}_n`, row.number.value);
        params.set(`${code}_unit`, row.unit.value);
      }
    }
  },

  restoreState(calc, params) {
    this.customers.input.value = params.get("customers") ?? "";
    this.disputed.input.value = params.get("disputed") ?? "";
    this.rates.input.value = params.get("rates") ?? "";
    this.ecbRates.input.value = params.get("ecb_rates") ?? "";
    this.creditor.address.input.value = params.get("creditor_address") ?? "";
    this.insurer.value = params.get("insurer") || "other";
    for (const [code, row] of this.deadlines) {
      row.number.value = params.get(`${code}_n`) ?? "";
      row.unit.value = params.get(`${code}_unit`) || "days";
    }
    if (params.get("src") === "example") {
      const example = calc.config.example;
      this.source = { kind: "example", format: "csv", text: example.csv, headers: headerCells(example.csv) };
      this.fileMessage.textContent = calc.t("collections.file.example");
    } else if (![...params.keys()].length) {
      this.source = null;
      this.fileMessage.textContent = calc.t("collections.file.none");
    }
    this.edits.clear();
  },

  completePayload(calc, payload) {
    const source = this.source;
    if (source && source.rows) payload.rows = source.rows;
    else if (source && source.base64 !== undefined) payload.files = [{ name: source.name, base64: source.base64 }];
    else if (source && source.text !== undefined) payload.csv = source.text;
    else payload.invoices = [];
    const creditor = {};
    for (const key of CREDITOR) {
      const value = key === "address" ? this.creditor.address.input.value : calc.value(`creditor_${key}`);
      if (value !== undefined && String(value).trim()) creditor[key] = value;
    }
    payload.creditor = creditor;
    // The letters also come laid out as A4 sheets (one document, one letter per sheet) for "print all"; the
    // envelope window is the one usual in the sender's country.
    payload.letter_format = "sheet";
    payload.letter_window = windowFor("", creditor.country);
    const { customers, lines } = parseCustomers(this.customers.input.value);
    this.customerLines = lines;
    if (customers.length) payload.customers = customers;
    const disputed = this.disputed.input.value.split(/[\n,;]+/).map((item) => item.trim()).filter(Boolean);
    if (disputed.length) payload.disputed = disputed;
    const rates = parseRates(this.rates.input.value);
    if (rates.length) payload.rates = rates;
    // The ECB rate of a half-year the tables lack: one published figure, from which late_payment derives each
    // country's business rate (same lines as the statutory rates: "2026-07-01; 2,15").
    const ecbRates = parseRates(this.ecbRates.input.value);
    if (ecbRates.length) payload.ecb_rates = ecbRates;
    const policy = {};
    if (this.insurer.value !== "other") policy.insurer = this.insurer.value;
    for (const [code, row] of this.deadlines) {
      const typed = row.number.value.trim();
      if (!typed) continue;
      policy[code] = { [row.unit.value]: /^\d+$/.test(typed) ? Number(typed) : typed };
    }
    if (Object.keys(policy).length) payload.policy = policy;
  },

  requestInfo() {
    return { customerLines: this.customerLines };
  },

  locate(calc, path, request) {
    let match = /^customers\[(\d+)\]/.exec(path);
    if (match) {
      const line = (request.customerLines || [])[Number(match[1])];
      const target = this.customers;
      return { error: target.error, inputs: [target.input], focus: target.input,
        label: `${calc.t("collections.field.customers")} ${line ? calc.t("collections.line", { line }) : ""}`.trim() };
    }
    match = /^policy\.(\w+)/.exec(path);
    if (match && this.deadlines.has(match[1])) {
      const row = this.deadlines.get(match[1]);
      return { error: row.error, inputs: [row.number], focus: row.number,
        label: calc.t(`collections.deadline.${match[1]}`) };
    }
    if (path.startsWith("policy")) {
      return { error: null, inputs: [this.insurer], focus: this.insurer, label: calc.t("collections.field.insurer") };
    }
    match = /^creditor\.(\w+)/.exec(path);
    if (match) {
      if (match[1] === "address") {
        const target = this.creditor.address;
        return { error: target.error, inputs: [target.input], focus: target.input,
          label: calc.t("collections.field.creditor_address") };
      }
      const field = calc.fields.get(`creditor_${match[1]}`);
      if (field) return { field, error: field.error, inputs: field.inputs, focus: field.focus,
        label: calc.label(`creditor_${match[1]}`) };
    }
    if (path.startsWith("ecb_rates")) {
      return { error: this.ecbRates.error, inputs: [this.ecbRates.input], focus: this.ecbRates.input,
        label: calc.t("collections.field.ecb_rates") };
    }
    if (path.startsWith("rates")) {
      return { error: this.rates.error, inputs: [this.rates.input], focus: this.rates.input,
        label: calc.t("collections.field.rates") };
    }
    if (path.startsWith("disputed")) {
      return { error: this.disputed.error, inputs: [this.disputed.input], focus: this.disputed.input,
        label: calc.t("collections.field.disputed") };
    }
    if (/^(invoices|csv|rows|files|columns)/.test(path)) {
      return { error: this.fileError, inputs: [this.file], focus: this.file, label: calc.t("collections.group.ledger") };
    }
    return null;
  },

  clearErrors() {
    for (const target of [this.customers, this.disputed, this.rates, this.ecbRates, this.creditor.address]) {
      target.error.hidden = true;
      target.error.textContent = "";
    }
    for (const row of this.deadlines.values()) {
      row.error.hidden = true;
      row.error.textContent = "";
    }
  },

  // -- opening a file ------------------------------------------------------------------------------------------

  async open(file) {
    const calc = this.calc;
    const t = (k, p) => calc.t(k, p);
    const name = file.name;
    this.showFileProblem("");
    let base64;
    let lines = 0;
    let rows;
    if (file.size === 0) {
      this.showFileProblem(t("collections.file.empty", { name }));
      return;
    }
    const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
    const zip = head[0] === 0x50 && head[1] === 0x4b;  // a .zip of e-invoices is the engine's; any other zip is a sheet
    if (/\.xlsx$/i.test(name) || file.type === XLSX_TYPE || (zip && !/\.zip$/i.test(name))) {
      this.fileMessage.textContent = t("collections.file.reading", { name });
      const answer = await calc.engine.readXlsx(await file.arrayBuffer());
      if (answer.error) {
        this.fileMessage.textContent = "";
        this.showFileProblem(t("collections.file.not_supported", { name }));
        return;
      }
      rows = JSON.parse(answer.text);
    } else {
      // The file's bytes go to the engine, which decodes them (UTF-8, UTF-16, Windows-1252) and recognises the
      // format (CSV export, FEC, UBL, CAMT.053, a zip of them), as on the receivables page.
      base64 = await toBase64(file);
      lines = new Uint8Array(await file.arrayBuffer()).reduce((count, byte) => count + (byte === 10 ? 1 : 0), 0);
    }
    this.source = rows ? { kind: "file", format: "xlsx", name, rows } : { kind: "file", format: "file", name, base64 };
    if (rows) lines = rows.length;
    this.fileMessage.textContent = t("collections.file.loaded", { name,
      lines: formatInteger(Math.max(0, lines - 1), calc.lang) });
    this.edits.clear();
    if (this.remember.checked) this.store();
    this.openedAt = performance.now();
    calc.root.dataset.collectionsOpened = String(Math.round(this.openedAt));
    calc.edited(null, true);
  },

  showFileProblem(message) {
    this.fileError.textContent = message;
    this.fileError.hidden = !message;
  },

  // -- the answer ------------------------------------------------------------------------------------------------

  render(calc, result) {
    const t = (k, p) => calc.t(k, p);
    this.result = result;
    const totals = result.totals || {};
    const urgency = totals.per_urgency || {};
    calc.summary.textContent = t("collections.summary", {
      customers: formatInteger(totals.customers || 0, calc.lang), passed: formatInteger(urgency.passed || 0, calc.lang),
      today: formatInteger(urgency.today || 0, calc.lang), week: formatInteger(urgency.week || 0, calc.lang),
      total: calc.money((totals.claims || {}).total || "0") });
    this.noteDeadlines(result);
    const customers = result.customers || [];
    const letters = customers.filter((row) => row.letter).length;
    this.detail = h("section", { class: "collections-detail", id: "collections-detail", hidden: true,
      "aria-live": "polite" });
    const body = h("tbody", {}, customers.map((row, index) => this.todoRow(row, index)));
    const actions = h("div", { class: "calc-toolbar collections-actions" },
      h("button", { type: "button", class: "md-button calc-small", id: "collections-print-all",
        disabled: letters ? undefined : true, onclick: () => this.printAll() }, t("collections.print_all")),
      h("button", { type: "button", class: "md-button calc-small", id: "collections-zip",
        disabled: letters ? undefined : true, onclick: () => this.downloadZip() }, t("collections.download_zip")),
      h("button", { type: "button", class: "md-button calc-small", id: "collections-csv",
        onclick: () => this.downloadCsv() }, t("collections.download_csv")),
      h("button", { type: "button", class: "md-button calc-small", id: "collections-ics",
        onclick: () => this.downloadIcs() }, t("collections.download_ics")));
    const ready = h("p", { class: "calc-hint", id: "collections-letters-ready", hidden: letters ? undefined : true },
      t("collections.letters_ready", { count: formatInteger(letters, calc.lang) }));
    const figures = calc.figureList(["principal", "interest", "costs", "total"].map((key) => ({
      key: `claims_${key}`, label: t(`collections.total.${key}`), value: (totals.claims || {})[key] || "0",
      kind: "money", strong: key === "total" })));
    const table = h("table", { class: "calc-table collections-todo", id: "collections-todo" },
      h("caption", {}, t("collections.todo.caption", { date: calc.date(result.as_of) })),
      h("thead", {}, h("tr", {}, ["urgency", "customer", "amount", "action", "date", "next"].map((key) =>
        h("th", { scope: "col" }, t(`collections.col.${key}`))))),
      body);
    const disputed = (result.disputed || []).length
      ? h("p", { class: "calc-hint", id: "collections-disputed-note" }, t("collections.disputed_note", {
        count: formatInteger(result.disputed.length, calc.lang),
        references: result.disputed.slice(0, 20).map((d) => d.reference || d.customer).join(", ") })) : null;
    const unknown = (result.unknown_customers || []).length
      ? h("p", { class: "calc-hint" }, t("collections.unknown_customers", {
        names: result.unknown_customers.slice(0, 20).join(", ") })) : null;
    const rejected = result.rejected_count
      ? h("p", { class: "calc-hint" }, t("collections.rejected", { count: formatInteger(result.rejected_count,
        calc.lang) })) : null;
    clear(calc.figures).append(...[figures, actions, ready, rejected, disputed, unknown,
      customers.length ? h("div", { class: "calc-table-wrap" }, table) : h("p", {}, t("collections.nothing")),
      this.detail].filter(Boolean));
    calc.explain(result.explanation || []);
    const again = customers.findIndex((row) => row.customer === this.openCustomer);
    if (again !== -1) this.openDetail(again, false);
    if (this.openedAt) {
      calc.root.dataset.collectionsTodoMs = String(Math.round(performance.now() - this.openedAt));
      this.openedAt = null;
    }
  },

  noteDeadlines(result) {
    for (const [code, row] of this.deadlines) {
      const deadline = (result.deadlines || {})[code];
      const typed = row.number.value.trim();
      if (typed || !["notify_insurer", "stop_deliveries", "hand_over"].includes(code)) row.note.textContent = "";
      else if (!deadline) row.note.textContent = this.calc.t("collections.set_deadline");
      else row.note.textContent = this.calc.t("collections.deadline_from", { months: deadline.months,
        days: deadline.days });
    }
  },

  todoRow(row, index) {
    const calc = this.calc;
    const t = (k, p) => calc.t(k, p);
    const action = row.action;
    const next = row.upcoming ? `${t(`collections.stage.${row.upcoming.code}`)}, ${calc.date(row.upcoming.date)}` : "";
    const unset = (row.stages || []).some((stage) => stage.status === "unset");
    return h("tr", { class: `collections-${action.urgency}`, dataset: { customer: row.customer,
      urgency: action.urgency, action: action.code } },
    h("td", {}, h("span", { class: `collections-badge collections-badge-${action.urgency}` },
      t(`collections.urgency.${action.urgency}`))),
    h("th", { scope: "row" }, h("button", { type: "button", class: "calc-link collections-open",
      onclick: () => this.openDetail(index) }, row.customer),
    (row.flags || []).includes("no_details") ? h("span", { class: "calc-hint" }, ` (${t("collections.flag.no_details")})`)
      : null),
    h("td", { class: "calc-num", dataset: { value: row.claim.total } }, calc.money(row.claim.total)),
    h("td", {}, t(`collections.stage.${action.code}`)),
    h("td", { dataset: { value: action.date } }, calc.date(action.date)),
    h("td", {}, next, unset ? h("span", { class: "calc-hint" }, ` ${t("collections.set_deadline")}`) : null));
  },

  openDetail(index, focus = true) {
    const calc = this.calc;
    const t = (k, p) => calc.t(k, p);
    const row = this.result.customers[index];
    const letter = row.letter;
    const stages = h("ol", { class: "collections-stages" }, (row.stages || []).map((stage) => h("li", {
      dataset: { code: stage.code, status: stage.status } }, `${t(`collections.stage.${stage.code}`)}: `,
    stage.date ? calc.date(stage.date) : h("em", {}, t("collections.set_deadline")),
    stage.status === "passed" ? ` (${t("collections.urgency.passed")})` : "")));
    const statement = h("table", { class: "calc-table collections-statement" },
      h("caption", {}, t("collections.statement")),
      h("thead", {}, h("tr", {}, ["reference", "due_date", "amount", "interest", "status"].map((key) =>
        h("th", { scope: "col" }, t(`collections.statement.${key}`))))),
      h("tbody", {}, row.statement.rows.map((item) => h("tr", {},
        h("td", {}, item.reference || ""), h("td", {}, calc.date(item.due_date)),
        h("td", { class: "calc-num" }, calc.money(item.amount)), h("td", { class: "calc-num" }, calc.money(item.interest)),
        h("td", {}, t(`collections.status.${item.status}`))))));
    const editor = letter ? h("textarea", { id: "collections-letter", class: "calc-input collections-letter",
      rows: 24, lang: letter.lang, spellcheck: "true" }) : null;
    if (editor) {
      editor.value = this.edits.get(row.customer) ?? letter.text;
      editor.addEventListener("input", (event) => {
        event.stopPropagation();  // the letter is not an input of the run
        this.edits.set(row.customer, editor.value);
      });
    }
    clear(this.detail).append(...[
      h("h3", { id: "collections-detail-title", tabindex: "-1" }, row.customer),
      calc.figureList([
        { key: "claim_total", label: t("collections.total.total"), value: row.claim.total, kind: "money", strong: true },
        { key: "claim_interest", label: t("collections.total.interest"), value: row.claim.interest, kind: "money" },
        { key: "claim_costs", label: t("collections.total.costs"), value: row.claim.costs, kind: "money" },
        { key: "letter_lang", label: t("collections.letter_lang"), value: t(`collections.lang.${row.letter_lang}`),
          kind: "text" },
      ]),
      stages, statement,
      editor ? h("label", { for: "collections-letter" }, t("collections.letter", {
        kind: t(`collections.stage.${row.letter_kind}`) })) : null,
      editor,
      editor ? h("p", { class: "calc-actions" },
        h("button", { type: "button", class: "md-button calc-small", id: "collections-print-one",
          onclick: () => printLetters([this.letterOf(row)]) }, t("collections.print_one")),
        h("button", { type: "button", class: "md-button calc-small", onclick: () => {
          this.edits.delete(row.customer);
          editor.value = letter.text;
        } }, t("collections.undo_edits"))) : null].filter(Boolean));
    this.detail.hidden = false;
    this.openCustomer = row.customer;
    if (focus) this.detail.querySelector("h3").focus();
  },

  letterOf(row) {
    return { customer: row.customer, parts: row.letter, text: row.letter.text, edited: this.edits.get(row.customer) };
  },

  letters() {
    return (this.result.customers || []).filter((row) => row.letter).map((row) => this.letterOf(row));
  },

  /** Every letter on its own A4 sheet, laid out by the engine (letter_sheet.py, as on the late-payment page);
   * once a letter's text has been edited here, the edited texts print instead, one per page. */
  printAll() {
    const letters = this.letters();
    if (this.result.sheet_html && !letters.some((letter) => letter.edited !== undefined)) {
      printSheet(this.result.sheet_html, this.calc.t("sheet.frame_title"));
    } else {
      printLetters(letters);
    }
  },

  downloadZip() {
    const taken = new Set();
    const files = this.letters().map((letter) => ({ name: letterFileName(letter.customer, taken),
      text: letter.edited ?? letter.text }));
    this.lastZip = files.map((file) => file.name);
    this.calc.root.dataset.collectionsZip = JSON.stringify(this.lastZip);
    download(`${this.calc.t("collections.file.zip")}-${this.result.as_of}.zip`, "application/zip", zipStored(files,
      new Date()));
  },

  downloadCsv() {
    download(`${this.calc.t("collections.file.todo")}-${this.result.as_of}.csv`, "text/csv;charset=utf-8",
      `\ufeff${todoCsv(this.result.todo || [], this.calc.lang, (k) => this.calc.t(k))}`);
  },

  downloadIcs() {
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    download(`${this.calc.t("collections.file.calendar")}-${this.result.as_of}.ics`, "text/calendar;charset=utf-8",
      icsCalendar(this.result.customers || [], (k) => this.calc.t(k), stamp));
  },

  clearResult() {
    this.result = null;
  },

  // -- remember on this device -------------------------------------------------------------------------------------

  async restoreStored() {
    let saved;
    try {
      saved = await stored("get");
    } catch {
      this.remember.disabled = true;
      this.storedNote.textContent = this.calc.t("collections.remember_unavailable");
      return;
    }
    if (!saved || !(saved.text || saved.rows || saved.base64)) return;
    const calc = this.calc;
    this.remember.checked = true;
    this.source = { kind: "file", format: saved.format, name: saved.name, text: saved.text, rows: saved.rows,
      base64: saved.base64 };
    if (!location.hash.includes("=")) {  // details in the address win over the stored ones
      this.customers.input.value = saved.customers || "";
      this.creditor.address.input.value = saved.creditorAddress || "";
      for (const [key, value] of Object.entries(saved.creditor || {})) {
        const field = calc.fields.get(`creditor_${key}`);
        if (field) field.set(value);
      }
    }
    this.storedNote.textContent = calc.t("collections.stored", { name: saved.name });
    this.fileMessage.textContent = calc.t("collections.file.remembered", { name: saved.name });
    calc.root.dataset.stored = "restored";
    calc.edited(null, true);
  },

  async store() {
    const source = this.source;
    if (!source || source.kind !== "file") return;
    const creditor = {};
    for (const key of CREDITOR) {
      const field = this.calc.fields.get(`creditor_${key}`);
      if (field) creditor[key] = field.get();
    }
    try {
      await stored("put", { name: source.name, format: source.format, text: source.text, rows: source.rows,
        base64: source.base64,
        customers: this.customers.input.value, creditor, creditorAddress: this.creditor.address.input.value });
      this.storedNote.textContent = this.calc.t("collections.stored", { name: source.name });
      this.calc.root.dataset.stored = "saved";
    } catch {
      this.storedNote.textContent = this.calc.t("collections.remember_unavailable");
    }
  },

  async forget() {
    try {
      await stored("delete");
    } catch {
      // Nothing stored.
    }
    this.remember.checked = false;
    this.storedNote.textContent = this.calc.t("collections.forgotten");
    this.calc.root.dataset.stored = "forgotten";
  },
};
