import { existsSync, mkdirSync } from 'node:fs';

/**
 * `bench/results/<name>.json`, or `<name>-2.json`, `-3`, … when a run of the same day already wrote
 * that one: a second run never overwrites the figures the README cites.
 */
export function resultFile(name: string): string {
  mkdirSync('bench/results', { recursive: true });
  for (let n = 1; ; n++) {
    const file = `bench/results/${name}${n === 1 ? '' : `-${n}`}.json`;
    if (!existsSync(file)) return file;
  }
}
