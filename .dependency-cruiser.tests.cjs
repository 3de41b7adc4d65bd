// Test code and benchmarks (left out of .dependency-cruiser.cjs) reach libraries only through their
// public entries too, and a library's tests never reach into the app.
const shipped = require('./.dependency-cruiser.cjs');

const RULES_FOR_TESTS = ['libs-never-import-the-app', 'libs-only-through-their-entry', 'libs-use-each-other-through-their-entry'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: shipped.forbidden.filter((rule) => RULES_FOR_TESTS.includes(rule.name)),
  options: { ...shipped.options, exclude: { path: '^(dist|node_modules|coverage)/' } },
};
