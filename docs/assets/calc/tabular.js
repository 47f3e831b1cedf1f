// Pasted and imported tables, as plain data: CSV text to rows of cells, cells to table rows, a table in the URL.
//
// No DOM here (table.js draws the tables and re-exports these), so Node's test runner checks them:
// tests/js/tabular.test.mjs. A table is described by a spec: {columns: [{key}], headers: [[key, RegExp]]}
// (table.js adds what drawing needs); the self-assessment's paid invoices are the default spec.

import { parseAmount, parseDate } from "./locale.js";

export const COLUMNS = ["amount", "payment_term_days", "invoice_date", "paid_date"];
/** The self-assessment's columns and the header words that name them in nl, fr and en. */
export const EXPERIENCE_COLUMNS = {
  columns: COLUMNS.map((key) => ({ key })),
  headers: [
    ["invoice_date", /invoice|factuur|factur/i],
    ["payment_term_days", /term|termijn|d[ée]lai/i],
    ["paid_date", /paid|betaal|betaald|pay|pai/i],
    ["amount", /amount|bedrag|montant|som/i],
  ],
};

/** The keys of a spec's columns, in import order. */
export function columnKeys(spec = EXPERIENCE_COLUMNS) {
  return spec.columns.map((col) => col.key);
}

/** An empty table row. */
export function blankRow(spec = EXPERIENCE_COLUMNS) {
  return Object.fromEntries(columnKeys(spec).map((key) => [key, ""]));
}

/** Split CSV text into rows of cells: quotes, doubled quotes, CRLF; `sep` is guessed when not given. */
export function parseCSV(text, sep = guessSeparator(text)) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else {
          quoted = false;
        }
      } else {
        cell += c;
      }
    } else if (c === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (c === sep) {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else {
      cell += c;
    }
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.map((r) => r.map((c) => c.trim())).filter((r) => r.some((c) => c !== ""));
}

/** The separator of the first line: the most frequent of ; tab , outside quotes (ties: ; first). */
export function guessSeparator(text) {
  const end = text.search(/\r|\n/);
  const line = end === -1 ? text : text.slice(0, end);
  const counts = { ";": 0, "\t": 0, ",": 0 };
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c in counts) counts[c] += 1;
  }
  let best = ";";
  for (const sep of ["\t", ","]) if (counts[sep] > counts[best]) best = sep;
  return best;
}

/** Which column holds what: from a header line when it names every column, else the documented order. */
function columnOrder(header, spec) {
  const order = header.map((cell) => {
    const hit = spec.headers.find(([, re]) => re.test(cell));
    return hit ? hit[0] : null;
  });
  return columnKeys(spec).every((col) => order.includes(col)) ? order : columnKeys(spec);
}

/** A line of cells where nothing reads as an amount or a date: a header. */
export function isHeader(cells, lang) {
  return cells.every((cell) => parseAmount(cell, lang) === null && parseDate(cell) === null);
}

/** Rows of cells (from CSV or a spreadsheet) to table rows; a header line is recognised and skipped. */
export function cellsToRows(cells, lang, spec = EXPERIENCE_COLUMNS) {
  if (!cells.length) return [];
  let order = columnKeys(spec);
  let body = cells;
  if (isHeader(cells[0], lang)) {
    order = columnOrder(cells[0], spec);
    body = cells.slice(1);
  }
  return body.map((line) => {
    const row = blankRow(spec);
    order.forEach((col, i) => {
      if (col && line[i] !== undefined) row[col] = line[i];
    });
    return row;
  });
}

/**
 * The cells of text pasted into a table cell: rows split at line ends, cells at tabs (what spreadsheets put
 * on the clipboard), a header line dropped; null for a single value, which the browser pastes as usual.
 */
export function pastedCells(text, lang) {
  const trimmed = text.replace(/(\r?\n)+$/, "");
  if (!/[\t\n]/.test(trimmed)) return null;
  const cells = parseCSV(trimmed, "\t");
  return cells.length && isHeader(cells[0], lang) ? cells.slice(1) : cells;
}

/** The table's non-empty rows for the URL fragment: one value per row, its cells joined by tabs. */
export function rowsToState(rows, spec = EXPERIENCE_COLUMNS) {
  const keys = columnKeys(spec);
  return rows
    .filter((row) => keys.some((col) => row[col]))
    .map((row) => keys.map((col) => row[col].replace(/\t/g, " ")).join("\t"));
}

/** Table rows back from the fragment's values (missing cells empty). */
export function rowsFromState(lines, spec = EXPERIENCE_COLUMNS) {
  const keys = columnKeys(spec);
  return lines.map((line) => {
    const cells = line.split("\t");
    const row = blankRow(spec);
    keys.forEach((col, i) => {
      row[col] = cells[i] ?? "";
    });
    return row;
  });
}
