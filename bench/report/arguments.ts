/** `--name 123` from the command line (after `npm run x --`), or the default. */
export function numberArgument(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} needs a number ≥ 0 (got ${process.argv[at + 1]})`);
  return value;
}

export const flag = (name: string): boolean => process.argv.includes(name);

export function stringArgument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

/** The engine's rebuild options given as `--batch n`, `--window n`, `--window-mb n`, `--cache-mb n`; the engine's defaults otherwise. */
export function rebuildEngineOptions(): {
  rebuildBatchSize?: number;
  rebuildWindowEvents?: number;
  rebuildWindowBytes?: number;
  rebuildCacheBytes?: number;
} {
  const option = (name: string, scale = 1) => (process.argv.includes(name) ? numberArgument(name, 0) * scale : undefined);
  return {
    rebuildBatchSize: option('--batch'),
    rebuildWindowEvents: option('--window'),
    rebuildWindowBytes: option('--window-mb', 2 ** 20),
    rebuildCacheBytes: option('--cache-mb', 2 ** 20),
  };
}

/** The same options, to pass on to a child process. */
export const rebuildEngineArguments = (): string[] =>
  ['--batch', '--window', '--window-mb', '--cache-mb'].flatMap((name) =>
    process.argv.includes(name) ? [name, process.argv[process.argv.indexOf(name) + 1]!] : [],
  );
