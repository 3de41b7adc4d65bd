import { z } from 'zod';
import { PROJECTION_ENGINE_SETTING_MINIMA, type ProjectionEngineSettings } from '@app/projections';

type Setting = keyof ProjectionEngineSettings;

/** `rebuildCacheBytes` → `PROJECTION_REBUILD_CACHE_BYTES`: the one name, spelled as a variable. */
export const variableOf = (setting: Setting) => `PROJECTION_${setting.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

const SETTINGS = Object.keys(PROJECTION_ENGINE_SETTING_MINIMA) as Setting[];

const integerFrom = (min: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be an integer ≥ ${min}`)
    .transform(Number)
    .refine((n) => Number.isSafeInteger(n) && n >= min, `must be an integer ≥ ${min}`)
    .optional();

/** The variables of the projection engine's settings; unset ones keep the engine's defaults. */
export const projectionSettingVariables = Object.fromEntries(
  SETTINGS.map((setting) => [variableOf(setting), integerFrom(PROJECTION_ENGINE_SETTING_MINIMA[setting])]),
) as Record<string, ReturnType<typeof integerFrom>>;

export function projectionSettingsOf(env: Readonly<Record<string, unknown>>): ProjectionEngineSettings {
  const settings: ProjectionEngineSettings = {};
  for (const setting of SETTINGS) {
    const value = env[variableOf(setting)];
    if (typeof value === 'number') settings[setting] = value;
  }
  return settings;
}
