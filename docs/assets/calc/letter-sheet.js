// The letter sheet on a page: the sender's and the customer's details for the letter, the sender's kept on this
// device when the user asks (localStorage, never sent anywhere), and the engine's printable sheet
// (calculators/letter_sheet.py, `letter.sheet_html`) printed alone from a hidden frame or downloaded as .html.

import { h } from "./dom.js";

/** Where the remembered sender details live (this browser only). */
export const STORAGE_KEY = "calc.letter-sheet.sender.v1";
/** The sender's details, as the engine's `sender` object names them (the name is the page's `creditor` field). */
export const SENDER_FIELDS = ["address", "enterprise_number", "vat_number", "email", "phone", "iban"];
export const RECIPIENT_FIELDS = ["address", "kind", "reference"];
const MULTILINE = new Set(["address"]);
const WINDOWS = { "": "sheet.window.auto", left: "sheet.window.left", right: "sheet.window.right" };
const KINDS = { "": "sheet.kind.none", company: "sheet.kind.company", person: "sheet.kind.person" };
const LABELS = {
  sender: { address: "sheet.sender.address", enterprise_number: "sheet.sender.enterprise_number",
    vat_number: "sheet.sender.vat_number", email: "sheet.sender.email", phone: "sheet.sender.phone",
    iban: "sheet.sender.iban" },
  recipient: { address: "sheet.recipient.address", kind: "sheet.recipient.kind",
    reference: "sheet.recipient.reference" },
};

/** The non-empty values of `values` for `keys`, trimmed: what goes into a payload's sender or recipient. */
export function party(values, keys) {
  const found = {};
  for (const key of keys) {
    const value = String(values[key] ?? "").trim();
    if (value) found[key] = value;
  }
  return found;
}

/** The envelope's window: the one chosen, else the one usual in the claim's country (France: right). */
export function windowFor(chosen, country) {
  if (chosen === "left" || chosen === "right") return chosen;
  return country === "FR" ? "right" : "left";
}

/** A file name for a letter: letter-<kind>-<date>.html, ASCII only. */
export function fileName(letter) {
  const safe = (text) => String(text || "").replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");
  return `${["letter", safe(letter && letter.kind), safe(letter && letter.date)].filter(Boolean).join("-")}.html`;
}

/** Stored sender details, or null (nothing kept, unreadable, or storage refused). */
export function loadSender(storage) {
  try {
    const raw = storage && storage.getItem(STORAGE_KEY);
    const data = raw ? JSON.parse(raw) : null;
    return data && typeof data === "object" && !Array.isArray(data) ? data : null;
  } catch {
    return null;
  }
}

export function saveSender(storage, data) {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(data));
    return true;
  } catch {
    return false;
  }
}

