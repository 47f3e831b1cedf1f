// The letter sheet's pure parts (docs/assets/calc/letter-sheet.js): what goes into the payload, the file name,
// and the sender's details kept on this device only on request: `node --test`.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  STORAGE_KEY, fileName, forgetSender, loadSender, party, saveSender, windowFor,
} from "../../docs/assets/calc/letter-sheet.js";

/** localStorage's interface over a Map; `refuse`: a browser that keeps nothing (a private window, a full disk). */
function fakeStorage({ refuse = false } = {}) {
  const items = new Map();
  return {
    items,
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => {
      if (refuse) throw new Error("QuotaExceededError");
      items.set(key, String(value));
    },
    removeItem: (key) => items.delete(key),
  };
}

test("only the details given go into the payload, trimmed", () => {
  const values = { address: "  Molenstraat 12\n1234 AB Utrecht \n", iban: " ", email: "a@b.nl", other: "x" };
  assert.deepEqual(party(values, ["address", "iban", "email", "phone"]),
    { address: "Molenstraat 12\n1234 AB Utrecht", email: "a@b.nl" });
  assert.deepEqual(party({}, ["address"]), {});
});

test("the file name says the letter's kind and date, in safe characters only", () => {
  assert.equal(fileName({ kind: "formal_notice", date: "2026-03-31" }), "letter-formal-notice-2026-03-31.html");
  assert.equal(fileName({ kind: "../<x>", date: "" }), "letter-x.html");
  assert.equal(fileName(null), "letter.html");
});

test("the sender's details are kept, read back and forgotten", () => {
  const storage = fakeStorage();
  assert.equal(loadSender(storage), null);
  assert.equal(saveSender(storage, { name: "Bakkerij", iban: "NL91" }), true);
  assert.deepEqual(loadSender(storage), { name: "Bakkerij", iban: "NL91" });
  forgetSender(storage);
  assert.equal(storage.items.has(STORAGE_KEY), false);
  assert.equal(loadSender(storage), null);
});

test("a storage that refuses or holds junk never breaks the page", () => {
  const refusing = fakeStorage({ refuse: true });
  assert.equal(saveSender(refusing, { name: "x" }), false);
  const junk = fakeStorage();
  for (const text of ["{not json", "[1,2]", "42", "null"]) {
    junk.items.set(STORAGE_KEY, text);
    assert.equal(loadSender(junk), null, text);
  }
  assert.equal(loadSender(null), null);
  assert.doesNotThrow(() => forgetSender(null));
});

test("the envelope's window is the one chosen, else the one of the claim's country", () => {
  assert.equal(windowFor("", "FR"), "right");
  assert.equal(windowFor("", "NL"), "left");
  assert.equal(windowFor("", undefined), "left");
  assert.equal(windowFor("left", "FR"), "left");
  assert.equal(windowFor("right", "BE"), "right");
});
