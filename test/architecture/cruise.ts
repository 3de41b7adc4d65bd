import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export interface Violation {
  rule: string;
  from: string;
  to: string;
}

const require = createRequire(import.meta.url);

/** The rule set of a dependency-cruiser config file of the project (`.dependency-cruiser.cjs`, …). */
export const ruleSetOf = (configFile: string): IConfiguration => require(join(process.cwd(), configFile)) as IConfiguration;

/** Cruise `paths` (relative to `baseDir`, the project by default) with a rule set; the violations found. */
export async function violationsOf(ruleSet: IConfiguration, paths: string[], baseDir = process.cwd()): Promise<Violation[]> {
  const tsConfig = extractTSConfig(join(process.cwd(), 'tsconfig.json'));
  const { output } = await cruise(paths, { ...ruleSet.options, baseDir, validate: true, ruleSet }, {}, { tsConfig });
  const result = output as ICruiseResult;
  return result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}
