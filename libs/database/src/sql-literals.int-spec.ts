import fc from 'fast-check';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { sqlInteger, sqlLiteral, sqlTextArray } from './sql-literals.js';

/** Any text PostgreSQL can hold, weighted towards what a literal must escape. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary' }).map((s) => s.replace(/\0/g, '')),
  fc
    .array(fc.constantFrom("'", '\\', "''", '\\\\', "E'", '$$', '"', ';', '--', '/*', 'ø', '😀', "'); DROP TABLE t; --"), { maxLength: 12 })
    .map((parts) => parts.join('')),
);

describe('SQL literals, read back by PostgreSQL', () => {
  let db: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase('sql_literals');
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it.each(['on', 'off'])('reads back any text as it was, with standard_conforming_strings %s', async (setting) => {
    await client.query(`SET standard_conforming_strings TO ${setting}`);
    await fc.assert(
      fc.asyncProperty(hostileText, async (text) => {
        const { rows } = await client.query(`SELECT ${sqlLiteral(text)}::text AS v`);
        expect(rows).toEqual([{ v: text }]);
      }),
      { numRuns: 300 },
    );
    await client.query('RESET standard_conforming_strings');
  });

  it('writes what the driver writes', () => {
    fc.assert(
      fc.property(hostileText, (text) => expect(sqlLiteral(text)).toBe(pg.escapeLiteral(text))),
      { numRuns: 1000 },
    );
  });

  it('reads back an array of texts in order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileText, { maxLength: 8 }), async (texts) => {
        const { rows } = await client.query(`SELECT ${sqlTextArray(texts)} AS v`);
        expect(rows).toEqual([{ v: texts }]);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses what it cannot write', () => {
    expect(() => sqlLiteral('a\0b')).toThrow(/NUL/);
    for (const bad of [1.5, Number.NaN, Infinity, 2 ** 60]) expect(() => sqlInteger(bad)).toThrow(/not an integer/);
    expect(sqlInteger(-42)).toBe('-42');
  });
});
