// The site's frame, on every page: a table wider than the page scrolls sideways in material's wrapper; such a
// wrapper takes the keyboard focus, so that people who do not use a mouse can scroll it too (arrow keys).
// A wrapper whose table fits takes no focus (no useless tab stop). Loaded by docs/overrides/main.html.

function focusableScrollers() {
  for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap")) {
    if (wrap.scrollWidth > wrap.clientWidth + 1) wrap.tabIndex = 0;
    else wrap.removeAttribute("tabindex");
  }
}

let pending = 0;
function later() {
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(focusableScrollers);
}

// Material wraps the tables when its bundle has run (before "load"); widths change with the window.
window.addEventListener("load", focusableScrollers);
window.addEventListener("resize", later);
