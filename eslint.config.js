// ESLint (flat config): the recommended rules over the theme's scripts, ES modules in a browser.
// Run by ./scripts/test as `node_modules/.bin/eslint`. CommonJS, since package.json does not
// make every .js file of the repository a module.
const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  {
    ignores: [
      // Not linted yet: the eligibility screener change removes these.
      ...[
        "eligibility.js",
        "fee-estimate.js",
        "fees.js",
        "hours.js",
        "open-now.js",
        "page-data.js",
        "screener*.js",
        "service-tools.js",
      ].map((name) => `themes/cus/static/js/${name}`),
      // Third-party code, minified as it is published.
      "themes/cus/static/vendor/**",
    ],
  },
  js.configs.recommended,
  {
    files: ["themes/cus/static/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: globals.browser,
    },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
  },
];
