// Editable tables of rows (payment experiences, invoices, payments...): paged display over a plain array, paste and
// CSV import.
//
// A table is described by a column spec (see EXPERIENCES below): which columns, of what kind, under which labels,
// which field of the payload they fill and which key keeps them in the page address. The rows live in `this.rows`
// (the text as typed or imported, never reformatted); only one page of rows is in the DOM, built in a
// DocumentFragment, so 10,000 imported rows cost no more to show than fifty.

import { h } from "./dom.js";
import { formatInteger, formatShortDate, parseAmount, parseDate, parsePercent } from "./locale.js";
import { blankRow, cellsToRows, columnKeys, parseCSV, pastedCells, rowsFromState, rowsToState } from "./tabular.js";

export { cellsToRows, COLUMNS, guessSeparator, parseCSV } from "./tabular.js";

const PAGE_SIZE = 50;

/**
 * The self-assessment page's table of paid invoices. A spec holds:
 * - `name`: the payload field the rows go to; errors `name[3].column` land on their cells;
 * - `state`: the key of each row in the page address; `ids`: what this table's element ids carry after `calc-cell-`,
 *   `calc-import` and the like ("" for the first table of a page, so its ids stay short);
 * - `columns`: [{key, kind: "amount" | "integer" | "percent" | "date" | "text", label}] in import order;
 * - `headers`: [[column, RegExp]] tried in this order on a CSV header line;
 * - `strings`: the keys of the legend, caption, hint, a cell's label ({row}, {column}) and the remove button ({row});
 * - `results` (optional): columns the engine's answer fills per row: {heads: [label key], cells: [class, or
 *   {class, text} for a cell whose answer goes in a span of class `text`], fill(table, tr, result)}; row errors go in
 *   the `.calc-why` cell (its span left alone), else in the row's last cell.
 */
export const EXPERIENCES = {
  name: "experiences",
  state: "r",
  ids: "",
  className: "calc-experiences",
  columns: [
    { key: "amount", kind: "amount", label: "table.col.amount" },
    { key: "payment_term_days", kind: "integer", label: "table.col.payment_term_days" },
    { key: "invoice_date", kind: "date", label: "table.col.invoice_date" },
    { key: "paid_date", kind: "date", label: "table.col.paid_date" },
  ],
  headers: [
    ["invoice_date", /invoice|factuur|factur/i],
    ["payment_term_days", /term|termijn|d[ée]lai/i],
    ["paid_date", /paid|betaal|betaald|pay|pai/i],
    ["amount", /amount|bedrag|montant|som/i],
  ],
  strings: { legend: "table.legend", caption: "table.caption", hint: "table.hint", cell: "table.cell_label",
    remove: "table.remove_row" },
  results: {
    heads: ["table.col.due_date", "table.col.days_late", "table.col.status"],
    cells: ["calc-due", "calc-late", { class: "calc-why", text: "calc-why-text" }],
    fill: fillExperience,
  },
};

/** The engine's assessment of one payment experience in its row: due date, days late, counted or why not. */
function fillExperience(table, tr, result) {
  const [due, late, why] = [tr.querySelector(".calc-due"), tr.querySelector(".calc-late"),
    tr.querySelector(".calc-why-text")];
  if (!result) {
    due.textContent = "";
    late.textContent = "";
    why.textContent = "";
    tr.removeAttribute("data-counted");
    return;
  }
  const lang = table.calc.lang;
  due.textContent = formatShortDate(result.due_date, lang);
  due.dataset.value = result.due_date;
  late.textContent = String(result.days_late);
  late.dataset.value = String(result.days_late);
  const reasons = result.reasons.map((code) => table.t(`reason.${code}`)).join("; ");
  why.replaceChildren(result.counted
    ? h("span", { class: "calc-counts" }, h("span", { "aria-hidden": "true" }, "✓ "), table.t("reason.counted"))
    : h("span", { class: "calc-not-counted" }, h("span", { "aria-hidden": "true" }, "✗ "),
      table.t("table.not_counted", { reasons })));
  why.dataset.reason = result.reason;
  tr.dataset.counted = String(result.counted);
}

