import { projectionTableMigration } from './projection.migrations.js';
import { projectionTableSql, projectionTables } from './projection-tables.js';

describe('projection table migrations', () => {
  it('are named as TypeORM expects: a class name ending in the 13-digit timestamp', () => {
    const Migration = projectionTableMigration('employer_relationships', 1764000000123);
    expect(new Migration().name).toBe('CreateProjectionEmployerRelationships1764000000123');
    expect(Migration.name).toBe('CreateProjectionEmployerRelationships1764000000123');
  });

  it('create a key-ordered table of JSON documents with the last position of each', () => {
    expect(projectionTables('engagement')).toEqual({ live: 'projection_engagement', shadow: 'projection_engagement_rebuild' });
    expect(projectionTableSql('projection_engagement')).toMatch(
      /key text COLLATE "C" NOT NULL,\s+doc jsonb NOT NULL,\s+last_position bigint NOT NULL/,
    );
  });

  it('refuse names that cannot be table names, and timestamps TypeORM cannot read', () => {
    expect(() => projectionTableMigration('Engagement; DROP TABLE x', 1764000000123)).toThrow(/must match/);
    expect(() => projectionTableMigration('a'.repeat(37), 1764000000123)).toThrow(/must match/);
    expect(() => projectionTableMigration('engagement', 17640000)).toThrow(/13 digits/);
  });
});
