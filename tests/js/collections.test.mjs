// The collections page's pure helpers (docs/assets/calc/collections.js): `node --test`.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

import { crc32, icsCalendar, letterFileName, parseCustomers, parseRates, todoCsv, zipStored }
  from "../../docs/assets/calc/collections.js";

const label = (key) => key.split(".").pop();

test("the CRC-32 is the zip format's (the standard check value of 123456789)", () => {
  assert.equal(crc32(new TextEncoder().encode("123456789")), 0xcbf43926);
  assert.equal(crc32(new Uint8Array()), 0);
});

test("a zip of letters opens with another zip reader, names and contents intact", () => {
  const files = [{ name: "Café De Hoek.txt", text: "Geachte heer,\n€ 1.210,00\n" },
    { name: "Boulangerie Dubois.txt", text: "Madame, Monsieur,\n" }];
  const folder = mkdtempSync(join(tmpdir(), "zip-"));
  const path = join(folder, "letters.zip");
  writeFileSync(path, zipStored(files, new Date(2025, 11, 31, 10, 30)));
  const script = "import sys, zipfile, json; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; "
    + "print(json.dumps([[i.filename, z.read(i).decode(), i.date_time[:5]] for i in z.infolist()]))";
  const listed = JSON.parse(execFileSync("python3", ["-c", script, path], { encoding: "utf8" }));
  assert.deepEqual(listed, files.map((f) => [f.name, f.text, [2025, 12, 31, 10, 30]]));
});

test("file names keep letters and accents, replace what a file system refuses and never repeat", () => {
  const taken = new Set();
  assert.equal(letterFileName("Café De Hoek/Zuid", taken), "Café De Hoek-Zuid.txt");
  assert.equal(letterFileName("Acme: B.V.?", taken), "Acme- B.V.-.txt");
  assert.equal(letterFileName("ACME- B.V.-", taken), "ACME- B.V.- (2).txt");
  assert.equal(letterFileName("../..", taken), "customer.txt");
});

test("customers' details are read per line, the address split at slashes", () => {
  const { customers, lines } = parseCustomers("Acme; be; Consumer; FR; Mme X; Rue 1 / 1000 Bruxelles; 2025-11-01\n\n"
    + "Beta\tNL");
  assert.deepEqual(customers, [{ customer: "Acme", country: "BE", debtor: "consumer", language: "fr", name: "Mme X",
    address: "Rue 1\n1000 Bruxelles", notice_date: "2025-11-01" }, { customer: "Beta", country: "NL" }]);
  assert.deepEqual(lines, [1, 3]);
});

test("the to-do CSV uses the page language's separator and decimal mark and quotes what needs it", () => {
  const todo = [{ urgency: "passed", customer: "Smit; Zn", amount: "1210.50", action: "hand_over", date: "2025-12-31" }];
  assert.equal(todoCsv(todo, "nl", label), 'urgency;customer;amount;action;date\r\npassed;"Smit; Zn";1210,50;hand_over;'
    + "2025-12-31\r\n");
  assert.equal(todoCsv(todo, "en", label).split("\r\n")[1], "passed,Smit; Zn,1210.50,hand_over,2025-12-31");
});

test("the calendar has one all-day event per dated stage, escaped and folded", () => {
  const customers = [{ customer: "Dubois, Fils & Cie; Bruxelles", stages: [
    { code: "reminder", date: "2025-12-31" }, { code: "notify_insurer", date: null }] }];
  const text = icsCalendar(customers, label, "20251231T000000Z");
  assert.ok(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && text.endsWith("END:VCALENDAR\r\n"));
  assert.equal(text.match(/BEGIN:VEVENT/g).length, 1);
  assert.match(text, /DTSTART;VALUE=DATE:20251231\r\nDTEND;VALUE=DATE:20260101\r\n/);
  assert.match(text, /SUMMARY:reminder: Dubois\\, Fils & Cie\\; Bruxelles/);
  assert.ok(text.split("\r\n").every((line) => line.length <= 75));
});

test("rates the tables lack are read one half-year per line, decimal comma or point", () => {
  assert.deepEqual(parseRates("2026-07-01; 10,15\n2026-01-01 9.5 %\n\nwrong"), [
    { from: "2026-07-01", rate_pct: "10.15" }, { from: "2026-01-01", rate_pct: "9.5" }, { from: "wrong", rate_pct: "" }]);
});
