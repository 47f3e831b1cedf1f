// A calculator's inputs in the URL fragment (docs/assets/calc/state.js): `node --test`.
import assert from "node:assert/strict";
import { test } from "node:test";

import { decodeState, encodeState } from "../../docs/assets/calc/state.js";

const known = (name) => ["credit_limit", "outstanding", "product", "r"].includes(name);

test("what is typed comes back exactly, whatever characters it holds", () => {
  const typed = [["credit_limit", "14.000,50"], ["outstanding", "€ 2 500 & more = #1?"], ["product", "mkbzeker"],
    ["r", "1\t30\t15/01/2026\t"], ["r", "ünïcödé 💶"]];
  const fragment = `#${encodeState(typed).toString()}`;
  assert.ok(!fragment.slice(1).includes("#") && !fragment.includes(" "), fragment);
  const params = decodeState(fragment, known);
  assert.deepEqual([...params], typed);
});

test("empty fields stay out of the address", () => {
  assert.equal(encodeState([["credit_limit", ""], ["outstanding", "5"], ["product", undefined]]).toString(),
    "outstanding=5");
  assert.equal(encodeState([]).toString(), "");
});

test("a heading anchor or another page's parameters are not calculator state", () => {
  assert.equal(decodeState("#how-it-works", known), null);
  assert.equal(decodeState("", known), null);
  assert.equal(decodeState("#utm_source=mail&x=1", known), null);
  assert.deepEqual([...decodeState("credit_limit=25000&x=1", known)], [["credit_limit", "25000"], ["x", "1"]]);
});
