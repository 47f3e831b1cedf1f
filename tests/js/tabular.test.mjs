// CSV files and tables pasted from a spreadsheet (docs/assets/calc/tabular.js): `node --test`.
import assert from "node:assert/strict";
import { test } from "node:test";

import * as table from "../../docs/assets/calc/table.js";
import {
  cellsToRows, COLUMNS, guessSeparator, isHeader, parseCSV, pastedCells, rowsFromState, rowsToState,
} from "../../docs/assets/calc/tabular.js";

test("CSV: quotes, doubled quotes, separators inside quotes, CRLF, blank lines", () => {
  const text = 'amount;note\r\n"1.000,50";"say ""hi""; twice"\r\n\r\n2500;plain\n';
  assert.deepEqual(parseCSV(text), [["amount", "note"], ["1.000,50", 'say "hi"; twice'], ["2500", "plain"]]);
  assert.deepEqual(parseCSV("a,b\n1,2", ","), [["a", "b"], ["1", "2"]]);
  assert.deepEqual(parseCSV("last line without end"), [["last line without end"]]);
  assert.deepEqual(parseCSV(""), []);
  assert.deepEqual(parseCSV(" a ; b \n"), [["a", "b"]]);  // cells are trimmed
});

test("the separator is the most frequent of ; tab , on the first line, outside quotes", () => {
  assert.equal(guessSeparator("a;b;c\n1,5;2;3"), ";");
  assert.equal(guessSeparator("a\tb\tc"), "\t");
  assert.equal(guessSeparator("a,b,c"), ",");
  assert.equal(guessSeparator('"a;b;c",d,e'), ",");
  assert.equal(guessSeparator("single"), ";");
});

test("a header line is recognised in each language and sets the column order", () => {
  const fr = [["Date de facture", "Montant", "Délai", "Payée le"], ["15/01/2026", "14 000,00", "30", "20/02/2026"]];
  assert.ok(isHeader(fr[0], "fr"));
  assert.deepEqual(cellsToRows(fr, "fr"),
    [{ amount: "14 000,00", payment_term_days: "30", invoice_date: "15/01/2026", paid_date: "20/02/2026" }]);
  const nl = [["Bedrag", "Termijn", "Factuurdatum", "Betaald op"], ["1.000", "60", "01-02-2026", "03-04-2026"]];
  assert.deepEqual(cellsToRows(nl, "nl")[0],
    { amount: "1.000", payment_term_days: "60", invoice_date: "01-02-2026", paid_date: "03-04-2026" });
});

test("without a header the documented column order applies; short lines leave cells empty", () => {
  assert.deepEqual(COLUMNS, ["amount", "payment_term_days", "invoice_date", "paid_date"]);
  assert.deepEqual(cellsToRows([["2500", "30"]], "en"),
    [{ amount: "2500", payment_term_days: "30", invoice_date: "", paid_date: "" }]);
  assert.deepEqual(cellsToRows([], "en"), []);
  // A header that does not name all four columns is skipped, and the documented order used.
  assert.deepEqual(cellsToRows([["Amount", "Something"], ["1", "2", "2026-01-01", "2026-02-01"]], "en"),
    [{ amount: "1", payment_term_days: "2", invoice_date: "2026-01-01", paid_date: "2026-02-01" }]);
});

test("a table pasted from a spreadsheet: tabs and lines, header dropped; one value is left to the browser", () => {
  const clip = "Amount\tTerm\tInvoice date\tPaid on\r\n14,000.00\t30\t15/01/2026\t20/02/2026\r\n500\t60\t\t\r\n";
  assert.deepEqual(pastedCells(clip, "en"), [["14,000.00", "30", "15/01/2026", "20/02/2026"], ["500", "60", "", ""]]);
  assert.deepEqual(pastedCells("1.000\t30\n2.000\t60", "nl"), [["1.000", "30"], ["2.000", "60"]]);
  assert.equal(pastedCells("14.000,50", "nl"), null);
  assert.equal(pastedCells("14.000,50\n", "nl"), null);
});

test("the table travels in the URL fragment and comes back the same", () => {
  const rows = [
    { amount: "14.000,50", payment_term_days: "30", invoice_date: "15-01-2026", paid_date: "20-02-2026" },
    { amount: "", payment_term_days: "", invoice_date: "", paid_date: "" },
    { amount: "a\tb", payment_term_days: "60", invoice_date: "", paid_date: "" },
  ];
  const lines = rowsToState(rows);
  assert.equal(lines.length, 2);  // the empty row is left out
  const params = new URLSearchParams();
  for (const line of lines) params.append("r", line);
  const back = rowsFromState(new URLSearchParams(params.toString()).getAll("r"));
  assert.deepEqual(back, [rows[0], { ...rows[2], amount: "a b" }]);  // a tab inside a cell becomes a space
  assert.deepEqual(rowsFromState(["1\t2"]), [{ amount: "1", payment_term_days: "2", invoice_date: "", paid_date: "" }]);
});

test("table.js still offers the parsing functions it always exported", () => {
  assert.equal(table.parseCSV, parseCSV);
  assert.equal(table.cellsToRows, cellsToRows);
  assert.equal(table.guessSeparator, guessSeparator);
  assert.equal(table.COLUMNS, COLUMNS);
});
