// Mutation testing with Stryker, one scope at a time: `npm run mutate -- --scope auth [--since <git ref>]`.
// Not part of `npm test` or CI: a run takes minutes to hours on two cores. docs/mutation-testing.md
// says what each scope covers and what its survivors mean.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { URL, fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Stryker } from '@stryker-mutator/core';
import { MUTATION_SCOPES } from './mutation-scopes.mjs';

const { values } = parseArgs({
  options: {
    scope: { type: 'string' },
    since: { type: 'string' },
    only: { type: 'string', multiple: true },
    tests: { type: 'string' },
    concurrency: { type: 'string', default: '1' },
    'no-check': { type: 'boolean', default: false },
    'timeout-ms': { type: 'string' },
  },
});

const scope = MUTATION_SCOPES[values.scope ?? ''];
if (!scope) {
  const names = Object.keys(MUTATION_SCOPES).join('|');
  console.error(
    `Usage: npm run mutate -- --scope <${names}> [--since <git ref>] [--only <glob>]... [--tests <regex>] [--concurrency n] [--no-check] [--timeout-ms n]`,
  );
  process.exit(2);
}

/** With --since: only the scope's files changed since that ref (committed or not). */
function changedSince(ref) {
  const names = execFileSync('git', ['diff', '--name-only', ref, '--'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  const untracked = execFileSync('git', ['ls-files', '--others', '--exclude-standard'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  return [...names, ...untracked];
}

// --only narrows a scope to some of its files (a glob each), with the scope's tests; --tests runs
// other tests against the mutants (a jest testRegex), e.g. the fast ones of a scope first.
let mutate = values.only ?? scope.mutate;
if (values.since) {
  const changed = new Set(changedSince(values.since));
  const pathspecs = mutate.map((glob) => (glob.startsWith('!') ? `:(exclude,glob)${glob.slice(1)}` : `:(glob)${glob}`));
  const inScope = execFileSync('git', ['ls-files', ...pathspecs], { encoding: 'utf8' })
    .split('\n')
    .filter((file) => changed.has(file));
  if (inScope.length === 0) {
    console.log(`mutate: nothing in scope ${values.scope} changed since ${values.since}`);
    process.exit(0);
  }
  mutate = inScope;
}

execFileSync('npm', ['run', 'pretest'], { stdio: 'inherit' });

// Every jest run of a mutant would otherwise start an embedded PostgreSQL of its own (global setup):
// one server for the whole Stryker run instead, unless DATABASE_URL names one.
let embedded;
if (!process.env.DATABASE_URL && scope.needsDatabase) {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { startEmbeddedPostgres } = await import('../dist/libs/database/src/index.js');
  embedded = await startEmbeddedPostgres({ dataDir: mkdtempSync(join(tmpdir(), 'ect-mutate-pg-')), persistent: false });
  process.env.DATABASE_URL = embedded.url;
}

const name = values.scope;
// Every mutant's result as it comes (scripts/mutant-log-reporter.mjs), for runs stopped part way.
mkdirSync('reports/mutation', { recursive: true });
process.env.MUTANT_LOG = `reports/mutation/${name}.mutants.jsonl`;
const stryker = new Stryker({
  packageManager: 'npm',
  plugins: [
    '@stryker-mutator/jest-runner',
    '@stryker-mutator/typescript-checker',
    fileURLToPath(new URL('./mutant-log-reporter.mjs', import.meta.url)),
  ],
  testRunner: 'jest',
  // Jest runs ESM through node's VM modules, as `npm test` does.
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    // Tests that take 10–20 s alone run out of jest's 30 s with coverage on a loaded machine; a mutant
    // that hangs is still stopped by Stryker's own timeout.
    // Background work of the tests (engines, group commit) is credited to a test, not "static":
    // see scripts/mutation-test-environment.cjs.
    config: {
      testRegex: values.tests ?? scope.tests,
      testTimeout: 120_000,
      testEnvironment: fileURLToPath(new URL('./mutation-test-environment.cjs', import.meta.url)),
    },
    enableFindRelatedTests: true,
  },
  checkers: values['no-check'] ? [] : ['typescript'],
  tsconfigFile: scope.tsconfig ?? 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  mutate,
  // Mutants fail type checks by design; ts-jest must not refuse them (libs and test too, not only src).
  disableTypeChecks: '{src,libs,test,bench}/**/*.{ts,js,mjs}',
  ignorePatterns: ['/dist/*', '!/dist/libs', '.data', 'coverage', 'reports', 'bench/results'],
  incremental: !values.since && !values.only && !values.tests,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  reporters: ['clear-text', 'progress', 'json', 'html', 'mutant-log'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  concurrency: Number(values.concurrency),
  // A mutant that hangs (a lock never given back, a wait that never ends) costs this much on top of
  // its tests' own time: the scopes' values suit a loaded machine, a quiet one can take less.
  timeoutMS: Number(values['timeout-ms'] ?? scope.timeoutMS ?? 10_000),
  // The initial run of every test of the scope: on a loaded two-core machine it takes more than
  // Stryker's default of 5 minutes for the scopes with a database.
  dryRunTimeoutMinutes: 30,
  cleanTempDir: 'always',
});

try {
  const results = await stryker.runMutationTest();
  const counts = {};
  for (const mutant of results) counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
  const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
  const valid = detected + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
  console.log(`mutate ${name}: ${JSON.stringify(counts)}; score ${valid ? ((100 * detected) / valid).toFixed(1) : '-'} %`);
} finally {
  await embedded?.stop();
}
