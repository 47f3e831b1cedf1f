// Numbers and dates as people of each language type and read them.
//
// Typed text is normalised to the engine's canonical form ("14000.50",
// "2026-01-15"); text that cannot be read is returned as null so the caller
// sends it as typed and the engine names the problem. Display uses Intl.

export const INTL_LOCALES = { en: "en-IE", nl: "nl-NL", fr: "fr-FR" };

// Every kind of space a keyboard, a spreadsheet or Intl may put between digit groups.
const SPACES = /[\s\u00a0\u2007\u2009\u202f]/g;
const CURRENCY = /^(€|eur)|(€|eur)$/i;

function groupsOf(text, sep) {
  // "14.000.000" with sep "." -> true: 1-3 digits, then groups of exactly 3.
  const escaped = sep === "." ? "\\." : sep;
  return new RegExp(`^\\d{1,3}(${escaped}\\d{3})+$`).test(text);
}

/**
 * An amount typed in `lang` as the engine's canonical string, "" when empty,
 * or null when it cannot be read.
 * nl "14.000,50", fr "14 000,50", en "14,000.50", and "14000.50" / "14000,50" everywhere.
 */
export function parseAmount(typed, lang) {
  let text = String(typed).replace(SPACES, "");
  text = text.replace(CURRENCY, "").replace(CURRENCY, "");
  if (text === "") return "";
  if (text.startsWith("+")) text = text.slice(1);
  if (/^\d+$/.test(text)) return text;
  const decimalSep = lang === "en" ? "." : ",";
  const dots = (text.match(/\./g) || []).length;
  const commas = (text.match(/,/g) || []).length;
  let whole;
  let fraction = null;
  if (dots && commas) {
    const point = text.lastIndexOf(".") > text.lastIndexOf(",") ? "." : ",";
    const group = point === "." ? "," : ".";
    const at = text.lastIndexOf(point);
    whole = text.slice(0, at);
    fraction = text.slice(at + 1);
    if (!groupsOf(whole, group) && !/^\d+$/.test(whole)) return null;
    whole = whole.split(group).join("");
  } else {
    const sep = dots ? "." : ",";
    const count = dots + commas;
    if (count > 1) {
      if (!groupsOf(text, sep)) return null;
      whole = text.split(sep).join("");
    } else if (sep !== decimalSep && groupsOf(text, sep)) {
      whole = text.split(sep).join("");  // "14.000" in nl, "14,000" in en
    } else {
      [whole, fraction] = text.split(sep);
    }
  }
  if (whole === "" && fraction) whole = "0";
  if (!/^\d+$/.test(whole) || (fraction !== null && !/^\d+$/.test(fraction))) return null;
  return fraction === null ? whole : `${whole}.${fraction}`;
}

/** A percentage: an amount with an optional "%" sign. */
export function parsePercent(typed, lang) {
  return parseAmount(String(typed).replace(SPACES, "").replace(/%$/, ""), lang);
}

/** A whole number as a JSON number, "" when empty, null when it is not one. */
export function parseInteger(typed) {
  const text = String(typed).replace(SPACES, "");
  if (text === "") return "";
  if (/^\+?\d{1,15}$/.test(text)) return Number(text.replace("+", ""));
  return null;
}

/** A date as ISO "YYYY-MM-DD" from YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY or DD.MM.YYYY. */
export function parseDate(typed) {
  const text = String(typed).trim();
  if (text === "") return "";
  const pad = (n) => n.padStart(2, "0");
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (m) return `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (m) return `${m[3]}-${pad(m[2])}-${pad(m[1])}`;
  return null;
}

const cache = new Map();
function formatter(key, make) {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key);
}

/** An engine amount ("14000.00") in euro: nl "€ 14.000,00", fr "14 000,00 €", en "€14,000.00". */
export function formatMoney(amount, lang) {
  const f = formatter(`money:${lang}`, () => new Intl.NumberFormat(INTL_LOCALES[lang],
    { style: "currency", currency: "EUR", minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  return f.format(Number(amount));
}

/** A number the way a person of `lang` types it in a field (no currency, no forced cents). */
export function formatInputNumber(value, lang) {
  const f = formatter(`input:${lang}`, () => new Intl.NumberFormat(INTL_LOCALES[lang],
    { maximumFractionDigits: 4, useGrouping: true }));
  return f.format(Number(value));
}

export function formatPercent(value, lang) {
  const f = formatter(`pct:${lang}`, () => new Intl.NumberFormat(INTL_LOCALES[lang],
    { style: "percent", maximumFractionDigits: 4 }));
  return f.format(Number(value) / 100);
}

export function formatInteger(value, lang) {
  const f = formatter(`int:${lang}`, () => new Intl.NumberFormat(INTL_LOCALES[lang]));
  return f.format(value);
}

function utc(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** An ISO date in words: "15 January 2026", "15 januari 2026", "15 janvier 2026". */
export function formatDate(iso, lang) {
  const f = formatter(`date:${lang}`, () => new Intl.DateTimeFormat(INTL_LOCALES[lang],
    { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }));
  return f.format(utc(iso));
}

/** An ISO date in short form, for tables and drawings: "15-01-2026", "15/01/2026". */
export function formatShortDate(iso, lang) {
  const f = formatter(`sdate:${lang}`, () => new Intl.DateTimeFormat(INTL_LOCALES[lang],
    { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }));
  return f.format(utc(iso));
}

/** A date as a person of `lang` types it into a field (used to prefill). */
export function formatInputDate(iso, lang) {
  const [y, m, d] = iso.split("-");
  return lang === "nl" ? `${d}-${m}-${y}` : `${d}/${m}/${y}`;
}

/** Today's date in the reader's time zone, as ISO. */
export function todayISO() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Fill "{name}" placeholders of a UI string. */
export function fill(template, params = {}) {
  return template.replace(/\{(\w+)\}/g, (all, name) => (name in params ? String(params[name]) : all));
}