/** A cell's text as the engine reads it: canonical when readable, as typed when not, undefined when empty. */
function cellValue(text, kind, lang) {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  let value;
  switch (kind) {
    case "amount": value = parseAmount(text, lang); break;
    case "percent": value = parsePercent(text, lang); break;
    case "date": value = parseDate(text); break;
    case "integer": return /^\d{1,15}$/.test(trimmed) ? Number(trimmed) : text;
    default: return trimmed;
  }
  return value === null ? text : value;
}

export class RowTable {
  constructor(calc, spec) {
    this.calc = calc;
    this.spec = spec;
    this.columns = columnKeys(spec);
    this.kinds = Object.fromEntries(spec.columns.map((col) => [col.key, col.kind]));
    this.labels = Object.fromEntries(spec.columns.map((col) => [col.key, col.label]));
    this.rows = [blankRow(spec)];
    this.page = 0;
    this.results = [];     // per row index: the engine's answer for the row, or undefined
    this.errors = new Map();  // row index -> {column or "row": message}
    this.map = [];         // payload index -> row index, for the request in flight
    this.undo = null;
    const ids = spec.ids ? `${spec.ids}-` : "";
    this.ids = {
      cell: (i, col) => `calc-cell-${ids}${i}-${col}`,
      cellError: (i, col) => `calc-cell-e-${ids}${i}-${col}`,
      col: (col) => `calc-col-${ids}${col}`,
      import: spec.ids ? `calc-import-${spec.ids}` : "calc-import",
      hint: spec.ids ? `calc-table-hint-${spec.ids}` : "calc-table-hint",
      error: `calc-e-${spec.name}`,
    };
  }

  t(key, params) {
    return this.calc.t(key, params);
  }

  blank() {
    return blankRow(this.spec);
  }

  isBlank(row) {
    return this.columns.every((col) => !row[col]);
  }

  cellLabel(i, col) {
    return this.t(this.spec.strings.cell, { row: i + 1, column: this.t(this.labels[col]) });
  }

  // -- building ------------------------------------------------------------------------------------

