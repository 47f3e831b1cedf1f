// The receivables page's pure helpers (docs/assets/calc/portfolio.js): `node --test`.
import assert from "node:assert/strict";
import { test } from "node:test";

import { COLUMNS, EXTRA_COLUMNS, mergedColumns, readable } from "../../docs/assets/calc/portfolio.js";

test("files the engine may read are sent; others are refused by name", () => {
  for (const [name, type] of [["export.csv", "text/csv"], ["123456789FEC20261231.txt", "text/plain"],
    ["F1.xml", "application/xml"], ["e-invoices.zip", "application/zip"], ["statement.XML", ""],
    ["no-extension", ""]]) {
    assert.equal(readable(name, type), true, name);
  }
  assert.equal(readable("scan.pdf", "application/pdf"), false);
  assert.equal(readable("photo.jpg", "image/jpeg"), false);
});

test("an unused column mapped to a field joins the mapping step's choices, which win", () => {
  assert.deepEqual(mergedColumns({ customer: "Relatie" }, { "Nog open": "open_amount", Wie: "customer" }),
    { customer: "Relatie", open_amount: "Nog open" });
  assert.deepEqual(mergedColumns({}, { Notitie: "" }), {});
});

test("every field a column may be mapped to is one the engine knows, once", () => {
  const fields = [...COLUMNS, ...EXTRA_COLUMNS];
  assert.equal(new Set(fields).size, fields.length);
  assert.ok(fields.includes("open_amount") && fields.includes("kind"));
});
