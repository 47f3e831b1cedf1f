// A calculator page: the form (usable at once), the engine in a Web Worker, the result, the page address.
//
// The template (docs/overrides/calculator.html) renders <div id="calc"> with the
// calculator's name, the engine's URLs and the page's rule figures and example;
// this module builds the form from strings.json without waiting for Pyodide,
// starts the worker at once and computes as soon as it is ready. Inputs live
// in the URL fragment, which never reaches a server.
//
// The build pre-renders each page's example (site_build/prerender.py runs this
// module in Node): the page's HTML holds its markup, shown at first paint and
// without JavaScript, and `data-prerender` holds the engine's answer
// ({payload, answer}). This module shows that answer again while the form holds
// that very payload (`data-prerendered` meanwhile), and the engine takes over
// on the first edit; other inputs (a shared address) show "computing…" until
// the engine answers them.

import { Engine } from "./engine.js";
import { clear, debounce, h } from "./dom.js";
import * as L from "./locale.js";
import { decodeState, encodeState } from "./state.js";

export const MODULES = {
  self_assessment_limit: () => import("./self-assessment.js"),
  payout: () => import("./payout.js"),
  eligibility: () => import("./eligibility.js"),
  claim_timeline: () => import("./claim-timeline.js"),
  late_payment: () => import("./late-payment.js"),
  portfolio: () => import("./portfolio.js"),
  insurance_value: () => import("./insurance-value.js"),
  collections: () => import("./collections.js"),  // collections: the run over the whole ledger
};
const HASH_WRITE_MS = 300;
/** How long the runtime's warm-up waits for the service worker to control the page (warmRuntime). */
const WARM_WAIT_MS = 5000;

export class Calculator {
  constructor(root, strings, config, module) {
    this.root = root;
    this.config = config;
    this.lang = config.lang;
    this.strings = strings;
    this.module = module;
    this.name = config.calculator;
    this.fields = new Map();
    this.errorTargets = [];
    this.requested = 0;
    this.answered = 0;
    this.firstResult = null;
    this.lastHash = null;
    this.writeHashSoon = debounce((state) => this.writeHash(state), HASH_WRITE_MS);
  }

  /** The UI string `key` in the page's language, placeholders filled. */
  t(key, params) {
    // A page loads its own language's table (strings.<lang>.json, English where it lacks a key); the build's
    // pre-rendering passes the full strings.json.
    const table = this.strings[this.lang] || this.strings.en || {};
    const text = table[key] ?? this.strings.en?.[key];
    if (text === undefined) {
      console.warn(`calculator string missing: ${key}`);
      return key;
    }
    return L.fill(text, params);
  }

  // -- the page's skeleton ---------------------------------------------------------------

