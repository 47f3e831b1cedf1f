// The editable table of payment experiences: paged display over a plain array, paste and CSV import.
//
// The rows live in `this.rows` (the text as typed or imported, never reformatted);
// only one page of rows is in the DOM, built in a DocumentFragment, so 10,000
// imported rows cost no more to show than fifty.

import { h } from "./dom.js";
import { formatInteger, formatShortDate, parseAmount, parseDate } from "./locale.js";
import { blankRow, cellsToRows, COLUMNS, parseCSV, pastedCells, rowsFromState, rowsToState } from "./tabular.js";

export { cellsToRows, COLUMNS, guessSeparator, parseCSV } from "./tabular.js";
const PAGE_SIZE = 50;
const BLANK = blankRow;

export class ExperienceTable {
  constructor(calc) {
    this.calc = calc;
    this.rows = [BLANK()];
    this.page = 0;
    this.results = [];     // per row index: the engine's assessment, or undefined
    this.errors = new Map();  // row index -> {column or "row": message}
    this.map = [];         // payload index -> row index, for the request in flight
    this.undo = null;
  }

  t(key, params) {
    return this.calc.t(key, params);
  }

  // -- building ------------------------------------------------------------------------------------

  build() {
    const t = (k, p) => this.t(k, p);
    this.tbody = h("tbody", {});
    this.tbody.addEventListener("input", (event) => this.typed(event));
    this.tbody.addEventListener("paste", (event) => this.paste(event));
    this.tbody.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-remove]");
      if (button) this.remove(Number(button.dataset.remove));
    });
    this.message = h("p", { class: "calc-table-message", "aria-live": "polite" });
    this.tableError = h("p", { class: "calc-field-error", id: "calc-e-experiences", hidden: true });
    this.file = h("input", { type: "file", id: "calc-import", accept: ".csv,.txt,text/csv,text/plain",
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
      COLUMNS.map((col) => h("th", { scope: "col", id: `calc-col-${col}` }, t(`table.col.${col}`))),
      h("th", { scope: "col" }, t("table.col.due_date")),
      h("th", { scope: "col" }, t("table.col.days_late")),
      h("th", { scope: "col" }, t("table.col.status")),
      h("th", { scope: "col" }, h("span", { class: "calc-visually-hidden" }, t("table.col.actions"))));
    this.table = h("table", { class: "calc-table", "aria-describedby": "calc-table-hint" },
      h("caption", {}, t("table.caption")), h("thead", {}, head), this.tbody);
    this.element = h("fieldset", { class: "calc-group calc-experiences", dataset: { field: "experiences" } },
      h("legend", {}, t("table.legend")),
      h("p", { class: "calc-hint", id: "calc-table-hint" }, t("table.hint")),
      h("div", { class: "calc-toolbar" },
        h("button", { type: "button", class: "md-button calc-small", onclick: () => this.add() }, t("table.add")),
        h("label", { for: "calc-import", class: "md-button calc-small calc-file-label" }, t("table.import")),
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
    for (const col of COLUMNS) {
      const input = h("input", { type: "text", id: `calc-cell-${i}-${col}`, value: row[col], autocomplete: "off",
        spellcheck: "false", class: `calc-input calc-cell calc-${col}`, dataset: { col, index: i },
        inputmode: col === "amount" ? "decimal" : col === "payment_term_days" ? "numeric" : undefined,
        placeholder: col.endsWith("date") ? this.t("placeholder.date") : undefined,
        "aria-label": this.t("table.cell_label", { row: n, column: this.t(`table.col.${col}`) }) });
      tr.append(h("td", {}, input));
    }
    tr.append(h("td", { class: "calc-due" }), h("td", { class: "calc-late" }),
      h("td", { class: "calc-why" }, h("span", { class: "calc-why-text" })),
      h("td", {}, h("button", { type: "button", class: "calc-remove", dataset: { remove: i },
        "aria-label": this.t("table.remove_row", { row: n }), title: this.t("table.remove_row", { row: n }) },
      "✕")));
    this.fillErrors(tr, i);
    this.fillResult(tr, i);
    return tr;
  }

  /**
   * The errors of row `i` on its cells, in place: answers arrive while the reader types, so the cells (their focus,
   * their caret, what is typed in them) are never rebuilt for an answer.
   */
  fillErrors(tr, i) {
    const errors = this.errors.get(i) || {};
    for (const col of COLUMNS) {
      const input = tr.querySelector(`input[data-col="${col}"]`);
      const errorId = `calc-cell-e-${i}-${col}`;
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
    const why = tr.querySelector(".calc-why");
    let rowError = why.querySelector(".calc-cell-error");
    if (errors.row) {
      if (!rowError) {
        rowError = h("span", { class: "calc-field-error calc-cell-error" });
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
    const result = this.results[i];
    const [due, late, why] = [tr.querySelector(".calc-due"), tr.querySelector(".calc-late"),
      tr.querySelector(".calc-why-text")];
    if (!result) {
      due.textContent = "";
      late.textContent = "";
      why.textContent = "";
      tr.removeAttribute("data-counted");
      return;
    }
    due.textContent = formatShortDate(result.due_date, this.calc.lang);
    due.dataset.value = result.due_date;
    late.textContent = String(result.days_late);
    late.dataset.value = String(result.days_late);
    const reasons = result.reasons.map((code) => this.t(`reason.${code}`)).join("; ");
    why.replaceChildren(result.counted
      ? h("span", { class: "calc-counts" }, h("span", { "aria-hidden": "true" }, "✓ "), this.t("reason.counted"))
      : h("span", { class: "calc-not-counted" }, h("span", { "aria-hidden": "true" }, "✗ "),
        this.t("table.not_counted", { reasons })));
    why.dataset.reason = result.reason;
    tr.dataset.counted = String(result.counted);
  }

  refreshResults() {
    for (const tr of this.tbody.rows) this.fillResult(tr, Number(tr.dataset.index));
  }

  // -- editing -------------------------------------------------------------------------------------------

  typed(event) {
    const input = event.target;
    if (!input.dataset || input.dataset.col === undefined) return;
    this.rows[Number(input.dataset.index)][input.dataset.col] = input.value;
  }

  add() {
    this.rows.push(BLANK());
    this.page = this.pages - 1;
    this.render();
    const last = this.rows.length - 1;
    document.getElementById(`calc-cell-${last}-amount`).focus();
  }

  remove(i) {
    this.rows.splice(i, 1);
    this.results.splice(i, 1);
    if (!this.rows.length) this.rows.push(BLANK());
    this.errors.clear();
    this.render();
    const focus = document.getElementById(`calc-cell-${Math.min(i, this.rows.length - 1)}-amount`);
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
    const startCol = COLUMNS.indexOf(input.dataset.col);
    cells.forEach((line, r) => {
      const index = startRow + r;
      while (this.rows.length <= index) this.rows.push(BLANK());
      line.forEach((value, c) => {
        const col = COLUMNS[startCol + c];
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
    const rows = cellsToRows(parseCSV(text), this.calc.lang);
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

  /** The experiences to send (blank rows left out) and which table row each one is. */
  payload() {
    const lang = this.calc.lang;
    const list = [];
    const map = [];
    for (let i = 0; i < this.rows.length; i += 1) {
      const row = this.rows[i];
      if (!row.amount && !row.payment_term_days && !row.invoice_date && !row.paid_date) continue;
      const item = {};
      if (row.amount.trim() !== "") {
        const v = parseAmount(row.amount, lang);
        item.amount = v === null ? row.amount : v;
      }
      if (row.payment_term_days.trim() !== "") {
        const text = row.payment_term_days.trim();
        item.payment_term_days = /^\d{1,15}$/.test(text) ? Number(text) : row.payment_term_days;
      }
      for (const col of ["invoice_date", "paid_date"]) {
        if (row[col].trim() !== "") {
          const v = parseDate(row[col]);
          item[col] = v === null ? row[col] : v;
        }
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

  /** Put the engine's errors for experiences[...] on their cells; the rest is left to the page. */
  setErrors(errors, map) {
    this.errors.clear();
    let tableMessage = "";
    for (const error of errors) {
      const m = /^experiences(?:\[(\d+)\](?:\.(\w+))?)?$/.exec(error.field);
      if (!m) continue;
      if (m[1] === undefined) {
        tableMessage = tableMessage ? `${tableMessage} ${error.message}` : error.message;
        continue;
      }
      const index = map[Number(m[1])];
      if (index === undefined) continue;
      const key = m[2] && COLUMNS.includes(m[2]) ? m[2] : "row";
      const cell = this.errors.get(index) || {};
      cell[key] = cell[key] ? `${cell[key]} ${error.message}` : error.message;
      this.errors.set(index, cell);
    }
    this.tableError.textContent = tableMessage;
    this.tableError.hidden = !tableMessage;
    this.refreshErrors();
  }

  clearErrors() {
    const had = this.errors.size || !this.tableError.hidden;
    this.errors.clear();
    this.tableError.textContent = "";
    this.tableError.hidden = true;
    if (had) this.refreshErrors();
  }

  /** Where the error of `path` is shown, for the page's error summary. */
  locate(path, map) {
    const m = /^experiences(?:\[(\d+)\](?:\.(\w+))?)?$/.exec(path);
    if (!m) return null;
    if (m[1] === undefined) {
      return { label: this.t("table.legend"), reveal: () => this.tbody.querySelector("input")?.focus() };
    }
    const index = map[Number(m[1])];
    if (index === undefined) return null;
    const col = m[2] && COLUMNS.includes(m[2]) ? m[2] : "amount";
    const label = this.t("table.cell_label", { row: index + 1, column: this.t(`table.col.${col}`) });
    return {
      label,
      reveal: () => {
        const page = Math.floor(index / PAGE_SIZE);
        if (page !== this.page) this.go(page);
        document.getElementById(`calc-cell-${index}-${col}`)?.focus();
      },
    };
  }

  // -- the page address -------------------------------------------------------------------------------

  saveState(params) {
    for (const line of rowsToState(this.rows)) params.append("r", line);
  }

  restoreState(params) {
    const rows = rowsFromState(params.getAll("r"));
    this.rows = rows.length ? rows : [BLANK()];
    this.results = [];
    this.errors.clear();
    this.page = 0;
    this.render();
  }
}
