import { eventUpcasters } from '../infrastructure/event-upcasters.js';
import type { RecordedEvent } from '@app/event-store';

const contact = (schemaVersion: number, data: Record<string, unknown>): RecordedEvent => ({
  id: '00000000-0000-7000-8000-000000000001',
  type: 'EmployerContacted',
  data: { contactId: 'k1', orgNumber: '974760673', channel: 'PHONE', occurredAt: '2024-03-01T10:00:00Z', navIdent: 'Z123456', ...data },
  metadata: { actor: 'Z123456', officeNumber: '0314', commandId: 'c', correlationId: 'c', causationId: 'c', schemaVersion },
  streamId: 'office-0314.employer-974760673',
  revision: 0,
  position: 1,
  recordedAt: '2024-03-01T10:00:01.000Z',
});

describe('EmployerContacted versions', () => {
  const registry = eventUpcasters();

  it('reads a v1 contact without a theme as general outreach with no service (v3)', () => {
    const upcast = registry.upcast(contact(1, {}));
    expect(upcast.data).toMatchObject({ theme: 'GENERAL_OUTREACH', service: null, channel: 'PHONE', orgNumber: '974760673' });
    expect(upcast.metadata).toMatchObject({ schemaVersion: 3, storedSchemaVersion: 1 });
  });

  it('keeps the theme of a v1 contact that has one', () => {
    expect(registry.upcast(contact(1, { theme: 'RECRUITMENT' })).data).toMatchObject({ theme: 'RECRUITMENT' });
  });

  it('reads a v2 contact as v3 with service null, keeping every other field', () => {
    const upcast = registry.upcast(contact(2, { theme: 'SURVEY', note: 'ok' }));
    expect(upcast.data).toEqual({ ...(contact(2, { theme: 'SURVEY', note: 'ok' }).data as object), service: null });
    expect(upcast.metadata).toMatchObject({ schemaVersion: 3, storedSchemaVersion: 2 });
  });

  it('reads a v3 contact as stored, and refuses a v4 one', () => {
    const v3 = contact(3, { theme: 'RECRUITMENT', service: 'JOB_FAIR' });
    expect(registry.upcast(v3)).toBe(v3);
    expect(() => registry.upcast(contact(4, { theme: 'SURVEY' }))).toThrow('this code knows up to 3');
  });
});
