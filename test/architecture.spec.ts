import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The layering rules of docs/architecture.md, checked on every test run. */
// jest runs from the project root (package.json's directory).
const root = process.cwd();

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

const isDomainFile = (file: string) =>
  /\.(decide|projection)\.ts$/.test(file) || /src\/(employers\/(employer|recruitment-need)|cases\/case)\.ts$/.test(file);

describe('architecture', () => {
  const sources = [...filesUnder(join(root, 'src')), ...filesUnder(join(root, 'libs'))];

  it('keeps libs/ free of imports from src/', () => {
    const intoSrc = (file: string, i: string) => i.startsWith('.') && resolve(dirname(file), i).startsWith(join(root, 'src'));
    const offending = filesUnder(join(root, 'libs')).filter((file) => importsOf(file).some((i) => intoSrc(file, i)));
    expect(offending.map((f) => relative(root, f))).toEqual([]);
  });

  it('keeps domain files free of Nest and TypeORM', () => {
    const domain = sources.filter(isDomainFile);
    expect(domain.length).toBeGreaterThan(8);
    const offending = domain.filter((file) => importsOf(file).some((i) => i.startsWith('@nestjs/') || i === 'typeorm'));
    expect(offending.map((f) => relative(root, f))).toEqual([]);
  });

  it('keeps clocks and random ids out of domain files', () => {
    const offending = sources.filter(isDomainFile).filter((file) => /new Date\(\)|Date\.now\(\)|randomUUID\(|uuidv7\(/.test(readFileSync(file, 'utf8')));
    expect(offending.map((f) => relative(root, f))).toEqual([]);
  });

  it('reads process.env only in src/config', () => {
    const offending = filesUnder(join(root, 'src')).filter((file) => !file.startsWith(join(root, 'src', 'config') + '/') && /process\.env/.test(readFileSync(file, 'utf8')));
    expect(offending.map((f) => relative(root, f))).toEqual([]);
  });
});
