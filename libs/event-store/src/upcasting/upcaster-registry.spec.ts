import type { RecordedEvent } from '../event-envelope.js';
import { UpcasterRegistry, type Upcaster } from './upcaster-registry.js';
import { EventNewerThanCode, MissingUpcaster, UpcasterConflict } from './upcasting.errors.js';

const stored = (type: string, schemaVersion: number, data: unknown): RecordedEvent => ({
  id: '00000000-0000-7000-8000-000000000001',
  type,
  data,
  metadata: { actor: 'Z123456', officeNumber: '0314', commandId: 'c', correlationId: 'c', causationId: 'c', schemaVersion },
  streamId: 'office-0314.employer-974760673',
  revision: 0,
  position: 42,
  recordedAt: '2026-05-01T10:00:00.000Z',
});

const versions: Record<string, number> = { Renamed: 3, Stable: 1 };
const currentVersionOf = (type: string) => versions[type] ?? 1;
const chain: Upcaster[] = [
  { type: 'Renamed', fromVersion: 1, upcast: (d) => ({ ...(d as object), addedInV2: 'default' }) },
  { type: 'Renamed', fromVersion: 2, upcast: ({ old, ...rest }: Record<string, unknown>) => ({ ...rest, renamed: old }) },
];

describe('upcaster registry', () => {
  const registry = new UpcasterRegistry(currentVersionOf, chain);

  it('walks an old event up every step to the current version, and says which version was stored', () => {
    const upcast = registry.upcast(stored('Renamed', 1, { old: 'x' }));
    expect(upcast.data).toEqual({ addedInV2: 'default', renamed: 'x' });
    expect(upcast.metadata).toMatchObject({ schemaVersion: 3, storedSchemaVersion: 1 });
    expect(upcast).toMatchObject({ type: 'Renamed', position: 42, revision: 0, recordedAt: '2026-05-01T10:00:00.000Z' });
  });

  it('starts the walk at the stored version', () => {
    expect(registry.upcast(stored('Renamed', 2, { old: 'y', addedInV2: 'kept' })).data).toEqual({ addedInV2: 'kept', renamed: 'y' });
  });

  it('hands an event already in its current version back untouched', () => {
    const current = stored('Renamed', 3, { renamed: 'z' });
    expect(registry.upcast(current)).toBe(current);
    const stable = stored('Stable', 1, { n: 1 });
    expect(registry.upcast(stable)).toBe(stable);
  });

  it('leaves the stored event as it was (upcasting is on the way out only)', () => {
    const old = stored('Renamed', 1, { old: 'x' });
    registry.upcast(old);
    expect(old).toEqual(stored('Renamed', 1, { old: 'x' }));
  });

  it('fails loudly on an event newer than the code, instead of misreading it', () => {
    expect(() => registry.upcast(stored('Stable', 2, { n: 1 }))).toThrow(EventNewerThanCode);
    expect(() => registry.upcast(stored('Renamed', 4, {}))).toThrow('Renamed at position 42 has schema version 4; this code knows up to 3');
  });

  it('fails on a schema version that is no version at all', () => {
    expect(() => registry.upcast(stored('Renamed', 0, {}))).toThrow(EventNewerThanCode);
    expect(() => registry.upcast(stored('Renamed', 1.5, {}))).toThrow(EventNewerThanCode);
  });

  it('fails on an old event with a missing step, and finds the gap at start when asked', () => {
    const gappy = new UpcasterRegistry(currentVersionOf, [chain[1]!]);
    expect(() => gappy.upcast(stored('Renamed', 1, { old: 'x' }))).toThrow(MissingUpcaster);
    expect(() => gappy.assertComplete(['Renamed', 'Stable'])).toThrow('No upcaster for Renamed from version 1 to 2');
    expect(() => registry.assertComplete(['Renamed', 'Stable'])).not.toThrow();
  });

  it('refuses two upcasters for one step, and one leading past the current version', () => {
    expect(() => new UpcasterRegistry(currentVersionOf, [chain[0]!, chain[0]!])).toThrow(UpcasterConflict);
    expect(() => new UpcasterRegistry(currentVersionOf, [{ type: 'Stable', fromVersion: 1, upcast: (d) => d }])).toThrow(UpcasterConflict);
  });
});
