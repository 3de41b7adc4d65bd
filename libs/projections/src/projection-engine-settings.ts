import type { ProjectionEngineOptions } from './projection-engine.js';

/**
 * The engine's tunable settings, each by the one name it has from the app's config
 * (`PROJECTION_<NAME>`) down to the code that uses it; every one has a default.
 */
export type ProjectionEngineSettings = Pick<
  ProjectionEngineOptions,
  | 'batchSize'
  | 'rebuildBatchSize'
  | 'liveLingerMs'
  | 'rebuildWindowEvents'
  | 'rebuildWindowBytes'
  | 'rebuildCacheBytes'
  | 'liveCacheBytes'
  | 'retryIntervalMs'
  | 'maxRebuildsPerInstance'
  | 'pollIntervalMs'
>;

/** Each setting's least value (0: may be switched off). */
export const PROJECTION_ENGINE_SETTING_MINIMA: Readonly<Record<keyof ProjectionEngineSettings, number>> = {
  batchSize: 1,
  rebuildBatchSize: 1,
  liveLingerMs: 0,
  rebuildWindowEvents: 1,
  rebuildWindowBytes: 1,
  rebuildCacheBytes: 0,
  liveCacheBytes: 0,
  retryIntervalMs: 1,
  maxRebuildsPerInstance: 1,
  pollIntervalMs: 1,
};