  build() {
    const t = (k, p) => this.t(k, p);
    this.form = h("form", { class: "calc-form", novalidate: true, autocomplete: "off",
      "aria-labelledby": "calc-form-title" });
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.compute();
    });
    // Text fields report each keystroke as "input"; "change" (on leaving the field) would only repeat it.
    // Radios and selects fire both; a file choice is the table's business (it recomputes after reading).
    this.form.addEventListener("input", (event) => {
      if (event.target.type !== "file") this.edited(event);
    });
    this.form.addEventListener("change", (event) => {
      if (event.target.type !== "text" && event.target.type !== "file") this.edited(event);
    });

    this.status = h("div", { class: "calc-status", role: "status" });
    this.errorSummary = h("div", { class: "calc-error-summary", hidden: true, tabindex: "-1" });
    this.summary = h("p", { class: "calc-summary", "aria-live": "polite", "aria-atomic": "true" },
      t("result.waiting"));
    this.figures = h("div", { class: "calc-figures" });
    this.explanationList = h("ol", { class: "calc-explanation" });
    this.explanation = h("section", { class: "calc-explanation-section", hidden: true,
      "aria-labelledby": "calc-explanation-title" },
    h("h3", { id: "calc-explanation-title" }, t("explanation.title")), this.explanationList);
    this.result = h("section", { class: "calc-result", "aria-labelledby": "calc-result-title" },
      h("h2", { id: "calc-result-title" }, t("result.title")),
      this.errorSummary, this.summary, this.figures, this.explanation);
    const keep = h("div", { class: "calc-keep" },
      h("p", {}, t(this.module.keepKey || "keep.fragment")),
      h("p", { class: "calc-actions" },
        h("button", { type: "button", class: "md-button", onclick: () => window.print() }, t("action.print")),
        h("button", { type: "button", class: "md-button", onclick: () => this.reset() }, t("action.clear")),
        h("button", { type: "button", class: "md-button", onclick: () => this.restoreExample() },
          t("action.example"))));

    clear(this.root).append(
      h("h2", { id: "calc-form-title", class: "calc-form-title" }, t("form.title")),
      this.status, this.form, this.result, keep);
    this.module.build(this);
    this.root.dataset.engine = "loading";
    this.root.dataset.settled = "false";
  }

  // -- fields -------------------------------------------------------------------------------

  id(name, part = "f") {
    return `calc-${part}-${name.replace(/[^\w-]/g, "_")}`;
  }

  /** A labelled text field: kind is "amount" | "percent" | "integer" | "date" | "text". */
  field(name, kind, { label, hint, optional = false, placeholder } = {}) {
    const id = this.id(name);
    const inputmode = { amount: "decimal", percent: "decimal", integer: "numeric" }[kind];
    const input = h("input", { id, name, type: "text", inputmode, autocomplete: "off", spellcheck: "false",
      placeholder: placeholder ?? this.placeholder(kind), class: `calc-input calc-${kind}` });
    const hintEl = hint ? h("p", { class: "calc-hint", id: this.id(name, "h") }, hint) : null;
    const error = h("p", { class: "calc-field-error", id: this.id(name, "e"), hidden: true });
    const wrapper = h("div", { class: `calc-field calc-field-${kind}`, dataset: { field: name } },
      h("label", { for: id }, label ?? this.t(`field.${name}`),
        optional ? h("span", { class: "calc-optional" }, ` ${this.t("field.optional")}`) : null),
      input, hintEl, error);
    this.register({ name, kind, wrapper, inputs: [input], focus: input, error, hint: hintEl,
      get: () => input.value, set: (value) => { input.value = value ?? ""; } });
    return wrapper;
  }

  placeholder(kind) {
    if (kind === "date") return this.t("placeholder.date");
    return undefined;
  }

  /** A yes/no question as a radio group in its own fieldset. */
  yesNo(name, { legend } = {}) {
    const inputs = ["yes", "no"].map((value) => h("input", { type: "radio", name, value,
      id: this.id(`${name}-${value}`) }));
    const error = h("p", { class: "calc-field-error", id: this.id(name, "e"), hidden: true });
    const wrapper = h("fieldset", { class: "calc-field calc-yesno", dataset: { field: name } },
      h("legend", {}, legend ?? this.t(`field.${name}`)),
      h("div", { class: "calc-choices" }, inputs.map((input, i) => h("label", { for: input.id }, input,
        ` ${this.t(i === 0 ? "answer.yes" : "answer.no")}`))),
      error);
    this.register({ name, kind: "yesno", wrapper, inputs, focus: inputs[0], error,
      get: () => (inputs.find((i) => i.checked) || {}).value || "",
      set: (value) => inputs.forEach((i) => { i.checked = i.value === value; }) });
    return wrapper;
  }

  /** A group of radio buttons with labelled choices. */
  radios(name, choices, { legend } = {}) {
    const inputs = choices.map(({ value }) => h("input", { type: "radio", name, value,
      id: this.id(`${name}-${value}`) }));
    const error = h("p", { class: "calc-field-error", id: this.id(name, "e"), hidden: true });
    const wrapper = h("fieldset", { class: "calc-field calc-radios", dataset: { field: name } },
      h("legend", {}, legend ?? this.t(`field.${name}`)),
      h("div", { class: "calc-choices" }, inputs.map((input, i) => h("label", { for: input.id }, input,
        ` ${choices[i].label}`))),
      error);
    this.register({ name, kind: "choice", wrapper, inputs, focus: inputs[0], error,
      get: () => (inputs.find((i) => i.checked) || {}).value || "",
      set: (value) => inputs.forEach((i) => { i.checked = i.value === value; }) });
    return wrapper;
  }

  /** A select; `groups` is [{label, options: [{value, label}]}] (label null: no optgroup). */
  select(name, groups, { label, optional = false, hint } = {}) {
    const id = this.id(name);
    const input = h("select", { id, name, class: "calc-input calc-select" },
      groups.flatMap((group) => {  // flat: options without a group are the select's own children
        const options = group.options.map((o) => h("option", { value: o.value }, o.label));
        return group.label ? h("optgroup", { label: group.label }, options) : options;
      }));
    const hintEl = hint ? h("p", { class: "calc-hint", id: this.id(name, "h") }, hint) : null;
    const error = h("p", { class: "calc-field-error", id: this.id(name, "e"), hidden: true });
    const wrapper = h("div", { class: "calc-field calc-field-select", dataset: { field: name } },
      h("label", { for: id }, label ?? this.t(`field.${name}`),
        optional ? h("span", { class: "calc-optional" }, ` ${this.t("field.optional")}`) : null),
      input, hintEl, error);
    this.register({ name, kind: "select", wrapper, inputs: [input], focus: input, error, hint: hintEl,
      get: () => input.value, set: (value) => { input.value = value ?? ""; } });
    return wrapper;
  }

  register(field) {
    this.fields.set(field.name, field);
    this.describe(field);
  }

  describe(field) {
    const ids = [field.hint && field.hint.id, !field.error.hidden && field.error.id].filter(Boolean);
    for (const input of field.inputs) {
      if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
      else input.removeAttribute("aria-describedby");
    }
  }

  /** The value to send for a field: canonical when readable, as typed when not, undefined when empty. */
  value(name) {
    const field = this.fields.get(name);
    const raw = field.get();
    let value;
    switch (field.kind) {
      case "amount": value = L.parseAmount(raw, this.lang); break;
      case "percent": value = L.parsePercent(raw, this.lang); break;
      case "integer": value = L.parseInteger(raw); break;
      case "date": value = L.parseDate(raw); break;
      case "yesno": return raw === "" ? undefined : raw === "yes";
      default: value = raw;
    }
    if (value === "") return undefined;
    return value === null ? raw : value;
  }

  // -- state: the URL fragment ---------------------------------------------------------------

  state() {
    const params = encodeState([...this.fields].map(([name, field]) => [name, field.get()]));
    if (this.module.saveState) this.module.saveState(this, params);
    return params.toString();
  }

  writeHash(state = this.state()) {
    const hash = state ? `#${state}` : "";
    if (hash === this.lastHash) return;
    this.lastHash = hash;
    const url = `${location.pathname}${location.search}${hash}`;
    try {
      history.replaceState(history.state, "", url || location.pathname);
    } catch (error) {
      // A table too large for an address: keep working, the page just cannot be shared by link.
      this.root.dataset.hashError = String(error);
    }
  }

  /** Restore the fields from the fragment; false when it holds no calculator state (e.g. a heading anchor). */
  restoreHash() {
    const params = decodeState(location.hash,
      (k) => this.fields.has(k) || (this.module.stateKeys || []).includes(k));
    if (!params) return false;
    this.fill(params);
    this.lastHash = location.hash;
    return true;
  }

  fill(params) {
    for (const [name, field] of this.fields) field.set(params.get(name) ?? "");
    if (this.module.restoreState) this.module.restoreState(this, params);
  }

  restoreExample() {
    this.fill(this.module.exampleState(this));
    this.edited(null, true);
  }

  reset() {
    this.fill(new URLSearchParams());
    this.clearErrors();
    this.edited(null, true);
  }

  // -- computing --------------------------------------------------------------------------------

  /**
   * The form changed: compute at once when the engine is idle; while a request is in flight, only remember
   * it (the answer's arrival sends the form as it is then, so fast typing costs one request per answer).
   * Loading: the "ready" status computes. What the reader types is never rewritten. `now`: an action that is not
   * typing (import, paste, example, reset...) is sent at once, overtaking any request in flight.
   */
  edited(event, now = false) {
    if (this.prerendered) this.showComputing();  // the example's answer is no longer the form's
    this.dirty = true;  // until compute() has sent it, no answer is the answer to this edit
    this.touched = true;  // from now on the address follows the form (the untouched example stays out of it)
    this.root.dataset.settled = "false";
    if (now || this.engine.state === "failed" || !this.engine.busy) this.compute();
  }

  payload() {
    const payload = { lang: this.lang };
    for (const name of this.fields.keys()) {
      if (this.module.skipField && this.module.skipField(name)) continue;
      const value = this.value(name);
      if (value !== undefined) payload[name] = value;
    }
    if (this.module.completePayload) this.module.completePayload(this, payload);
    return payload;
  }

  compute() {
    this.dirty = false;
    const payload = this.payload();
    if (this.touched) this.writeHashSoon();  // the address is built when written: 10,000 rows cost a few ms
    this.root.dataset.settled = "false";
    const info = this.module.requestInfo ? this.module.requestInfo(this) : {};
    this.requested = this.engine.submit(this.name, payload, info);
    this.root.dataset.requested = String(this.requested);
    this.result.setAttribute("aria-busy", "true");
  }

  /** The build's answer to the page's example, shown when the form holds exactly that example; true if shown. */
  showPrerendered(prerendered) {
    if (!prerendered || JSON.stringify(this.payload()) !== JSON.stringify(prerendered.payload)) return false;
    const info = this.module.requestInfo ? this.module.requestInfo(this) : {};
    const request = { ...info, id: 0, name: this.name, payload: prerendered.payload, prerendered: true };
    this.answer(prerendered.answer, request);
    this.root.dataset.requested = "0";
    return true;
  }

  /** The form holds inputs the engine has not answered yet: no result is shown as theirs meanwhile. */
  showComputing() {
    this.prerendered = false;
    delete this.root.dataset.prerendered;
    delete this.root.dataset.outcome;
    this.clearErrors();
    this.clearResult();
    this.summary.textContent = this.t(this.engine.state === "failed" ? "result.unavailable" : "result.computing");
  }

  answer(answer, request) {
    this.prerendered = Boolean(request.prerendered);
    if (this.prerendered) this.root.dataset.prerendered = "shown";
    else delete this.root.dataset.prerendered;
    this.answered = request.id;
    this.result.removeAttribute("aria-busy");
    this.lastAnswer = answer;
    if (answer.crash) {
      this.clearErrors();
      this.clearResult();
      this.summary.textContent = this.t("result.crash");
    } else if (answer.errors) {
      this.clearResult();
      this.showErrors(answer.errors, request);
    } else {
      this.clearErrors();
      this.explanation.hidden = false;
      this.module.render(this, answer, request);
    }
    if (this.firstResult === null && !this.prerendered) {
      this.firstResult = performance.now();
      this.root.dataset.firstResultMs = String(Math.round(this.firstResult));
      performance.mark("calc-first-result");
      this.offerOffline();
    }
    this.root.dataset.answered = String(request.id);
    this.root.dataset.settled = String(request.id === this.requested && !this.dirty);
    this.root.dataset.outcome = answer.errors ? "errors" : answer.crash ? "crash" : "result";
    if (this.dirty && !this.engine.busy) this.compute();  // edits made while this request ran
  }

  clearResult() {
    clear(this.figures);
    clear(this.explanationList);
    this.explanation.hidden = true;
    if (this.module.clearResult) this.module.clearResult(this);
  }

  // -- errors next to their fields ----------------------------------------------------------------

  clearErrors() {
    for (const target of this.errorTargets) {
      target.error.textContent = "";
      target.error.hidden = true;
      for (const input of target.inputs) input.removeAttribute("aria-invalid");
      if (target.field) this.describe(target.field);
      else if (target.undescribe) target.undescribe();
    }
    this.errorTargets = [];
    clear(this.errorSummary).hidden = true;
    if (this.module.clearErrors) this.module.clearErrors(this);
  }

  /** Where the error for engine field path `path` goes: a registered field, or what the module says. */
  locate(path, request) {
    const field = this.fields.get(path);
    if (field) return { field, error: field.error, inputs: field.inputs, focus: field.focus, label: this.label(path) };
    return this.module.locate ? this.module.locate(this, path, request) : null;
  }

  label(name) {
    const field = this.fields.get(name);
    if (!field) return name;
    const legend = field.wrapper.querySelector("legend, label");
    return (legend ? legend.firstChild.textContent : name).trim();
  }

  showErrors(errors, request) {
    this.clearErrors();
    const unplaced = [];
    const listed = [];
    for (const error of errors) {
      const target = this.locate(error.field, request);
      if (!target) {
        unplaced.push(error);
        continue;
      }
      if (target.error) {
        const message = this.readable(error.message);
        const text = target.error.textContent ? `${target.error.textContent} ${message}` : message;
        target.error.textContent = text;
        target.error.hidden = false;
        for (const input of target.inputs) input.setAttribute("aria-invalid", "true");
        if (target.field) this.describe(target.field);
        else if (target.describe) target.describe();
        this.errorTargets.push(target);
      }
      listed.push({ error, target });
    }
    const items = listed.slice(0, 20).map(({ error, target }) => h("li", {},
      h("button", { type: "button", class: "calc-link", onclick: () => this.reveal(target) },
        target.label || error.field), `: ${this.readable(error.message)}`));
    if (listed.length > 20) items.push(h("li", {}, this.t("errors.more", { count: listed.length - 20 })));
    for (const error of unplaced) {
      items.push(h("li", {}, error.field ? `${error.field}: ${error.message}` : error.message));
    }
    this.errorSummary.append(h("p", { class: "calc-error-title" }, this.t("errors.title", { count: errors.length })),
      h("ul", {}, items));
    this.errorSummary.hidden = false;
    this.summary.textContent = this.t("errors.summary", { count: errors.length });
    if (this.module.afterErrors) this.module.afterErrors(this, errors, request);
  }

  /** An engine message with any field name in it (e.g. "together with credit_report_date") shown as its label. */
  readable(message) {
    return message.replace(/\b[a-z]+(?:_[a-z]+)+\b/g,
      (name) => (this.fields.has(name) ? this.t("field.quoted", { label: this.label(name) }) : name));
  }

  reveal(target) {
    if (target.reveal) target.reveal();
    const el = target.focus || (target.inputs && target.inputs[0]);
    if (el) el.focus();
  }

  // -- the figures -------------------------------------------------------------------------------------

  money(amount) {
    return L.formatMoney(amount, this.lang);
  }

  date(iso) {
    return L.formatDate(iso, this.lang);
  }

  /** A <dl> of figures: [{key, label, value, kind: "money"|"date"|"pct"|"text", strong}] with data-value for checks. */
  figureList(items, className = "calc-figure-list") {
    return h("dl", { class: className }, items.filter(Boolean).map((item) => {
      const shown = item.kind === "money" ? this.money(item.value)
        : item.kind === "date" ? this.date(item.value)
          : item.kind === "pct" ? L.formatPercent(item.value, this.lang) : String(item.value);
      return h("div", { class: `calc-figure${item.strong ? " calc-figure-main" : ""}`,
        dataset: { figure: item.key } },
      h("dt", {}, item.label ?? this.t(`figure.${item.key}`)),
      h("dd", { dataset: { value: item.value } }, shown));
    }));
  }

  /** The engine's explanation steps, in the page's language. */
  explain(steps) {
    clear(this.explanationList).append(...steps.map((step) => h("li", { dataset: { code: step.code } }, step.text)));
  }

  // -- engine status -------------------------------------------------------------------------------------

  engineStatus(status) {
    this.root.dataset.engine = status.state;
    if (status.state === "loading") {
      const mb = ((status.loaded || 0) / 1e6).toLocaleString(L.INTL_LOCALES[this.lang],
        { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      clear(this.status).append(h("span", {}, this.t("engine.loading", { mb })),
        h("progress", { class: "calc-progress", "aria-label": this.t("engine.loading_label") }));
    } else if (status.state === "ready") {
      clear(this.status).append(h("span", {}, this.t("engine.ready")));
      this.root.dataset.engineLoadMs = String(Math.round(performance.now()));
      if (status.timings) this.root.dataset.engineTimings = JSON.stringify(status.timings);
      if (this.prerendered && !this.touched) this.offerOffline();  // the example's answer is the engine's already
      else this.compute();
    } else if (status.state === "failed") {
      this.status.setAttribute("role", "alert");
      this.status.classList.add("calc-status-failed");
      clear(this.status).append(h("strong", {}, this.t("engine.failed")), " ",
        h("span", {}, this.t("engine.failed_hint")), " ",
        h("small", { class: "calc-detail" }, `(${status.detail})`));
      if (!this.prerendered) this.summary.textContent = this.t("result.unavailable");
      this.root.dataset.settled = "true";
    }
  }

  // -- offline ---------------------------------------------------------------------------------------------

  /** After the first result, let the service worker keep this page and the engine for offline use. */
  offerOffline() {
    if (this.offered || !("serviceWorker" in navigator) || !window.isSecureContext) return;
    this.offered = true;
    const { root, runtime, wheel, lock, build, version, snapshot, stdlib } = this.config;
    const rel = (url) => (url.href.startsWith(root.href) ? url.href.slice(root.href.length) : url.href);
    const script = new URL("sw.js", root);
    const params = { v: version, runtime: rel(runtime), wheel: rel(wheel), lock: rel(lock) };
    if (build) params.build = build;  // versioned paths: the wheel and the lock file are immutable too
    if (snapshot && stdlib) Object.assign(params, { snapshot: rel(snapshot), stdlib: rel(stdlib) });
    script.search = new URLSearchParams(params).toString();
    const page = location.href.split("#")[0];
    // Not served by this very service worker yet (a first visit, or a new engine version): its cached engine has
    // never run from Cache Storage.
    const controller = navigator.serviceWorker.controller;
    const fresh = !controller || controller.scriptURL !== script.href;
    navigator.serviceWorker.register(script.href, { scope: root.href })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        const urls = new Set([page, this.config.worker.href, this.config.strings.href]);
        for (const entry of performance.getEntriesByType("resource")) {
          const url = entry.name.split("#")[0];
          if (url.startsWith(root.href)) urls.add(url);
        }
        for (const url of searchFiles(root, this.lang)) urls.add(url);
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => {
          this.root.dataset.offline = event.data.ok ? "ready" : "partial";
          if (fresh) this.warmRuntime();
        };
        registration.active.postMessage({ type: "keep", urls: [...urls] }, [channel.port2]);
      })
      .catch((error) => { this.root.dataset.offline = `unavailable: ${error}`; });
  }

  /**
   * Once, after the service worker has kept the engine: a short-lived worker runs Pyodide's JS from the service
   * worker's cache, so the browser keeps its code cache for the next visit (warm-runtime.mjs). It waits until the
   * service worker controls this page (its imports must come from Cache Storage); `data-warm-runtime` says how
   * it went: "done", "failed: ..." or "no controller".
   */
  warmRuntime() {
    const { runtime, worker } = this.config;
    const controlled = navigator.serviceWorker.controller ? Promise.resolve(true) : new Promise((resolve) => {
      navigator.serviceWorker.addEventListener("controllerchange", () => resolve(true), { once: true });
      setTimeout(() => resolve(Boolean(navigator.serviceWorker.controller)), WARM_WAIT_MS);
    });
    controlled.then((ok) => {
      if (!ok) {
        this.root.dataset.warmRuntime = "no controller";
        return;
      }
      const warm = new Worker(new URL("warm-runtime.mjs", worker), { type: "module", name: "warm-runtime" });
      warm.onmessage = ({ data }) => {
        this.root.dataset.warmRuntime = data.ok ? "done" : `failed: ${data.detail}`;
      };
      warm.onerror = (event) => {
        event.preventDefault();
        this.root.dataset.warmRuntime = `failed: ${event.message || "worker error"}`;
      };
      warm.postMessage({ asm: new URL("pyodide.asm.mjs", runtime).href, mjs: new URL("pyodide.mjs", runtime).href });
    });
  }
}