  build() {
    const t = (k, p) => this.t(k, p);
    const { spec, ids } = this;
    this.tbody = h("tbody", {});
    this.tbody.addEventListener("input", (event) => this.typed(event));
    this.tbody.addEventListener("paste", (event) => this.paste(event));
    this.tbody.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-remove]");
      if (button) this.remove(Number(button.dataset.remove));
    });
    this.message = h("p", { class: "calc-table-message", "aria-live": "polite" });
    this.tableError = h("p", { class: "calc-field-error", id: ids.error, hidden: true });
    this.file = h("input", { type: "file", id: ids.import, accept: ".csv,.txt,text/csv,text/plain",
      class: "calc-file" });
    this.file.addEventListener("change", () => this.importFile());
    this.pageInfo = h("span", { class: "calc-page-info", "aria-live": "polite" });
    this.prev = h("button", { type: "button", class: "md-button calc-small", onclick: () => this.go(this.page - 1) },
      t("table.previous"));
    this.next = h("button", { type: "button", class: "md-button calc-small", onclick: () => this.go(this.page + 1) },
      t("table.next"));
    this.pager = h("div", { class: "calc-pager" }, this.prev, this.pageInfo, this.next);
    const head = h("tr", {},
      h("th", { scope: "col" }, t("table.number")),
      spec.columns.map((col) => h("th", { scope: "col", id: ids.col(col.key) }, t(col.label))),
      (spec.results ? spec.results.heads : []).map((key) => h("th", { scope: "col" }, t(key))),
      h("th", { scope: "col" }, h("span", { class: "calc-visually-hidden" }, t("table.col.actions"))));
    this.table = h("table", { class: "calc-table", "aria-describedby": ids.hint },
      h("caption", {}, t(spec.strings.caption)), h("thead", {}, head), this.tbody);
    this.element = h("fieldset", { class: `calc-group calc-rows ${spec.className || ""}`.trim(),
      dataset: { field: spec.name } },
    h("legend", {}, t(spec.strings.legend)),
    h("p", { class: "calc-hint", id: ids.hint }, t(spec.strings.hint)),
    h("div", { class: "calc-toolbar" },
      h("button", { type: "button", class: "md-button calc-small", onclick: () => this.add() }, t("table.add")),
      h("label", { for: ids.import, class: "md-button calc-small calc-file-label" }, t("table.import")),
      this.file),
    this.message, this.tableError,
    h("div", { class: "calc-table-wrap" }, this.table),
    this.pager);
    this.render();
    return this.element;
  }

  get pages() {
    return Math.max(1, Math.ceil(this.rows.length / PAGE_SIZE));
  }

  go(page) {
    this.page = Math.min(Math.max(0, page), this.pages - 1);
    this.render();
  }

  /** Build the visible page in one fragment. */
  render() {
    if (this.page >= this.pages) this.page = this.pages - 1;
    const start = this.page * PAGE_SIZE;
    const end = Math.min(this.rows.length, start + PAGE_SIZE);
    const fragment = document.createDocumentFragment();
    for (let i = start; i < end; i += 1) fragment.append(this.renderRow(i));
    this.tbody.replaceChildren(fragment);
    const n = (value) => formatInteger(value, this.calc.lang);
    this.pageInfo.textContent = this.t("table.page", { from: n(start + 1), to: n(end), count: n(this.rows.length) });
    this.prev.disabled = this.page === 0;
    this.next.disabled = this.page >= this.pages - 1;
    this.pager.hidden = this.pages === 1;
  }

  renderRow(i) {
    const row = this.rows[i];
    const n = i + 1;
    const tr = h("tr", { dataset: { index: i } }, h("th", { scope: "row", class: "calc-row-number" }, String(n)));
    for (const col of this.spec.columns) {
      const kind = col.kind;
      const input = h("input", { type: "text", id: this.ids.cell(i, col.key), value: row[col.key],
        autocomplete: "off", spellcheck: "false", class: `calc-input calc-cell calc-${col.key}`,
        dataset: { col: col.key, index: i },
        inputmode: { amount: "decimal", percent: "decimal", integer: "numeric" }[kind],
        placeholder: kind === "date" ? this.t("placeholder.date") : undefined,
        "aria-label": this.cellLabel(i, col.key) });
      tr.append(h("td", {}, input));
    }
    const results = this.spec.results ? this.spec.results.cells : [];
    tr.append(...results.map((cell) => (typeof cell === "string" ? h("td", { class: cell })
      : h("td", { class: cell.class }, h("span", { class: cell.text })))),
    h("td", {}, h("button", { type: "button", class: "calc-remove", dataset: { remove: i },
      "aria-label": this.t(this.spec.strings.remove, { row: n }),
      title: this.t(this.spec.strings.remove, { row: n }) }, "✕")));
    this.fillErrors(tr, i);
    this.fillResult(tr, i);
    return tr;
  }

  /**
   * The errors of row `i` on its cells, in place: answers arrive while the reader types, so the cells (their focus,
   * their caret, what is typed in them) are never rebuilt for an answer. Errors of the row as a whole go in its
   * status cell (`.calc-why`), or in its last cell when it has none.
   */
  fillErrors(tr, i) {
    const errors = this.errors.get(i) || {};
    for (const col of this.columns) {
      const input = tr.querySelector(`input[data-col="${col}"]`);
      const errorId = this.ids.cellError(i, col);
      let span = input.parentElement.querySelector(".calc-cell-error");
      if (errors[col]) {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", errorId);
        if (!span) {
          span = h("span", { class: "calc-field-error calc-cell-error", id: errorId });
          input.after(span);
        }
        span.textContent = errors[col];
      } else {
        input.removeAttribute("aria-invalid");
        input.removeAttribute("aria-describedby");
        if (span) span.remove();
      }
    }
    const why = tr.querySelector(".calc-why") || tr.lastElementChild;
    let rowError = why.querySelector(".calc-row-error");
    if (errors.row) {
      if (!rowError) {
        rowError = h("span", { class: "calc-field-error calc-cell-error calc-row-error" });
        why.append(rowError);
      }
      rowError.textContent = errors.row;
    } else if (rowError) {
      rowError.remove();
    }
  }

  refreshErrors() {
    for (const tr of this.tbody.rows) this.fillErrors(tr, Number(tr.dataset.index));
  }

  fillResult(tr, i) {
    if (this.spec.results) this.spec.results.fill(this, tr, this.results[i]);
  }

  refreshResults() {
    if (!this.spec.results) return;
    for (const tr of this.tbody.rows) this.fillResult(tr, Number(tr.dataset.index));
  }

  // -- editing -------------------------------------------------------------------------------------------

  typed(event) {
    const input = event.target;
    if (!input.dataset || input.dataset.col === undefined) return;
    this.rows[Number(input.dataset.index)][input.dataset.col] = input.value;
  }

  add() {
    this.rows.push(this.blank());
    this.page = this.pages - 1;
    this.render();
    const last = this.rows.length - 1;
    document.getElementById(this.ids.cell(last, this.columns[0])).focus();
  }

  /** Put `row` (column -> text) in the first blank row, or a new one, and show it; returns its index. */
  put(row) {
    let index = this.rows.findIndex((r) => this.isBlank(r));
    if (index === -1) {
      this.rows.push(this.blank());
      index = this.rows.length - 1;
    }
    Object.assign(this.rows[index], row);
    this.go(Math.floor(index / PAGE_SIZE));
    return index;
  }

  focusCell(index, col) {
    const page = Math.floor(index / PAGE_SIZE);
    if (page !== this.page) this.go(page);
    document.getElementById(this.ids.cell(index, col))?.focus();
  }

  remove(i) {
    this.rows.splice(i, 1);
    this.results.splice(i, 1);
    if (!this.rows.length) this.rows.push(this.blank());
    this.errors.clear();
    this.render();
    const focus = document.getElementById(this.ids.cell(Math.min(i, this.rows.length - 1), this.columns[0]));
    if (focus) focus.focus();
    this.calc.edited(null, true);
  }

  /** Paste of several cells (tab-separated, one line per row) from a spreadsheet, from the focused cell on. */
  paste(event) {
    const input = event.target;
    if (!input.dataset || input.dataset.col === undefined) return;
    const text = (event.clipboardData || window.clipboardData).getData("text/plain");
    const cells = pastedCells(text, this.calc.lang);
    if (!cells) return;  // one cell: the browser pastes it as usual
    event.preventDefault();
    const startRow = Number(input.dataset.index);
    const startCol = this.columns.indexOf(input.dataset.col);
    cells.forEach((line, r) => {
      const index = startRow + r;
      while (this.rows.length <= index) this.rows.push(this.blank());
      line.forEach((value, c) => {
        const col = this.columns[startCol + c];
        if (col) this.rows[index][col] = value;
      });
    });
    this.render();
    this.message.textContent = this.t("table.pasted", { count: formatInteger(cells.length, this.calc.lang) });
    this.calc.edited(null, true);
  }

  async importFile() {
    const file = this.file.files[0];
    if (!file) return;
    const started = performance.now();
    const text = await file.text();
    const rows = cellsToRows(parseCSV(text), this.calc.lang, this.spec);
    this.file.value = "";
    if (!rows.length) {
      this.message.textContent = this.t("table.import_empty", { name: file.name });
      return;
    }
    this.undo = this.rows;
    this.rows = rows;
    this.results = [];
    this.errors.clear();
    this.page = 0;
    this.render();
    this.message.replaceChildren(this.t("table.imported", {
      count: formatInteger(rows.length, this.calc.lang), name: file.name }), " ",
      h("button", { type: "button", class: "calc-link", onclick: () => this.restoreUndo() }, this.t("table.undo")));
    this.calc.root.dataset.importStarted = String(started);
    this.calc.edited(null, true);
    this.importRequest = this.calc.requested;
    this.importStarted = started;
  }

  restoreUndo() {
    if (!this.undo) return;
    this.rows = this.undo;
    this.undo = null;
    this.results = [];
    this.errors.clear();
    this.page = 0;
    this.render();
    this.message.textContent = this.t("table.undone");
    this.calc.edited(null, true);
  }

  // -- to and from the engine -------------------------------------------------------------------------------

  /** The rows to send (blank rows left out) and which table row each one is (kept in `this.map`). */
  payload() {
    const lang = this.calc.lang;
    const list = [];
    const map = [];
    for (let i = 0; i < this.rows.length; i += 1) {
      const row = this.rows[i];
      if (this.isBlank(row)) continue;
      const item = {};
      for (const col of this.columns) {
        const value = cellValue(row[col], this.kinds[col], lang);
        if (value !== undefined) item[col] = value;
      }
      list.push(item);
      map.push(i);
    }
    this.map = map;
    return list;
  }

  showResults(rows, map) {
    this.results = new Array(this.rows.length);
    rows.forEach((result, j) => {
      this.results[map[j]] = result;
    });
    this.refreshResults();
  }

  clearResults() {
    this.results = [];
    this.refreshResults();
  }

  /** The row index and column of an engine path `name[3].column` (column null for the row, index for the table). */
  parsePath(path) {
    if (!path.startsWith(this.spec.name)) return null;
    const m = /^(?:\[(\d+)\](?:\.(\w+))?)?$/.exec(path.slice(this.spec.name.length));
    if (!m) return null;
    return { index: m[1] === undefined ? undefined : Number(m[1]),
      col: m[2] && this.columns.includes(m[2]) ? m[2] : null };
  }

  /** Put the engine's errors for name[...] on their cells; the rest is left to the page. */
  setErrors(errors, map) {
    this.errors.clear();
    let tableMessage = "";
    for (const error of errors) {
      const found = this.parsePath(error.field);
      if (!found) continue;
      if (found.index === undefined) {
        tableMessage = tableMessage ? `${tableMessage} ${error.message}` : error.message;
        continue;
      }
      const index = map[found.index];
      if (index === undefined) continue;
      const key = found.col || "row";
      const cell = this.errors.get(index) || {};
      cell[key] = cell[key] ? `${cell[key]} ${error.message}` : error.message;
      this.errors.set(index, cell);
    }
    this.showTableError(tableMessage);
    this.refreshErrors();
  }

  /** A message about the table as a whole, under its toolbar ("" hides it). */
  showTableError(text) {
    this.tableError.textContent = text;
    this.tableError.hidden = !text;
  }

  clearErrors() {
    const had = this.errors.size || !this.tableError.hidden;
    this.errors.clear();
    this.showTableError("");
    if (had) this.refreshErrors();
  }

  /** Where the error of `path` is shown, for the page's error summary. */
  locate(path, map) {
    const found = this.parsePath(path);
    if (!found) return null;
    if (found.index === undefined) {
      return { label: this.t(this.spec.strings.legend), reveal: () => this.tbody.querySelector("input")?.focus() };
    }
    const index = map[found.index];
    if (index === undefined) return null;
    const col = found.col || this.columns[0];
    return { label: this.cellLabel(index, col), reveal: () => this.focusCell(index, col) };
  }

  // -- the page address -------------------------------------------------------------------------------

  saveState(params) {
    for (const line of rowsToState(this.rows, this.spec)) params.append(this.spec.state, line);
  }

  restoreState(params) {
    const rows = rowsFromState(params.getAll(this.spec.state), this.spec);
    this.rows = rows.length ? rows : [this.blank()];
    this.results = [];
    this.errors.clear();
    this.page = 0;
    this.render();
  }
}

/** The self-assessment page's table. */
export class ExperienceTable extends RowTable {
  constructor(calc) {
    super(calc, EXPERIENCES);
  }
}
