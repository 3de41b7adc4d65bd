import fc from 'fast-check';
import type { EventStore } from '@app/event-store';
import { EVENT_STORE } from '@app/event-store';
import { startApp, type RunningApp } from './app-harness.js';
import { advisor, auditor, manager, ORG, recently } from './fixtures.js';
import { badQueryValue, badValue, resolve, unknownName } from './fuzz/fuzz-inputs.js';
import { bodyOf, COMMAND_ROUTES, QUERY_ROUTES } from './fuzz/fuzz-routes.js';

/**
 * Issue 12: hostile input on every command and view route, on PostgreSQL (where NUL once became a
 * 500). Never a 5xx; a 400 names every field it refuses; nothing is appended; the app stays healthy.
 * Runs are bounded so the file takes well under a minute on two cores.
 */
describe('fuzzed input (PostgreSQL)', () => {
  let running: RunningApp;
  let store: EventStore;
  let head: number;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    running = await startApp({ EVENT_STORE: 'postgres' });
    store = running.app.get(EVENT_STORE);
    tokens.advisor = await running.tokenFor(advisor('0314'));
    tokens.manager = await running.tokenFor(manager('0314'));
    tokens.auditor = await running.tokenFor(auditor());
    tokens.admin = await running.tokenFor({ navIdent: 'X123456', roles: ['admin'], offices: [] });
    await post(COMMAND_ROUTES[0]!.path).send({ orgNumber: ORG.builder, channel: 'PHONE', theme: 'RECRUITMENT', occurredAt: recently() }).expect(201);
    head = await store.headPosition();
  });
  afterAll(async () => {
    await running.close();
  });

  const post = (path: string) => running.http.post(path).set('authorization', `Bearer ${tokens.advisor}`);
  const pathsOf = (body: { errors?: { path: string }[] }) => new Set((body.errors ?? []).map((e) => e.path));
  const expectNothingAppended = async () => expect(await store.headPosition()).toBe(head);

  it('refuses every command body with refused fields, naming each of them', async () => {
    const mutation = fc.constantFrom(...COMMAND_ROUTES).chain((route) =>
      fc.record({
        route: fc.constant(route),
        changes: fc.uniqueArray(fc.constantFrom(...Object.keys(route.fields)), { minLength: 1, maxLength: 3 }).chain((names) =>
          fc.tuple(...names.map((name) => (route.required.includes(name) ? fc.oneof(badValue(route.fields[name]!), fc.constant(undefined)) : badValue(route.fields[name]!))))
            .map((values) => Object.fromEntries(names.map((name, i) => [name, resolve(values[i])]))),
        ),
        extras: fc.uniqueArray(unknownName, { maxLength: 2, selector: (u) => u.name }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async ({ route, changes, extras }) => {
        const body = { ...bodyOf(route, changes), ...Object.fromEntries(extras.map((u) => [u.name, 1])) };
        const response = await post(route.path).send(body);
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        const paths = pathsOf(response.body);
        for (const name of [...Object.keys(changes), ...extras.map((u) => u.shown)]) expect(paths).toContain(name);
        await expectNothingAppended();
      }),
      { numRuns: 250 },
    );
  });

  it('answers malformed JSON, any other JSON, deep nesting, wrong content types and oversized bodies with a 4xx', async () => {
    const raw = fc.oneof(
      fc.string({ maxLength: 40 }).map((s) => ({ type: 'application/json', text: `{${s}` })),
      fc.jsonValue({ maxDepth: 4 }).map((v) => ({ type: 'application/json', text: JSON.stringify(v) })),
      fc.integer({ min: 100, max: 40_000 }).map((n) => ({ type: 'application/json', text: `${'['.repeat(n)}${']'.repeat(n)}` })),
      fc.integer({ min: 100, max: 40_000 }).map((n) => ({ type: 'application/json', text: `${'{"a":'.repeat(n)}1${'}'.repeat(n)}` })),
      fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x')
        .map((type) => ({ type, text: type.includes('urlencoded') ? 'orgNumber=974760673&occurredAt=x' : '{"orgNumber":"974760673"}' })),
      fc.integer({ min: 110_000, max: 300_000 }).map((n) => ({ type: 'application/json', text: JSON.stringify({ note: 'x'.repeat(n) }) })),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COMMAND_ROUTES), raw, async (route, { type, text }) => {
        const response = await post(route.path).set('content-type', type).send(text);
        expect([400, 413, 415]).toContain(response.status);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        await expectNothingAppended();
      }),
      { numRuns: 120 },
    );
  });

  it('refuses every view and audit query with refused parameters, naming each of them', async () => {
    const query = fc.constantFrom(...QUERY_ROUTES).chain((route) =>
      fc.record({
        route: fc.constant(route),
        bad: fc.uniqueArray(fc.constantFrom(...Object.keys(route.params)), { minLength: 1, maxLength: 3 }).chain((names) =>
          fc.tuple(...names.map((name) => badQueryValue(route.params[name]!))).map((values) => Object.fromEntries(names.map((name, i) => [name, values[i]]))),
        ),
        extras: fc.uniqueArray(unknownName, { maxLength: 2, selector: (u) => u.name }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(query, async ({ route, bad, extras }) => {
        const params = { ...bad, ...Object.fromEntries(extras.map((u) => [u.name, '1'])) };
        const response = await running.http.get(route.path).query(params).set('authorization', `Bearer ${tokens[route.as]}`);
        expect(response.status).toBe(400);
        const paths = pathsOf(response.body);
        for (const name of [...Object.keys(bad), ...extras.map((u) => u.shown)]) expect(paths).toContain(name);
        expect(response.text).not.toContain('13097248022');
      }),
      { numRuns: 250 },
    );
  });

  it('never answers a 5xx to any text in any parameter or correlation header', async () => {
    const anyText = fc.oneof(fc.string({ maxLength: 30 }), fc.stringMatching(/^-?\d{1,25}(\.\d{1,3})?$/), fc.constantFrom('0000-01-01', '9999-12-31T23:59:59Z', '2026-05'));
    const query = fc.constantFrom(...QUERY_ROUTES).chain((route) =>
      fc.record({
        route: fc.constant(route),
        // minPosition is left out: a valid one waits up to 5 s for a position that may never come (503 by design).
        params: fc.dictionary(fc.constantFrom(...Object.keys(route.params).filter((p) => p !== 'minPosition')), anyText, { maxKeys: 3 }),
        correlation: fc.oneof(fc.string({ maxLength: 40 }).filter((s) => /^[\x20-\x7e]*$/.test(s)), fc.uuid()),
      }),
    );
    await fc.assert(
      fc.asyncProperty(query, async ({ route, params, correlation }) => {
        const response = await running.http.get(route.path).query(params).set({ authorization: `Bearer ${tokens[route.as]}`, 'x-correlation-id': correlation });
        expect(response.status).toBeLessThan(500);
        if (response.status === 400) expect(response.body.errors?.length ?? 0).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
    await expectNothingAppended();
  });

  it('is healthy afterwards, and takes a valid command', async () => {
    expect((await running.http.get('/health').expect(200)).body).toEqual({ status: 'ok', database: 'up', eventStore: 'up' });
    const accepted = await post(COMMAND_ROUTES[0]!.path).send({ orgNumber: ORG.nav, channel: 'VISIT', theme: 'RECRUITMENT', occurredAt: recently() }).expect(201);
    expect(accepted.body.position).toBeGreaterThan(head);
  });
});
