// The build's Node side of the pre-rendered first result (site_build/prerender.py drives it; never shipped).
//
//   node prerender.mjs <job.json>      prints {results: {key: {payload} | {html} | {skip}}}
//
// It runs the site's own calc.js and calculator modules (site/assets/calc/) on a small DOM of its own, so the
// markup is what the page's JavaScript builds:
//   job.mode "payload": build each page's form, fill in its example, and give the payload the page would send;
//   job.mode "render":  the same, then render job.pages[key].answer (the engine's answer to that payload,
//                       computed by the build) and give the calculator's markup as HTML.
// A page whose module is missing or does not render here is skipped with the reason: it shows its waiting state.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

// -- a small DOM: what dom.js, calc.js and the calculator modules use to build markup -----------------------------

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
  "wbr"]);
const escapeText = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
  .replace(/\u00a0/g, "&nbsp;");
const escapeAttr = (text) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
const camelToData = (key) => `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

class Node {
  constructor() {
    this.parentNode = null;
    this.childNodes = [];
  }

  get parentElement() { return this.parentNode instanceof Element ? this.parentNode : null; }
  get firstChild() { return this.childNodes[0] || null; }
  get lastChild() { return this.childNodes[this.childNodes.length - 1] || null; }
  get children() { return this.childNodes.filter((n) => n instanceof Element); }
  get firstElementChild() { return this.children[0] || null; }
  get lastElementChild() { return this.children[this.children.length - 1] || null; }

  get textContent() { return this.childNodes.map((n) => n.textContent).join(""); }
  set textContent(value) { this.replaceChildren(String(value ?? "")); }

  adopt(node) {
    if (typeof node === "string") return [new Text(node)];
    if (node instanceof DocumentFragment) {
      const moved = [...node.childNodes];
      node.childNodes = [];
      return moved.flatMap((n) => this.adopt(n));
    }
    if (node.parentNode) node.remove();
    return [node];
  }

  insert(index, nodes) {
    const adopted = nodes.flatMap((n) => this.adopt(n));
    for (const n of adopted) n.parentNode = this;
    this.childNodes.splice(index, 0, ...adopted);
  }

  append(...nodes) { this.insert(this.childNodes.length, nodes); }
  prepend(...nodes) { this.insert(0, nodes); }
  appendChild(node) { this.append(node); return node; }
  insertBefore(node, ref) {
    this.insert(ref ? this.childNodes.indexOf(ref) : this.childNodes.length, [node]);
    return node;
  }
  replaceChildren(...nodes) {
    for (const n of this.childNodes) n.parentNode = null;
    this.childNodes = [];
    this.append(...nodes);
  }
  remove() {
    if (!this.parentNode) return;
    const siblings = this.parentNode.childNodes;
    siblings.splice(siblings.indexOf(this), 1);
    this.parentNode = null;
  }
  after(...nodes) {
    const parent = this.parentNode;
    if (parent) parent.insert(parent.childNodes.indexOf(this) + 1, nodes);
  }
  before(...nodes) {
    const parent = this.parentNode;
    if (parent) parent.insert(parent.childNodes.indexOf(this), nodes);
  }
  replaceWith(...nodes) {
    const parent = this.parentNode;
    if (!parent) return;
    const index = parent.childNodes.indexOf(this);
    this.remove();
    parent.insert(index, nodes);
  }
  addEventListener() {}
  removeEventListener() {}
}

class Text extends Node {
  constructor(data) {
    super();
    this.data = data;
  }

  get textContent() { return this.data; }
  set textContent(value) { this.data = String(value); }
  get html() { return escapeText(this.data); }
}

class DocumentFragment extends Node {}

const SIMPLE = /^([a-zA-Z][\w-]*)?((?:[.#][\w-]+|\[[\w-]+(?:="[^"]*")?\])*)$/;

function matches(el, selector) {
  return selector.split(",").some((part) => {
    const match = SIMPLE.exec(part.trim());
    if (!match) return false;  // combinators are not needed to build markup
    if (match[1] && match[1].toLowerCase() !== el.tagName) return false;
    for (const [, kind, name, value] of match[2].matchAll(/([.#]|\[)([\w-]+)(?:="([^"]*)")?\]?/g)) {
      if (kind === "." && !el.classList.contains(name)) return false;
      if (kind === "#" && el.getAttribute("id") !== name) return false;
      if (kind === "[" && (value === undefined ? !el.hasAttribute(name) : el.getAttribute(name) !== value)) {
        return false;
      }
    }
    return true;
  });
}

class Element extends Node {
  constructor(tag, svg = false) {
    super();
    this.tagName = svg ? tag : tag.toLowerCase();
    this.svg = svg;
    this.attributes = new Map();
    this.style = {};
    const el = this;
    this.dataset = new Proxy({}, {
      get: (_, key) => (typeof key === "string" ? el.getAttribute(camelToData(key)) ?? undefined : undefined),
      set: (_, key, value) => { el.setAttribute(camelToData(key), String(value)); return true; },
      deleteProperty: (_, key) => { el.removeAttribute(camelToData(key)); return true; },
      has: (_, key) => el.hasAttribute(camelToData(key)),
    });
    this.classList = {
      list: () => (el.getAttribute("class") || "").split(/\s+/).filter(Boolean),
      contains(name) { return this.list().includes(name); },
      add(...names) { el.setAttribute("class", [...new Set([...this.list(), ...names])].join(" ")); },
      remove(...names) { el.setAttribute("class", this.list().filter((n) => !names.includes(n)).join(" ")); },
      toggle(name, force) {
        const on = force ?? !this.contains(name);
        if (on) this.add(name); else this.remove(name);
        return on;
      },
    };
  }

  setAttribute(name, value) { this.attributes.set(name, String(value)); }
  getAttribute(name) { return this.attributes.has(name) ? this.attributes.get(name) : null; }
  hasAttribute(name) { return this.attributes.has(name); }
  removeAttribute(name) { this.attributes.delete(name); }
  toggleAttribute(name, force) {
    const on = force ?? !this.hasAttribute(name);
    if (on) this.setAttribute(name, ""); else this.removeAttribute(name);
    return on;
  }

  flag(name, on) { if (on) this.setAttribute(name, ""); else this.removeAttribute(name); }
  get id() { return this.getAttribute("id") || ""; }
  set id(value) { this.setAttribute("id", value); }
  get className() { return this.getAttribute("class") || ""; }
  set className(value) { this.setAttribute("class", value); }
  get hidden() { return this.hasAttribute("hidden"); }
  set hidden(on) { this.flag("hidden", on); }
  get checked() { return this.hasAttribute("checked"); }
  set checked(on) { this.flag("checked", on); }
  get disabled() { return this.hasAttribute("disabled"); }
  set disabled(on) { this.flag("disabled", on); }
  get open() { return this.hasAttribute("open"); }
  set open(on) { this.flag("open", on); }
  get type() { return this.getAttribute("type") || (this.tagName === "input" ? "text" : ""); }
  set type(value) { this.setAttribute("type", value); }
  get name() { return this.getAttribute("name") || ""; }
  get files() { return []; }
  get rows() {  // a table's or a section's rows, as HTMLTableElement / HTMLTableSectionElement give them
    return this.tagName === "table" ? this.querySelectorAll("tr") : this.children.filter((n) => n.tagName === "tr");
  }
  get cells() { return this.children.filter((n) => n.tagName === "td" || n.tagName === "th"); }
  get options() { return this.tagName === "select" ? this.querySelectorAll("option") : undefined; }
  get selected() { return this.hasAttribute("selected"); }
  set selected(on) { this.flag("selected", on); }

  // An input's value is written as its attribute: the markup then shows what the form holds.
  get value() {
    if (this.tagName === "select") {
      const options = this.querySelectorAll("option");
      const chosen = options.find((o) => o.hasAttribute("selected")) || options[0];
      return chosen ? chosen.value : "";
    }
    if (this.tagName === "textarea") return this.textContent;
    if (this.tagName === "option") return this.getAttribute("value") ?? this.textContent;
    return this.getAttribute("value") ?? (this.type === "radio" || this.type === "checkbox" ? "on" : "");
  }

  set value(value) {
    const text = String(value ?? "");
    if (this.tagName === "select") {
      for (const option of this.querySelectorAll("option")) option.flag("selected", option.value === text);
    } else if (this.tagName === "textarea") {
      this.textContent = text;
    } else {
      this.setAttribute("value", text);
    }
  }

  focus() {}
  blur() {}
  click() {}
  scrollIntoView() {}

  querySelectorAll(selector) {
    const found = [];
    const walk = (node) => {
      for (const child of node.children) {
        if (matches(child, selector)) found.push(child);
        walk(child);
      }
    };
    walk(this);
    return found;
  }

  querySelector(selector) { return this.querySelectorAll(selector)[0] || null; }
  closest(selector) {
    for (let el = this; el; el = el.parentElement) if (matches(el, selector)) return el;
    return null;
  }

  get html() {
    const attrs = [...this.attributes].map(([k, v]) => (v === "" ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`)).join("");
    if (!this.svg && VOID.has(this.tagName)) return `<${this.tagName}${attrs}>`;
    return `<${this.tagName}${attrs}>${this.childNodes.map((n) => n.html).join("")}</${this.tagName}>`;
  }
}

