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
