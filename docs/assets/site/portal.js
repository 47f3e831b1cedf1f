// The site's frame, on every page, after the theme's bundle has built its components (loaded by
// docs/overrides/main.html):
// - a table wider than the page scrolls sideways in material's wrapper; such a wrapper takes the keyboard focus,
//   so that people who do not use a mouse can scroll it too (arrow keys); one whose table fits takes none;
// - material puts each code block's copy button in a <nav>: a landmark, unnamed and repeated, that screen readers
//   list among the page's navigation regions for a single button: it is made a plain container (role none; a
//   <nav> may not be a toolbar), the button keeps its name.

function focusableScrollers() {
  for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap")) {
    if (wrap.scrollWidth > wrap.clientWidth + 1) wrap.tabIndex = 0;
    else wrap.removeAttribute("tabindex");
  }
}

function codeButtonsOutOfLandmarks() {
  for (const nav of document.querySelectorAll("nav.md-code__nav:not([role])")) nav.setAttribute("role", "none");
}

let pending = 0;
function later() {
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(focusableScrollers);
}

// Material builds the table wrappers and code buttons when its bundle has run (before "load"); widths change
// with the window.
window.addEventListener("load", () => {
  focusableScrollers();
  codeButtonsOutOfLandmarks();
});
window.addEventListener("resize", later);
