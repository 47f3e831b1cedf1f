// Receivables health on the receivables report's page: DSO and its line per month, payment behaviour per customer,
// the bad-debt provision with its insured part; the per-customer detail that holds the columns the table leaves out;
// and horizontal bars whose labels are HTML (outside the SVG), so their text never shrinks with the picture.
//
// Every figure is the engine's (calculators/portfolio_health.py); this module only lays them out. portfolio.js calls
// it from build() (the rate fields), completePayload(), render() and renderTable().

import { h, s } from "./dom.js";
import { formatInputNumber, formatInteger, formatPercent, formatShortDate, INTL_LOCALES } from "./locale.js";

/** The provision matrix's buckets, as the engine names them. */
export const RATE_BUCKETS = ["not_due", "days_1_30", "days_31_60", "days_61_90", "days_over_90"];
const RATE_FIELD = "provision_rates_pct";
/** The line picture's drawing box (the SVG stretches to the width; its text is HTML around it). */
const LINE_W = 1200;
const LINE_H = 300;

/** A figure in days, with one decimal, in the page's language. */
export function formatDays(value, lang) {
  if (value === null || value === undefined) return "–";
  return Number(value).toLocaleString(INTL_LOCALES[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** The value a table column shows for customer `c`: the new columns read into the customer's health parts. */
export function cellValue(c, key) {
  if (key === "provision") return c.provision ? c.provision.amount : null;
  if (key === "score") return c.behaviour ? c.behaviour.score : null;
  return c[key];
}

/** A round upper bound for an axis: 1, 2, 2.5 or 5 times a power of ten, at least `value`. */
export function niceMax(value) {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (value <= step * power) return step * power;
  return 10 * power;
}

/** Runs of consecutive points with a value: [[i, v], ...] per run (a month without DSO breaks the line). */
export function segments(values) {
  const runs = [];
  let run = [];
  values.forEach((v, i) => {
    if (v === null || v === undefined) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push([i, v]);
  });
  if (run.length) runs.push(run);
  return runs;
}

// -- the form: the provision rates ------------------------------------------------------------------------

/** Five optional percentages; all five together make the engine's `provision_rates_pct`. */
export function rateFields(calc) {
  const t = (k, p) => calc.t(k, p);
  return h("fieldset", { class: "calc-group calc-rates", id: "calc-rates" },
    h("legend", {}, t("portfolio.health.rates")),
    h("p", { class: "calc-hint" }, t("portfolio.health.rates_hint")),
    RATE_BUCKETS.map((code) => calc.field(`${RATE_FIELD}.${code}`, "percent", { optional: true,
      label: t(`portfolio.bucket.${code}`) })));
}

/** Move the five rate fields into one object (sent only when at least one is filled: the engine names the rest). */
export function completeRates(payload) {
  const rates = {};
  for (const code of RATE_BUCKETS) {
    const name = `${RATE_FIELD}.${code}`;
    if (payload[name] !== undefined) rates[code] = payload[name];
    delete payload[name];
  }
  if (Object.keys(rates).length) payload[RATE_FIELD] = rates;
}

/** Example rates as typed in the page's language (the guide's example gives them). */
export function exampleRates(example, params, lang) {
  for (const [code, rate] of Object.entries(example[RATE_FIELD] || {})) {
    params.set(`${RATE_FIELD}.${code}`, formatInputNumber(rate, lang));
  }
}

// -- the report ----------------------------------------------------------------------------------------------

/** The headline figures: DSO both ways, the provision and its insured and uninsured parts. */
export function figures(calc, result) {
  const t = (k, p) => calc.t(k, p);
  const totals = result.totals || {};
  const days = (key, label) => ({ key, label, value: result[key] ?? "", shown: formatDays(result[key], calc.lang) });
  const items = [days("dso_days", t("portfolio.health.dso_days")),
    days("dso_countback_days", t("portfolio.health.dso_countback_days"))];
  const list = calc.figureList(items.map((item) => ({ ...item, kind: "text" })), "calc-figure-list calc-health-figures");
  list.querySelectorAll("dd").forEach((dd, i) => { dd.textContent = items[i].shown; });
  const parts = [list];
  if (totals.provision !== undefined) {
    const labels = { provision: t("portfolio.health.provision"), provision_insured: t("portfolio.health.provision_insured"),
      provision_uninsured: t("portfolio.health.provision_uninsured") };
    parts.push(calc.figureList(Object.entries(labels).map(([key, label]) => ({
      key, label, value: totals[key], kind: "money", strong: key === "provision" })),
    "calc-figure-list calc-health-figures"));
    parts.push(h("p", { class: "calc-hint", id: "calc-rates-used", dataset: { source: result.provision_rates_source } },
      t(result.provision_rates_source === "history" ? "portfolio.health.rates_history" : "portfolio.health.rates_given",
        { rates: RATE_BUCKETS.map((code) => `${t(`portfolio.bucket.${code}`)} ${formatPercent(
          result.provision_rates_pct[code], calc.lang)}`).join("; ") })));
  } else {
    parts.push(h("p", { class: "calc-hint", id: "calc-rates-used" }, t("portfolio.health.no_provision")));
  }
  return h("section", { class: "calc-health", "aria-labelledby": "calc-health-title" },
    h("h3", { id: "calc-health-title" }, t("portfolio.health.title")), ...parts);
}

/** DSO at each of the last twelve month ends: a line, its labels in HTML, the figures as a table. */
export function dsoPicture(calc, result) {
  const t = (k, p) => calc.t(k, p);
  const months = result.dso_by_month || [];
  const values = months.map((m) => (m.dso_days === null ? null : Number(m.dso_days)));
  const top = niceMax(Math.max(0, ...values.filter((v) => v !== null)));
  const step = LINE_W / Math.max(1, months.length);
  const x = (i) => (i + 0.5) * step;
  const y = (v) => LINE_H - (v / top) * LINE_H;
  const lines = segments(values).map((run) => {
    const points = run.length === 1
      ? [[x(run[0][0]) - step / 4, y(run[0][1])], [x(run[0][0]) + step / 4, y(run[0][1])]]
      : run.map(([i, v]) => [x(i), y(v)]);
    return s("polyline", { class: "calc-line-path", points: points.map((p) => p.map((n) => n.toFixed(1)).join(","))
      .join(" "), "vector-effect": "non-scaling-stroke" });
  });
  const grid = [0, 0.5, 1].map((f) => s("line", { class: "calc-line-grid", x1: 0, x2: LINE_W, y1: (LINE_H * f)
    .toFixed(1), y2: (LINE_H * f).toFixed(1), "vector-effect": "non-scaling-stroke" }));
  const monthName = (iso) => new Date(`${iso}T00:00:00Z`).toLocaleDateString(INTL_LOCALES[calc.lang],
    { month: "short", timeZone: "UTC" });
  const description = months.map((m) => `${formatShortDate(m.month_end, calc.lang)}: ${formatDays(m.dso_days,
    calc.lang)}`).join("; ");
  const svg = s("svg", { class: "calc-line-svg", viewBox: `0 0 ${LINE_W} ${LINE_H}`, preserveAspectRatio: "none",
    "aria-hidden": "true", focusable: "false" }, grid, lines);
  const chart = h("div", { class: "calc-line", role: "img", "aria-label": `${t("portfolio.health.dso_title")}. ${
    description}` },
  h("div", { class: "calc-line-y", "aria-hidden": "true" },
    [top, top / 2, 0].map((v) => h("span", {}, formatInteger(v, calc.lang)))),
  svg,
  h("div", { class: "calc-line-x", "aria-hidden": "true" }, months.map((m) => h("span", {}, monthName(m.month_end)))));
  const table = h("table", { class: "calc-report-table calc-dso-table" },
    h("caption", {}, t("portfolio.health.dso_table")),
    h("thead", {}, h("tr", {}, [t("portfolio.health.col_month_end"), t("portfolio.health.col_open"),
      t("portfolio.health.col_invoiced"), t("portfolio.health.col_dso_days")].map((label, i) => h("th", { scope: "col",
      class: i ? "calc-num" : "" }, label)))),
    h("tbody", {}, months.map((m) => h("tr", { dataset: { month: m.month_end } },
      h("th", { scope: "row" }, formatShortDate(m.month_end, calc.lang)),
      h("td", { class: "calc-num", dataset: { col: "open", value: m.open } }, calc.money(m.open)),
      h("td", { class: "calc-num", dataset: { col: "invoiced", value: m.invoiced } }, calc.money(m.invoiced)),
      h("td", { class: "calc-num", dataset: { col: "dso_days", value: m.dso_days ?? "" } },
        formatDays(m.dso_days, calc.lang))))));
  return h("figure", { class: "calc-picture calc-dso", "aria-labelledby": "calc-dso-caption" },
    h("figcaption", { id: "calc-dso-caption", class: "calc-caption" }, t("portfolio.health.dso_caption")),
    chart, h("details", {}, h("summary", {}, t("portfolio.picture.figures")),
      h("div", { class: "calc-table-wrap" }, table)));
}

/**
 * Horizontal bars with their labels and values in HTML beside a text-free SVG: [{label, parts: [{value, className,
 * title}], valueText}], on one scale (`max`). `labelledby` names the chart's title and description.
 */
export function barRows(rows, max, labelledby, titles) {
  const scale = Math.max(max, 1e-9);
  return h("div", { class: "calc-hbars", role: "img", "aria-labelledby": labelledby },
    titles,
    rows.map((row) => {
      let at = 0;
      const rects = row.parts.map((part) => {
        const w = (1000 * Math.max(0, part.value)) / scale;
        const rect = part.value > 0 ? s("rect", { x: at.toFixed(1), y: 0, width: Math.max(w, 1).toFixed(1), height: 10,
          class: part.className }, part.title ? s("title", {}, part.title) : null) : null;
        at += w;
        return rect;
      });
      return h("div", { class: "calc-hbar" },
        h("span", { class: "calc-hbar-label", title: row.label }, row.label),
        s("svg", { class: "calc-hbar-track", viewBox: "0 0 1000 10", preserveAspectRatio: "none",
          "aria-hidden": "true", focusable: "false" }, rects),
        h("span", { class: "calc-hbar-value" }, row.valueText ?? ""));
    }));
}

// -- the customer table ----------------------------------------------------------------------------------------

/** How a health column's cell reads. */
export function cellText(calc, key, c) {
  if (key === "provision") return c.provision ? calc.money(c.provision.amount) : "–";
  if (key === "score") return c.behaviour && c.behaviour.score !== null ? formatInteger(c.behaviour.score, calc.lang)
    : "–";
  return null;
}

/** The customer's name with a button that opens its detail row (the figures the table has no column for). */
export function detailToggle(calc, c, tr, detail, span) {
  const id = `calc-detail-${Math.abs(hash(c.customer))}`;
  const button = h("button", { type: "button", class: "calc-detail-toggle", "aria-expanded": "false",
    "aria-controls": id, dataset: { detail: c.customer } }, h("span", { class: "calc-visually-hidden" },
    calc.t("portfolio.health.detail", { customer: c.customer })), h("span", { "aria-hidden": "true" }, "+"));
  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") === "true";
    button.setAttribute("aria-expanded", String(!open));
    button.lastChild.textContent = open ? "+" : "−";
    if (open) {
      tr.nextElementSibling?.classList.contains("calc-detail-row") && tr.nextElementSibling.remove();
      return;
    }
    tr.after(h("tr", { class: "calc-detail-row", id, dataset: { detailOf: c.customer } },
      h("td", { colspan: span }, detailList(calc, c, detail))));
  });
  return button;
}

function detailList(calc, c, detail) {
  const t = (k, p) => calc.t(k, p);
  const b = c.behaviour || {};
  const p = c.provision;
  const item = (key, label, value, shown) => h("div", { class: "calc-detail-item", dataset: { col: key } },
    h("dt", {}, label), h("dd", { dataset: { value: value ?? "" } }, shown));
  const show = (kind, v) => {
    if (v === null || v === undefined) return "–";
    if (kind === "money") return calc.money(v);
    if (kind === "pct") return formatPercent(v, calc.lang);
    if (kind === "date") return formatShortDate(v, calc.lang);
    return String(v);
  };
  const trend = b.trend_days === null || b.trend_days === undefined ? "–"
    : `${Number(b.trend_days) > 0 ? "+" : ""}${formatDays(b.trend_days, calc.lang)}`;
  return h("dl", { class: "calc-detail" },
    detail.map(([key, kind]) => item(key, t(`portfolio.col.${key}`), c[key], show(kind, c[key]))),
    item("days_late", t("portfolio.health.days_late"), b.days_late, formatDays(b.days_late, calc.lang)),
    item("recent_days_late", t("portfolio.health.recent_days_late"), b.recent_days_late,
      formatDays(b.recent_days_late, calc.lang)),
    item("earlier_days_late", t("portfolio.health.earlier_days_late"), b.earlier_days_late,
      formatDays(b.earlier_days_late, calc.lang)),
    item("trend_days", t("portfolio.health.trend_days"), b.trend_days, trend),
    item("paid_count", t("portfolio.health.paid_count"), b.paid_count, formatInteger(b.paid_count || 0, calc.lang)),
    p ? [item("provision_insured", t("portfolio.health.provision_insured"), p.insured, calc.money(p.insured)),
      item("provision_uninsured", t("portfolio.health.provision_uninsured"), p.uninsured, calc.money(p.uninsured))]
      : null,
    RATE_BUCKETS.map((code) => item(`aging.${code}`, t(`portfolio.bucket.${code}`), (c.aging || {})[code],
      calc.money((c.aging || {})[code] || "0"))));
}

function hash(text) {
  let value = 0;
  for (const char of String(text)) value = (value * 31 + char.codePointAt(0)) | 0;
  return value;
}
