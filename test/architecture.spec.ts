import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ruleSetOf, violationsOf } from './architecture/cruise.js';
import { layeringFixture } from './architecture/layering-fixture.js';

/**
 * The layering rules of docs/architecture.md, checked on every test run: dependency-cruiser
 * (`.dependency-cruiser.cjs` for shipped code, `.dependency-cruiser.tests.cjs` for tests and
 * benchmarks) for imports, and two checks of file contents no import graph shows.
 */
// jest runs from the project root (package.json's directory).
const root = process.cwd();

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });

const isDomainFile = (file: string) =>
  /\.(decide|projection)\.ts$/.test(file) ||
  /src\/(employers\/(employer|employer-home|inquiry|recruitment-need)|cases\/case)\.ts$/.test(file);

describe('architecture', () => {
  const shipped = ruleSetOf('.dependency-cruiser.cjs');
  const tests = ruleSetOf('.dependency-cruiser.tests.cjs');

  it('keeps the shipped code to the layering rules (dependency-cruiser)', async () => {
    expect(await violationsOf(shipped, ['src', 'libs'])).toEqual([]);
  }, 120_000);

  it('keeps tests and benchmarks to the rules that apply to them (dependency-cruiser)', async () => {
    expect(await violationsOf(tests, ['src', 'libs', 'test', 'bench'])).toEqual([]);
  }, 120_000);

  it("catches each wrong import: up from shared, a library into the app, past a library's entry, Nest in the domain, cycles", async () => {
    const fixture = layeringFixture();
    try {
      const found = await violationsOf(shipped, ['src', 'libs'], fixture);
      const seen = (rule: string, from: string, to: string) => found.some((v) => v.rule === rule && v.from === from && v.to.includes(to));
      expect(seen('shared-imports-no-area', 'src/shared/http/api-view.decorator.ts', 'src/auth/access.decorator.ts')).toBe(true);
      expect(seen('libs-never-import-the-app', 'libs/projections/src/index.ts', 'src/app.module.ts')).toBe(true);
      expect(seen('libs-only-through-their-entry', 'src/offices/offices.controller.ts', 'libs/projections/src/key-range.ts')).toBe(true);
      expect(seen('libs-use-each-other-through-their-entry', 'libs/event-store/src/index.ts', 'libs/projections/src/key-range.ts')).toBe(
        true,
      );
      expect(seen('domain-is-pure', 'src/employers/employer.ts', '@nestjs/common')).toBe(true);
      expect(seen('offices-read-areas-through-their-views', 'src/offices/office-rules.ts', 'src/cases/case-limits.ts')).toBe(true);
      expect(found.some((v) => v.rule === 'no-circular-folders')).toBe(true);
      expect(seen('no-circular-modules', 'src/history/history-event.ts', 'src/history/history-page.ts')).toBe(true);
      // every rule of the set has its case above
      expect(new Set(found.map((v) => v.rule))).toEqual(new Set(shipped.forbidden!.map((r) => r.name)));
    } finally {
      rmSync(fixture, { recursive: true, force: true });
    }
  }, 120_000);

  it('keeps clocks and random ids out of domain files', () => {
    const sources = [...filesUnder(join(root, 'src')), ...filesUnder(join(root, 'libs'))];
    const domain = sources.filter(isDomainFile);
    expect(domain.length).toBeGreaterThan(8);
    const offending = domain.filter((file) => /new Date\(\)|Date\.now\(\)|randomUUID\(|uuidv7\(/.test(readFileSync(file, 'utf8')));
    expect(offending.map((f) => relative(root, f))).toEqual([]);
  });

  it("changes the app's schema by migrations only: no TypeORM entity to keep in step", () => {
    const offending = [...filesUnder(join(root, 'src')), ...filesUnder(join(root, 'libs'))].filter((file) =>
      /@Entity\(/.test(readFileSync(file, 'utf8')),
    );
    expect(offending.map((f) => relative(root, f))).toEqual([]);
  });

  it('reads process.env only in src/config', () => {
    const offending = filesUnder(join(root, 'src')).filter(
      (file) => !file.startsWith(join(root, 'src', 'config') + '/') && /process\.env/.test(readFileSync(file, 'utf8')),
    );
    expect(offending.map((f) => relative(root, f))).toEqual([]);
  });
});