/**
 * What the theme's search loads in its own worker (invisible to this page's resource timing): the
 * worker, the index of the page's language and lunr's language files. Kept so search does not fail offline.
 * Material's search worker loads lunr files only for languages other than English (the stemmer support and
 * lunr.<lang>; lunr.multi only for an index of several languages), so only those are asked for: an English
 * page asks for none (there is no lunr.en.min.js).
 */
function searchFiles(root, lang) {
  const element = document.getElementById("__config");
  let config;
  try {
    config = JSON.parse(element ? element.textContent : "{}");
  } catch {
    return [];
  }
  const files = [];
  if (config.search) files.push(new URL(config.search, location.href).href);
  const base = new URL(config.base || root.href, location.href);
  files.push(new URL("search/search_index.json", base).href);
  if (lang !== "en") {
    for (const name of ["lunr.stemmer.support.min.js", `lunr.${lang}.min.js`]) {
      files.push(new URL(`assets/javascripts/lunr/min/${name}`, root).href);
    }
  }
  return files;
}

export function readConfig(root) {
  const base = new URL(root.dataset.root || "./", location.href);
  const page = JSON.parse(root.dataset.config || "{}");
  const written = (root.dataset.lang || document.documentElement.lang || "en").slice(0, 2).toLowerCase();
  const lang = ["en", "nl", "fr"].includes(written) ? written : "en";
  return {
    calculator: root.dataset.calculator,
    lang,
    root: base,
    runtime: new URL(root.dataset.runtime, location.href),
    wheel: new URL(root.dataset.wheel, location.href),
    lock: new URL(root.dataset.lock || `${root.dataset.runtime}pyodide-lock.json`, location.href),
    pyodideVersion: root.dataset.pyodideVersion || "",
    build: root.dataset.build || "",
    snapshot: root.dataset.snapshot ? new URL(root.dataset.snapshot, location.href) : null,
    stdlib: root.dataset.stdlib ? new URL(root.dataset.stdlib, location.href) : null,
    version: root.dataset.engineVersion || "0",
    worker: new URL("worker.mjs", import.meta.url),
    strings: new URL(`strings.${lang}.json`, import.meta.url),  // the page's language only (issue 22)
    rules: page.rules || {},
    example: page.example || {},
    prerendered: root.dataset.prerender ? JSON.parse(root.dataset.prerender) : null,
  };
}

