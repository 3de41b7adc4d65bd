import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const node = (...args: string[]) => execFileSync(process.execPath, args, { encoding: 'utf8', stdio: 'pipe' });

const jsFilesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? jsFilesUnder(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : [],
  );

/** `npm start` builds with tsconfig.build.json first: a type error there would stop the service. */
describe('the production build', () => {
  it('type-checks everything npm start compiles', () => {
    const run = () => node('node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--noEmit');
    expect(run).not.toThrow();
  }, 120_000);

  // Node's ESM loader knows nothing of tsconfig paths: the build must leave no `@app/…` specifier behind.
  it("resolves the libraries' path aliases in the emitted code, so node loads the app module", async () => {
    // Inside the project (under the ignored dist/), so the emitted code finds node_modules.
    mkdirSync('dist', { recursive: true });
    const outDir = join(process.cwd(), mkdtempSync(join('dist', 'build-check-')));
    try {
      node('node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', outDir);
      node('node_modules/tsc-alias/dist/bin/index.js', '-p', 'tsconfig.build.json', '--outDir', outDir);
      const unresolved = jsFilesUnder(outDir).filter((file) => /from '@app\/|import\('@app\//.test(readFileSync(file, 'utf8')));
      expect(unresolved).toEqual([]);
      const loaded = node(
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(join(outDir, 'src/app.module.js'))}); console.log(typeof m.AppModule);`,
      );
      expect(loaded.trim()).toBe('function');
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 240_000);
});
