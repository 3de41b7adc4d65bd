// The score of a mutation run by file, from its per-mutant log (scripts/mutant-log-reporter.mjs), also
// while the run is still going or after it was stopped: `node scripts/mutation-summary.mjs <scope>`
// prints a Markdown table (the form of docs/mutation-testing.md) and then the surviving mutants and
// those without coverage, one line each, to go through.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const scope = process.argv[2];
if (!scope) {
  console.error('Usage: node scripts/mutation-summary.mjs <scope>');
  process.exit(2);
}
const mutants = readFileSync(`reports/mutation/${scope}.mutants.jsonl`, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));

const COLUMNS = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'RuntimeError'];
const byFile = new Map();
for (const mutant of mutants) {
  const file = relative(process.cwd(), mutant.file);
  const counts = byFile.get(file) ?? Object.fromEntries(COLUMNS.map((c) => [c, 0]));
  counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
  byFile.set(file, counts);
}

/** Stryker's score: detected over valid (not counting mutants that do not compile or crash the runner). */
const score = (c) => {
  const valid = c.Killed + c.Timeout + c.Survived + c.NoCoverage;
  return valid ? `${((100 * (c.Killed + c.Timeout)) / valid).toFixed(1)} %` : '—';
};
const total = Object.fromEntries(COLUMNS.map((c) => [c, 0]));
console.log('| file | killed | timed out | survived | no cov. | compile err. | runtime err. | score |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [file, counts] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
  for (const c of COLUMNS) total[c] += counts[c];
  console.log(`| \`${file}\` | ${COLUMNS.map((c) => counts[c]).join(' | ')} | ${score(counts)} |`);
}
console.log(`| all (${mutants.length} tested) | ${COLUMNS.map((c) => total[c]).join(' | ')} | ${score(total)} |`);

console.log('\nSurvived or not covered:');
for (const m of mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')) {
  const where = `${relative(process.cwd(), m.file)}:${m.line}:${m.column}`;
  console.log(`${m.status === 'Survived' ? 'S' : 'N'} ${where} ${m.mutatorName} → ${JSON.stringify(m.replacement)}`);
}
