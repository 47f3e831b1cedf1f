// A calculator's inputs in the URL fragment (#credit_limit=25.000&outstanding=...): shareable, never sent to
// the server (browsers do not send the fragment). Values are kept as typed; no DOM here
// (tests/js/state.test.mjs).

/** The fragment's parameters for `entries` ([name, text as typed]); empty values are left out. */
export function encodeState(entries) {
  const params = new URLSearchParams();
  for (const [name, raw] of entries) {
    if (raw !== "" && raw !== undefined && raw !== null) params.append(name, String(raw));
  }
  return params;
}

/**
 * The parameters of a fragment (with or without its "#"), or null when it holds no calculator state: a heading
 * anchor (#how-it-works), or only names that `isKnown` does not recognise.
 */
export function decodeState(fragment, isKnown) {
  const text = String(fragment).replace(/^#/, "");
  if (!text.includes("=")) return null;
  const params = new URLSearchParams(text);
  return [...params.keys()].some((name) => isKnown(name)) ? params : null;
}
