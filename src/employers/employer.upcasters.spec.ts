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

  it('reads a v1 contact without a theme as v2 general outreach', () => {
    const upcast = registry.upcast(contact(1, {}));
    expect(upcast.data).toMatchObject({ theme: 'GENERAL_OUTREACH', channel: 'PHONE', orgNumber: '974760673' });
    expect(upcast.metadata).toMatchObject({ schemaVersion: 2, storedSchemaVersion: 1 });
  });

  it('keeps the theme of a v1 contact that has one', () => {
    expect(registry.upcast(contact(1, { theme: 'RECRUITMENT' })).data).toMatchObject({ theme: 'RECRUITMENT' });
  });

  it('reads a v2 contact as stored, and refuses a v3 one', () => {
    const v2 = contact(2, { theme: 'SURVEY' });
    expect(registry.upcast(v2)).toBe(v2);
    expect(() => registry.upcast(contact(3, { theme: 'SURVEY' }))).toThrow('this code knows up to 2');
  });
});