export function forgetSender(storage) {
  try {
    storage.removeItem(STORAGE_KEY);
  } catch {
    // nothing kept, or no storage: nothing to forget
  }
}

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export class LetterSheet {
  constructor(calc) {
    this.calc = calc;
    this.inputs = { sender: new Map(), recipient: new Map() };
    this.html = "";
    this.letter = null;
  }

  t(key, params) {
    return this.calc.t(key, params);
  }

  input(group, key) {
    const id = `calc-sheet-${group}-${key.replace(/_/g, "-")}`;
    let input;
    if (key === "kind") {
      input = h("select", { id, class: "calc-input calc-select" },
        Object.entries(KINDS).map(([value, label]) => h("option", { value }, this.t(label))));
    } else if (MULTILINE.has(key)) {
      input = h("textarea", { id, rows: 3, class: "calc-input calc-sheet-address", autocomplete: "off",
        spellcheck: "false" });
    } else {
      input = h("input", { id, type: "text", class: "calc-input calc-text", autocomplete: "off", spellcheck: "false" });
    }
    this.inputs[group].set(key, input);
    return h("div", { class: "calc-field", dataset: { field: `${group}.${key}` } },
      h("label", { for: id }, this.t(LABELS[group][key]),
        h("span", { class: "calc-optional" }, ` ${this.calc.t("field.optional")}`)), input);
  }

  /** The fields: the sender's details with "remember" and "forget", the customer's address, kind and reference. */
  build() {
    this.remember = h("input", { type: "checkbox", id: "calc-sheet-remember" });
    this.status = h("span", { class: "calc-sheet-status", role: "status" });
    this.forgetButton = h("button", { type: "button", class: "md-button calc-small calc-sheet-forget",
      onclick: () => this.forget() }, this.t("sheet.forget"));
    this.remember.addEventListener("change", () => this.keep());
    this.window = h("select", { id: "calc-sheet-window", class: "calc-input calc-select" },
      Object.entries(WINDOWS).map(([value, label]) => h("option", { value }, this.t(label))));
    this.window.addEventListener("change", () => this.keep(true));
    const sender = h("fieldset", { class: "calc-group calc-sheet-sender" },
      h("legend", {}, this.t("sheet.group.sender")),
      h("p", { class: "calc-hint" }, this.t("sheet.hint.sender")),
      SENDER_FIELDS.map((key) => this.input("sender", key)),
      h("div", { class: "calc-field", dataset: { field: "letter_window" } },
        h("label", { for: this.window.id }, this.t("sheet.window")), this.window),
      h("p", { class: "calc-sheet-keep" },
        h("label", { for: this.remember.id }, this.remember, ` ${this.t("sheet.remember")}`), " ",
        this.forgetButton, " ", this.status));
    const recipient = h("fieldset", { class: "calc-group calc-sheet-recipient" },
      h("legend", {}, this.t("sheet.group.recipient")),
      RECIPIENT_FIELDS.map((key) => this.input("recipient", key)));
    for (const input of this.inputs.sender.values()) input.addEventListener("input", () => this.keep(true));
    const name = this.calc.fields.get("creditor");
    if (name) name.inputs[0].addEventListener("input", () => this.keep(true));
    return h("div", { class: "calc-sheet-fields" }, sender, recipient);
  }

  /** Put the remembered sender details back (at load, and after the form is cleared or reset to the example). */
  restore() {
    const data = loadSender(storage());
    if (!data) return;
    for (const [key, input] of this.inputs.sender) {
      if (typeof data[key] === "string") input.value = data[key];
    }
    const name = this.calc.fields.get("creditor");
    if (name && typeof data.name === "string" && !name.get()) name.set(data.name);
    if (typeof data.window === "string" && data.window in WINDOWS) this.window.value = data.window;
    this.remember.checked = true;
  }

  senderValues() {
    const values = Object.fromEntries([...this.inputs.sender].map(([key, input]) => [key, input.value]));
    const name = this.calc.fields.get("creditor");
    return { ...values, name: name ? name.get() : "", window: this.window.value };
  }

  /** Keep the sender details while "remember" is ticked; unticked, nothing is kept. `typing`: no status line. */
  keep(typing = false) {
    const store = storage();
    if (!this.remember.checked) {
      if (!typing) {
        forgetSender(store);
        this.status.textContent = this.t("sheet.forgotten");
      }
      return;
    }
    const ok = saveSender(store, party(this.senderValues(), ["name", ...SENDER_FIELDS, "window"]));
    if (!typing || !ok) this.status.textContent = this.t(ok ? "sheet.remembered" : "sheet.not_remembered");
  }

  forget() {
    forgetSender(storage());
    this.remember.checked = false;
    for (const input of this.inputs.sender.values()) input.value = "";
    this.window.value = "";
    this.status.textContent = this.t("sheet.forgotten");
    this.calc.edited(null, true);
  }

  /** The letter's details into the engine's payload, and the request for the printable sheet. */
  completePayload(payload) {
    payload.letter_format = "sheet";
    payload.letter_window = windowFor(this.window.value, payload.country);
    const values = (group) => Object.fromEntries([...this.inputs[group]].map(([key, input]) => [key, input.value]));
    const sender = party(values("sender"), SENDER_FIELDS);
    const recipient = party(values("recipient"), RECIPIENT_FIELDS);
    if (Object.keys(sender).length) payload.sender = sender;
    if (Object.keys(recipient).length) payload.recipient = recipient;
  }

  /** The engine's letter (with its sheet), or none. */
  show(letter) {
    this.letter = letter && typeof letter.sheet_html === "string" ? letter : null;
    this.html = this.letter ? letter.sheet_html : "";
    if (this.downloadButton) this.downloadButton.disabled = !this.html;
  }

  /** The button that saves the sheet as an .html file (it prints the same sheet on its own). */
  download() {
    this.downloadButton = h("button", { type: "button", class: "md-button calc-sheet-download", disabled: true,
      onclick: () => this.save() }, this.t("sheet.download"));
    return this.downloadButton;
  }

  save() {
    if (!this.html) return;
    const url = URL.createObjectURL(new Blob([this.html], { type: "text/html;charset=utf-8" }));
    const link = h("a", { href: url, download: fileName(this.letter), hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  /** Print the sheet alone: a hidden frame holds the engine's document and prints itself, nothing of the site. */
  print() {
    if (!this.html) return;
    if (this.frame) this.frame.remove();
    this.frame = printSheet(this.html, this.t("sheet.frame_title"));
  }
}

/** Print an engine's sheet document (one letter per A4 sheet) from a hidden frame: nothing of the site on it. */
export function printSheet(html, title) {
  for (const old of document.querySelectorAll("iframe.calc-sheet-frame")) old.remove();
  const frame = h("iframe", { class: "calc-sheet-frame", title, tabindex: "-1", "aria-hidden": "true" });
  const back = document.activeElement;  // the print button: the keyboard's place once the dialog is closed
  frame.addEventListener("load", () => {
    frame.contentWindow.focus();
    frame.contentWindow.print();
    frame.dataset.printed = "true";
    if (back && back.focus) back.focus();
  }, { once: true });
  frame.srcdoc = html;
  document.body.append(frame);
  return frame;
}
