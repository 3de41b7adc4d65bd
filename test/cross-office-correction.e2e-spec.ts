import { startApp, type RunningApp } from './app-harness.js';
import { ORG, twoOfficeTokens } from './fixtures.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * A contact by an advisor of 5001 with an employer whose home office is 0314 counts at 0314 too
 * (`contactsFromOtherOffices`), and may answer an inquiry at 5001. Run A records such contacts in
 * error and corrects them; run B (another app, another database) never records them. Every view
 * of both offices must then answer in A what it answers in B, live and replayed as of a moment.
 * Idempotency-Keys make the ids the same in both runs.
 */
describe('correcting a contact that counted at another office and answered an inquiry (PostgreSQL)', () => {
  let a: RunningApp;
  let b: RunningApp;
  const tokens = new Map<RunningApp, Record<string, string>>();
  const last = new Map<RunningApp, number>();
  const started = Date.now();
  const daysAgo = (days: number) => new Date(started - days * DAY - 12 * HOUR).toISOString();
  const period = `from=${daysAgo(90).slice(0, 7)}&to=${new Date(started).toISOString().slice(0, 7)}`;
  const views = [
    ...['0314', '5001'].flatMap((o) => [`offices/${o}/engagement?${period}`, `offices/${o}/employers?sort=contacts`]),
    `offices/5001/inquiries?${period}`,
    'offices/5001/inquiries/overdue',
    `offices?${period}`,
  ];

  const post = async (run: RunningApp, office: string, path: string, body: object, key: string) => {
    const response = await run.http
      .post(`/api/v1/offices/${office}/${path}`)
      .set('authorization', `Bearer ${tokens.get(run)![office]}`)
      .set('idempotency-key', key)
      .send(body);
    expect([path, response.status, response.body]).toEqual([path, 201, expect.anything()]);
    last.set(run, Math.max(last.get(run) ?? 0, response.body.position));
    return response.body as { id: string; streamId: string; revision: number; position: number };
  };
  const get = async (run: RunningApp, path: string, query = `minPosition=${last.get(run) ?? 0}`) =>
    (
      await run.http
        .get(`/api/v1/${path}${path.includes('?') ? '&' : '?'}${query}`)
        .set('authorization', `Bearer ${tokens.get(run)!.manager}`)
        .expect(200)
    ).body as Record<string, unknown>;
  /** The figures: not the position, nor the moment the answer was made (the runs differ by seconds). */
  const figures = ({ position: _p, asOf: _a, asOfPosition: _ap, now: _n, ...rest }: Record<string, unknown>) =>
    JSON.parse(JSON.stringify(rest, (key, value: unknown) => (key === 'hoursOverdue' ? undefined : value))) as Record<string, unknown>;
  // One view after the other: as-of replays run side by side only up to ASOF_REPLAYS_MAX, the rest are refused.
  const everyView = async (run: RunningApp, query?: string) => {
    const answers: Record<string, unknown>[] = [];
    for (const view of views) answers.push(figures(await get(run, view, query)));
    return answers;
  };

  /** The shared history; with `inError`, 5001's contacts in error too. Returns those contacts. */
  async function record(run: RunningApp, inError: boolean) {
    const contact = (office: string, key: string, days: number, inquiryId?: string) =>
      post(
        run,
        office,
        'employer-contacts',
        { orgNumber: ORG.builder, channel: 'PHONE', theme: 'RECRUITMENT', occurredAt: daysAgo(days), ...(inquiryId ? { inquiryId } : {}) },
        key,
      );
    const inquiry = (key: string, days: number) =>
      post(
        run,
        '5001',
        'inquiries',
        { orgNumber: ORG.builder, source: 'CONTACT_FORM', theme: 'RECRUITMENT', receivedAt: daysAgo(days) },
        key,
      );
    // 0314 contacts the builder first: it is the builder's home office.
    await contact('0314', 'home', 60);
    const i1 = await inquiry('i1', 40);
    const i2 = await inquiry('i2', 30);
    const i3 = await inquiry('i3', 20);
    const wrong: { id: string; revision: number }[] = [];
    // i1: answered only by a contact in error, taken afterwards (so it is open again, with its advisor).
    if (inError) wrong.push(await contact('5001', 'wrong-1', 39, i1.id));
    await post(run, '5001', `inquiries/${i1.id}/take`, {}, 'take-1');
    // i2: answered first by a contact in error, then by a right one.
    if (inError) wrong.push(await contact('5001', 'wrong-2', 29, i2.id));
    await contact('5001', 'right-2', 27, i2.id);
    // i3: answered by a contact in error, then closed: answered at the closing.
    if (inError) wrong.push(await contact('5001', 'wrong-3', 19, i3.id));
    await post(run, '5001', `inquiries/${i3.id}/close`, { reason: 'CONTACTED_NO_NEED', occurredAt: daysAgo(18) }, 'close-3');
    return wrong;
  }

  let wrong: { id: string; revision: number }[];
  let before: Record<string, unknown>[];
  let positionBefore = 0;

  beforeAll(async () => {
    [a, b] = await Promise.all([startApp(), startApp()]);
    for (const run of [a, b]) tokens.set(run, await twoOfficeTokens(run.tokenFor));
    wrong = await record(a, true);
    await record(b, false);
    before = await everyView(a);
    positionBefore = last.get(a)!;
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('takes the contacts back at both offices and at their inquiries: every view answers as if they were never recorded', async () => {
    const never = await everyView(b);
    // Before the corrections, the home office counted them and the inquiries were answered by them.
    expect(before).not.toEqual(never);
    const fromOthers = (views: Record<string, unknown>[]) =>
      (views[0]!.months as { contactsFromOtherOffices: number }[]).reduce((sum, m) => sum + m.contactsFromOtherOffices, 0);
    expect([fromOthers(before), fromOthers(never)]).toEqual([4, 1]);
    for (const [n, contact] of wrong.entries()) {
      await post(a, '5001', `employer-contacts/${contact.id}/correction`, { orgNumber: ORG.builder, reason: 'WRONG_EMPLOYER' }, `fix-${n}`);
    }
    const corrected = await everyView(a);
    views.forEach((view, n) => expect([view, corrected[n]]).toEqual([view, never[n]]));
    // i1 is open again, overdue, with the advisor who took it.
    const overdue = corrected[5]!.inquiries as { responsible: string | null }[];
    expect(overdue).toEqual([expect.objectContaining({ responsible: 'Z500001' })]);
  });

  it('replays each view as of a moment before and after the corrections as it was live then', async () => {
    const asOfBefore = await everyView(a, `asOfPosition=${positionBefore}`);
    views.forEach((view, n) => expect([view, asOfBefore[n]]).toEqual([view, before[n]]));
    const after = await everyView(a);
    const asOfAfter = await everyView(a, `asOfPosition=${last.get(a)!}`);
    views.forEach((view, n) => expect([view, asOfAfter[n]]).toEqual([view, after[n]]));
  });

  it("writes the home office's part into its own log, in the same append as the correction", async () => {
    const auditor = await a.tokenFor({ navIdent: 'A123456', roles: ['auditor'], offices: [] });
    type Logged = {
      type: string;
      recordedAt: string;
      metadata: { commandId: string };
      data: { contactId: string; byOfficeNumber?: string };
    };
    const history = async (office: string, types: string) =>
      (await a.http.get(`/api/v1/offices/${office}/history?types=${types}&limit=100`).set('authorization', `Bearer ${auditor}`).expect(200))
        .body.events as Logged[];
    const told = await history('0314', 'EmployerContactByOtherOfficeCorrected');
    expect(told.map((e) => [e.data.contactId, e.data.byOfficeNumber])).toEqual(wrong.map((c) => [c.id, '5001']));
    const own = await history('5001', 'EmployerContactCorrected,InquiryAnswerCorrected');
    // Each correction is one append of three parts: one command, one instant.
    const append = (e: Logged) => [e.data.contactId, e.metadata.commandId, e.recordedAt];
    for (const event of told) {
      const parts = own.filter((e) => e.data.contactId === event.data.contactId);
      expect(parts.map((e) => e.type).sort()).toEqual(['EmployerContactCorrected', 'InquiryAnswerCorrected']);
      expect(parts.map(append)).toEqual([append(event), append(event)]);
    }
  });
});
