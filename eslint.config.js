// ESLint (flat config): the recommended rules on every .js and .mjs file of the project.
// `make test` runs it (`npm run lint`) after `npm ci`; warnings count as errors (--max-warnings 0).
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["site/", "build/", "dist/", ".venv/", ".cache/", "node_modules/", "test-results/"] },
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    languageOptions: { ecmaVersion: 2024, sourceType: "module" },
    // A `catch (error)` that ignores its error on purpose (best-effort caches) is fine.
    rules: { "no-unused-vars": ["error", { caughtErrors: "none" }] },
  },
  {
    // The pages' modules: calculators, engine bridge.
    files: ["docs/assets/**/*.js"],
    languageOptions: { globals: globals.browser },
  },
  {
    // The engine's module worker (Pyodide).
    files: ["docs/assets/**/*.mjs"],
    languageOptions: { globals: globals.worker },
  },
  {
    // The service worker: a classic script.
    files: ["docs/root/sw.js"],
    languageOptions: { sourceType: "script", globals: globals.serviceworker },
  },
  {
    files: ["eslint.config.js", "tests/js/**/*.mjs", "benchmarks/**/*.{js,mjs}", "site_build/**/*.mjs"],
    languageOptions: { globals: globals.node },
  },
];