globalThis.Node = Node;
globalThis.window = globalThis;
globalThis.document = {
  createElement: (tag) => new Element(tag),
  createElementNS: (ns, tag) => new Element(tag, ns === "http://www.w3.org/2000/svg"),
  createTextNode: (data) => new Text(data),
  createDocumentFragment: () => new DocumentFragment(),
  getElementById: () => null,  // calc.js's main() then does nothing: this script drives it
  documentElement: { lang: "en" },
};
globalThis.location = { href: "http://prerender.invalid/", hash: "", pathname: "/", search: "" };
globalThis.history = { state: null, replaceState() {} };
if (typeof globalThis.navigator === "undefined") globalThis.navigator = {};

// -- the pages ----------------------------------------------------------------------------------------------------

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const assets = join(job.site, "assets", "calc");
const { Calculator, MODULES, readConfig } = await import(pathToFileURL(join(assets, "calc.js")).href);
const strings = JSON.parse(readFileSync(join(assets, "strings.json"), "utf8"));

/** The engine while it loads: requests wait, nothing is answered. */
const loadingEngine = { state: "loading", busy: true, submit: () => 0 };

async function page(spec) {
  const root = new Element("div");
  for (const [name, value] of Object.entries(spec.attributes)) root.setAttribute(name, value);
  if (!MODULES[spec.calculator]) return { skip: `no module for ${spec.calculator} in calc.js` };
  let module;
  try {
    module = (await MODULES[spec.calculator]()).default;
  } catch (error) {
    return { skip: `its module does not load: ${error.message.split("\n")[0]}` };
  }
  const calc = new Calculator(root, strings, readConfig(root), module);
  calc.engine = loadingEngine;
  calc.build();
  calc.fill(module.exampleState(calc));
  const payload = calc.payload();
  if (job.mode === "payload") return { payload };
  if (JSON.stringify(payload) !== JSON.stringify(spec.payload)) return { skip: "the example's payload changed" };
  if (!calc.showPrerendered({ payload, answer: spec.answer })) return { skip: "the answer was not shown" };
  calc.result.setAttribute("data-computing", calc.t("result.computing"));  // for calc.css, see there
  return { html: root.childNodes.map((n) => n.html).join("") };
}

const results = {};
for (const [key, spec] of Object.entries(job.pages)) {
  try {
    results[key] = await page(spec);
  } catch (error) {
    results[key] = { skip: `it does not render here: ${String(error && error.stack || error).split("\n").slice(0, 2).join(" ")}` };
  }
}
process.stdout.write(JSON.stringify({ results }));
