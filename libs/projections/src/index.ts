export type { Projection, RowAccess, AnyProjection } from './projection.js';
export { foldInMemory, InMemoryFold } from './in-memory-fold.js';
export { selectDocs, inKeyRange, type KeyRange, type OrderedRange } from './key-range.js';
export { compareKeys, sameJson, sortByKey, toStoredJson } from './stored-json.js';
export { ProjectionEventFailed, ProjectionTablesMissing, UnknownProjection } from './projection.errors.js';
export { ProjectionEngine, type ProjectionEngineOptions } from './projection-engine.js';
export { PROJECTION_ENGINE_SETTING_MINIMA, type ProjectionEngineSettings } from './projection-engine-settings.js';
export type { CommittedBatch, ProjectionLogger } from './follow.js';
export type { DocsAsJson, LoadedDocs } from './load-docs.js';
export type { ProjectionStatus, ProjectionState, ProjectionError } from './projection-status.js';
export type { VerifyOptions, VerifyResult } from './verify-projection.js';
export type { ParkedEvent } from './parked-events.js';
export type { FoldOptions } from './in-memory-fold.js';
export type { Track } from './progress.js';
export {
  CreateProjectionCheckpoints1764000000000,
  CreateProjectionParkedEvents1767000000000,
  RecordCheckpointEventStore1767000000002,
  projectionOrderIndexMigration,
  projectionTableMigration,
  type MigrationClass,
} from './projection.migrations.js';
export { projectionTables, projectionTableSql } from './projection-tables.js';
export { ProjectionsModule, type ProjectionsModuleOptions } from './projections.module.js';
export { defineView, type RangeBuilders, type ViewDefinition, type ViewSpec } from './view-definition.js';
