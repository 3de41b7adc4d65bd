import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { findFreePort } from '@app/database';

/** The app built once per test file into `.test-build/<name>` (inside the repository, so node_modules resolve). */
export function buildApp(name: string): string {
  const outDir = `.test-build/${name}`;
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', outDir], { stdio: 'pipe' });
  // As `npm run build` does: node's loader needs the libraries' aliases as relative paths.
  execFileSync(process.execPath, ['node_modules/tsc-alias/dist/bin/index.js', '-p', 'tsconfig.build.json', '--outDir', outDir], {
    stdio: 'pipe',
  });
  return `${outDir}/src/main.js`;
}

export interface AppProcess {
  child: ChildProcess;
  base: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  exited: Promise<number | null>;
}

/** `node main.js` as `npm start` runs it, with the given environment on top of ours (no DATABASE_URL unless given). */
export async function startAppProcess(main: string, env: Record<string, string>): Promise<AppProcess> {
  const port = await findFreePort();
  const { DATABASE_URL: _ignored, NODE_ENV: _test, ...inherited } = process.env;
  const child = spawn(process.execPath, [main], { env: { ...inherited, PORT: String(port), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, base: `http://127.0.0.1:${port}`, output: () => text, exited };
}

/** True once GET /health answers 200; false if the process exits first or `timeoutMs` passes. */
export async function healthy(app: AppProcess, timeoutMs = 90_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void app.exited.then(() => (gone = true));
  while (Date.now() < deadline && !gone) {
    try {
      if ((await fetch(`${app.base}/health`)).status === 200) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}