async function main() {
  const root = document.getElementById("calc");
  if (!root || root.dataset.booted) return;
  root.dataset.booted = "true";
  const config = readConfig(root);
  let calc = null;
  let early = null;
  const engine = new Engine({
    worker: config.worker,
    init: { runtime: config.runtime.href, wheel: config.wheel.href, lock: config.lock.href,
      version: config.pyodideVersion, build: config.build,
      snapshot: config.snapshot && config.snapshot.href, stdlib: config.stdlib && config.stdlib.href },
    onStatus: (status) => (calc ? calc.engineStatus(status) : (early = status)),
    onAnswer: (answer, request) => calc && calc.answer(answer, request),
  });
  engine.start();  // the engine loads while the form is built
  const [strings, module] = await Promise.all([
    fetch(config.strings).then((response) => response.json()),
    MODULES[config.calculator](),
  ]);
  calc = new Calculator(root, strings, config, module.default);
  calc.engine = engine;
  calc.build();
  const shared = calc.restoreHash();
  if (!shared) calc.fill(calc.module.exampleState(calc));
  if (!calc.showPrerendered(config.prerendered) && shared) calc.showComputing();
  calc.engineStatus(early || { state: "loading", loaded: 0 });
  window.addEventListener("hashchange", () => {
    if (location.hash !== calc.lastHash && calc.restoreHash()) calc.edited(null, true);
  });
  root.dataset.form = "ready";
}

main();
