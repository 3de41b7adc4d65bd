import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@app/event-store';
import { EVENT_STORE } from '@app/event-store';
import { startApp, type RunningApp } from '../../test/app-harness.js';
import { advisor, auditor, manager } from '../../test/fixtures.js';

/** A well-formed current-version event of `office`, appended straight to the store (no command). */
const contacted = (office: string, n: number): NewEvent => ({
  type: 'EmployerContacted',
  data: {
    contactId: randomUUID(),
    orgNumber: '974760673',
    channel: 'PHONE',
    theme: 'RECRUITMENT',
    occurredAt: '2026-03-01T10:00:00Z',
    navIdent: 'Z123456',
    n,
  },
  metadata: {
    actor: 'Z123456',
    officeNumber: office,
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    schemaVersion: 2,
  },
});
const needRegistered = (office: string, n: number): NewEvent => ({
  type: 'RecruitmentNeedRegistered',
  data: {
    needId: randomUUID(),
    orgNumber: '974760673',
    positions: 1,
    occupation: 'snekker',
    occurredAt: '2026-03-01T10:00:00Z',
    navIdent: 'Z123456',
    n,
  },
  metadata: { ...contacted(office, n).metadata, schemaVersion: 1 },
});

describe('office history over HTTP', () => {
  let running: RunningApp;
  let store: EventStore;
  let managerToken: string;

  beforeAll(async () => {
    running = await startApp();
    store = running.app.get(EVENT_STORE);
    managerToken = await running.tokenFor(manager('0314'));
  });
  afterAll(async () => {
    await running.close();
  });

  const history = (office: string, query: Record<string, string | number> = {}, token = managerToken) =>
    running.http
      .get(`/api/v1/offices/${office}/history`)
      .query(query)
      .set({ authorization: `Bearer ${token}` });

  /** Every page from the start, following `next`; the positions seen, in the order seen. */
  const walk = async (office: string, limit: number, stopAfter = Number.POSITIVE_INFINITY) => {
    const positions: number[] = [];
    let after: number | null = null;
    do {
      const query: Record<string, number> = after === null ? { limit } : { limit, after };
      const response: { body: { events: { position: number; streamId: string }[]; next: number | null } } = await history(
        office,
        query,
      ).expect(200);
      expect(response.body.events.length).toBeLessThanOrEqual(limit);
      expect(response.body.events.every((e) => e.streamId.startsWith(`office-${office}.`))).toBe(true);
      positions.push(...response.body.events.map((e) => e.position));
      after = response.body.next;
      if (after !== null) expect(after).toBe(positions[positions.length - 1]);
    } while (after !== null && positions.length < stopAfter);
    return positions;
  };

  describe('paging over 10,000 events of one office, mixed with other offices', () => {
    const expected: number[] = [];
    beforeAll(async () => {
      for (let batch = 0; batch < 200; batch++) {
        const ours = Array.from({ length: 50 }, (_, i) => contacted('0314', batch * 50 + i));
        const result = await store.append(`office-0314.employer-${batch}`, ours);
        expected.push(...result.events.map((e) => e.position));
        await store.append(`office-5001.employer-${batch}`, [contacted('5001', batch), contacted('5001', batch)]);
        await store.append(`office-03140.employer-${batch}`, [contacted('0314', batch)]);
      }
    }, 120_000);

    it.each([7, 100, 1000])(
      'returns each event exactly once, in global order, with pages of %i',
      async (limit) => {
        expect(await walk('0314', limit)).toEqual(expected);
      },
      120_000,
    );

    it('returns the first 300 events exactly once, in order, with pages of 1 (a window, as 10,000 requests take too long)', async () => {
      expect(await walk('0314', 1, 300)).toEqual(expected.slice(0, 300));
    }, 60_000);

    it('answers the last page with next null, and a page after the end empty with next null', async () => {
      const last = await history('0314', { after: expected[expected.length - 4]!, limit: 3 }).expect(200);
      expect(last.body.events.map((e: { position: number }) => e.position)).toEqual(expected.slice(-3));
      expect(last.body.next).toBeNull();
      const beyond = await history('0314', { after: expected[expected.length - 1]! }).expect(200);
      expect(beyond.body).toEqual({ officeNumber: '0314', events: [], next: null });
    });

    it("refuses a cursor that is no event's position with 400, not 500", async () => {
      const response = await history('0314', { after: expected[expected.length - 1]! + 1_000_000 }).expect(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION.FAILED', errors: [{ path: 'after' }] });
    });

    it('pages 100 events by default', async () => {
      const response = await history('0314').expect(200);
      expect(response.body.events).toHaveLength(100);
      expect(response.body.next).toBe(expected[99]);
    });
  });

  it('shows each event with its contract fields', async () => {
    const event = contacted('1201', 1);
    const appended = await store.append('office-1201.employer-974760673', [event]);
    const response = await history('1201', {}, await running.tokenFor(manager('1201'))).expect(200);
    expect(response.body).toEqual({
      officeNumber: '1201',
      events: [
        {
          position: appended.position,
          streamId: 'office-1201.employer-974760673',
          revision: 0,
          type: 'EmployerContacted',
          // Stored as v2, shown as v3: contacts recorded before services have none.
          data: { ...(event.data as object), service: null },
          metadata: {
            actor: 'Z123456',
            commandId: event.metadata.commandId,
            correlationId: event.metadata.correlationId,
            causationId: event.metadata.causationId,
            schemaVersion: 3,
            storedSchemaVersion: 2,
          },
          recordedAt: appended.events[0]!.recordedAt,
        },
      ],
      next: null,
    });
  });

  it('filters by event type', async () => {
    const token = await running.tokenFor(auditor());
    await store.append('office-1202.employer-974760673', [contacted('1202', 1), contacted('1202', 2)]);
    const need = await store.append(`office-1202.need-${randomUUID()}`, [needRegistered('1202', 3)]);
    const needs = await history('1202', { types: 'RecruitmentNeedRegistered' }, token).expect(200);
    expect(needs.body.events.map((e: { position: number }) => e.position)).toEqual([need.position]);
    const both = await history('1202', { types: 'RecruitmentNeedRegistered,EmployerContacted', limit: 2 }, token).expect(200);
    expect(both.body.events.map((e: { type: string }) => e.type)).toEqual(['EmployerContacted', 'EmployerContacted']);
    expect(both.body.next).not.toBeNull();
  });

  it('filters by recorded time: from inclusive, to exclusive, dates as whole UTC days', async () => {
    const token = await running.tokenFor(auditor());
    const times: string[] = [];
    for (let n = 0; n < 3; n++) {
      times.push((await store.append(`office-1203.employer-${n}`, [contacted('1203', n)])).events[0]!.recordedAt);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const ns = (response: { body: { events: { data: { n: number } }[] } }) => response.body.events.map((e) => e.data.n);
    expect(ns(await history('1203', { from: times[1]! }, token).expect(200))).toEqual([1, 2]);
    expect(ns(await history('1203', { to: times[1]! }, token).expect(200))).toEqual([0]);
    // The same instant in another offset; a window past the first event still fills the page.
    const oslo = new Date(Date.parse(times[1]!) + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
    expect(ns(await history('1203', { from: oslo, to: times[2]!, limit: 1 }, token).expect(200))).toEqual([1]);
    // The UTC days of the first and last event: the same day, or two when the appends straddle midnight.
    const firstDay = times[0]!.slice(0, 10);
    const lastDay = times[2]!.slice(0, 10);
    const dayAfter = (day: string) => new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);
    expect(ns(await history('1203', { from: firstDay, to: lastDay }, token).expect(200))).toEqual([0, 1, 2]);
    expect(ns(await history('1203', { from: dayAfter(lastDay) }, token).expect(200))).toEqual([]);
    expect(ns(await history('1203', { to: '2000-01-01' }, token).expect(200))).toEqual([]);
  });

  it('lists every bad or unknown query parameter at once (400 problem+json)', async () => {
    const response = await history('0314', {
      limit: 1001,
      after: 'x',
      types: 'Nope',
      from: '2026-05-01T10:00',
      to: 'soon',
      page: 2,
    }).expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['after', 'from', 'limit', 'page', 'to', 'types']);
    await history('0314', { limit: 0 }).expect(400);
    await history('0314', { limit: 1000 }).expect(200);
    await history('0314', { limit: 1 }).expect(200);
    await history('0314', { from: '2026-05-02', to: '2026-05-01' }).expect(400);
  });

  it('needs a valid token (401), and a manager of the office or an auditor (403)', async () => {
    await running.http.get('/api/v1/offices/0314/history').expect(401);
    await history('0314', {}, 'not.a.jwt').expect(401);
    const otherOffice = await history('0314', {}, await running.tokenFor(manager('5001'))).expect(403);
    expect(otherOffice.body).toMatchObject({ status: 403, code: 'AUTH.FORBIDDEN' });
    await history('0314', {}, await running.tokenFor(advisor('0314'))).expect(403);
    await history('5001', { limit: 1 }, await running.tokenFor(auditor())).expect(200);
  });

  it('documents the history and access log routes with their parameters in OpenAPI', async () => {
    const { body } = await running.http.get('/docs-json').expect(200);
    const parameters = (path: string) => body.paths[path].get.parameters.map((p: { name: string }) => p.name).sort();
    expect(parameters('/api/v1/offices/{officeNumber}/history')).toEqual(['after', 'from', 'limit', 'officeNumber', 'to', 'types']);
    expect(parameters('/api/v1/access-log')).toEqual(['after', 'from', 'limit', 'office', 'to']);
    expect(body.paths['/api/v1/offices/{officeNumber}/history'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/OfficeHistory',
    });
    // OpenAPI 3.1: null is a type of its own, no `nullable`.
    expect(body.components.schemas.OfficeHistory.properties.next.anyOf).toContainEqual({ type: 'null' });
  });
});
