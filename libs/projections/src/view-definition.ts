import type { KeyRange } from './key-range.js';
import { projectionOrderIndexMigration, projectionTableMigration, type MigrationClass } from './projection.migrations.js';
import type { AnyProjection } from './projection.js';

/**
 * Functions that name the rows a query reads (a range, or a few by name), built from the
 * projection's own keys: no query spells a key.
 */
export type RangeBuilders = Record<string, (...args: never[]) => KeyRange | Readonly<Record<string, KeyRange>>>;

/** What a view's author writes: see `defineView`. */
export interface ViewSpec<P extends AnyProjection, R extends RangeBuilders> {
  projection: P;
  /**
   * When the table `projection_<name>` was first migrated (13-digit JavaScript time), and each
   * sort-key index an ordered read needs with its own. Fixed once released: they name the
   * migrations a database has run.
   */
  migratedAt: { table: number; orderIndexes?: Record<string, number> };
  /** Every row that belongs to one office: what the admin's verify by office compares. */
  officeRanges(office: string): KeyRange[];
  /** The ranges the queries read, by name, built from the projection's own keys. */
  ranges: R;
}

/**
 * A view as one unit: its projection, its table's and indexes' migrations, its named ranges and
 * its office ranges. The area that owns the view exports it; the app collects every area's views
 * into the engine's projection list and its migration list, so adding a view touches its own
 * folder and one line of its area's list.
 */
export interface ViewDefinition<P extends AnyProjection = AnyProjection, R extends RangeBuilders = RangeBuilders> extends ViewSpec<P, R> {
  /** The table first, then its indexes. */
  migrations: readonly MigrationClass[];
}

export function defineView<P extends AnyProjection, R extends RangeBuilders>(spec: ViewSpec<P, R>): ViewDefinition<P, R> {
  const { name } = spec.projection;
  const indexes = Object.entries(spec.migratedAt.orderIndexes ?? {});
  return {
    ...spec,
    migrations: [
      projectionTableMigration(name, spec.migratedAt.table),
      ...indexes.map(([field, timestamp]) => projectionOrderIndexMigration(name, field, timestamp)),
    ],
  };
}
