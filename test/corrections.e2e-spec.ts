import { startApp, type RunningApp } from './app-harness.js';
import { ORG, twoOfficeTokens } from './fixtures.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const ref = (n: number) => n.toString(16).padStart(64, '0');

/**
 * Corrections over HTTP on PostgreSQL, each kind of them: run A records a history with steps
 * registered in error and then corrects them; run B (another app, another database) records the
 * same history without those steps. Every view of A must then answer figure for figure what B
 * answers. Commands carry Idempotency-Keys, so both runs make the same case, contact and need ids.
 * Every occurredAt lies a whole number of days plus 12 hours back, so day counts agree between runs.
 */
describe('corrections (PostgreSQL)', () => {
  let a: RunningApp;
  let b: RunningApp;
  const tokens = new Map<RunningApp, Record<string, string>>();
  const started = Date.now();
  const daysAgo = (days: number) => new Date(started - days * DAY - 12 * HOUR).toISOString();
  const period = `from=${daysAgo(400).slice(0, 7)}&to=${new Date(started).toISOString().slice(0, 7)}`;
  const views: [path: string, reader: 'manager' | 'auditor'][] = [
    ...['0314', '5001'].flatMap((o): [string, 'manager'][] => [
      [`offices/${o}/engagement?${period}`, 'manager'],
      [`offices/${o}/outcomes?${period}`, 'manager'],
      [`offices/${o}/follow-up-gaps?days=30`, 'manager'],
      [`offices/${o}/follow-up-gaps?days=3`, 'manager'],
      [`offices/${o}/employers?sort=lastContact`, 'manager'],
      [`offices/${o}/employers?sort=placements`, 'manager'],
      [`offices/${o}/employers?sort=contacts`, 'manager'],
    ]),
    [`offices?${period}`, 'auditor'],
    [`providers?${period}`, 'auditor'],
  ];
  const last = new Map<RunningApp, number>();

  const send = (run: RunningApp, office: string, path: string, body: object, key?: string, ifMatch?: number) => {
    let call = run.http.post(`/api/v1/offices/${office}/${path}`).set('authorization', `Bearer ${tokens.get(run)![office]}`);
    if (key) call = call.set('idempotency-key', key);
    if (ifMatch !== undefined) call = call.set('if-match', `"${ifMatch}"`);
    return call.send(body);
  };
  const post = async (run: RunningApp, office: string, path: string, body: object, key: string) => {
    const response = await send(run, office, path, body, key);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    last.set(run, Math.max(last.get(run) ?? 0, response.body.position));
    return response.body as { id: string; streamId: string; revision: number; position: number };
  };
  const get = async (run: RunningApp, path: string, reader: string, query = `minPosition=${last.get(run) ?? 0}`) =>
    (
      await run.http
        .get(`/api/v1/${path}${path.includes('?') ? '&' : '?'}${query}`)
        .set('authorization', `Bearer ${tokens.get(run)![reader]}`)
        .expect(200)
    ).body as Record<string, unknown>;
  /** The figures: not the position, nor subject ids, which are random in each run. */
  const figures = ({ position: _p, asOf: _a, asOfPosition: _ap, ...rest }: Record<string, unknown>) =>
    JSON.parse(JSON.stringify(rest, (key, value: unknown) => (key === 'subjectId' ? undefined : value))) as Record<string, unknown>;
  // One at a time: as-of replays beyond ASOF_REPLAYS_MAX (2) at once would be refused.
  const everyView = async (run: RunningApp, query?: string) => {
    const answers = [];
    for (const [path, reader] of views) answers.push(figures(await get(run, path, reader, query)));
    return answers;
  };

  /** The shared history; with `inError`, the steps registered in error too. Returns what A must correct. */
  async function record(run: RunningApp, inError: boolean) {
    const wrong: Record<string, { id: string; streamId: string; revision: number }> = {};
    const enrol = (key: string, office: string, n: number, mode: 'IN_HOUSE' | 'EXTERNAL', days: number) =>
      post(
        run,
        office,
        'cases',
        {
          clientRef: ref(n),
          needGroup: 'SITUATIONAL',
          followUpMode: mode,
          occurredAt: daysAgo(days),
          ...(mode === 'EXTERNAL' ? { measureCode: 'INDOPPFAG', providerOrgNumber: ORG.nav } : { measureCode: 'INDJOBSTOT' }),
        },
        key,
      );
    await post(
      run,
      '0314',
      'employer-contacts',
      {
        orgNumber: ORG.builder,
        employerName: 'Byggmester AS',
        naceCode: '41.200',
        channel: 'VISIT',
        theme: 'RECRUITMENT',
        occurredAt: daysAgo(100),
      },
      'c1',
    );
    if (inError) {
      wrong.builderContact = await post(
        run,
        '0314',
        'employer-contacts',
        {
          orgNumber: ORG.builder,
          employerName: 'Feil Navn AS',
          naceCode: '47.110',
          channel: 'PHONE',
          theme: 'INCLUSION',
          occurredAt: daysAgo(30),
        },
        'c2',
      );
      wrong.shopContact = await post(
        run,
        '0314',
        'employer-contacts',
        { orgNumber: ORG.shop, channel: 'EMAIL', theme: 'RECRUITMENT', occurredAt: daysAgo(20) },
        'c3',
      );
    }
    await post(
      run,
      '0314',
      'recruitment-needs',
      { orgNumber: ORG.builder, positions: 2, occupation: 'tømrer', occurredAt: daysAgo(50) },
      'n1',
    );
    if (inError) {
      wrong.need = await post(
        run,
        '0314',
        'recruitment-needs',
        { orgNumber: ORG.shop, positions: 1, occupation: 'butikkmedarbeider', occurredAt: daysAgo(40) },
        'n2',
      );
      await post(run, '0314', `recruitment-needs/${wrong.need.id}/close`, { result: 'FILLED', occurredAt: daysAgo(10) }, 'n2-close');
    }
    // Case a: a placement and a follow-up in error; case b: placed at the shop (after contact only in A).
    const caseA = await enrol('a', '0314', 1, 'EXTERNAL', 80);
    await post(run, '0314', `cases/${caseA.id}/follow-ups`, { kind: 'PROVIDER_CONTACT', occurredAt: daysAgo(60) }, 'a-f1');
    if (inError) {
      wrong.followUp = await post(
        run,
        '0314',
        `cases/${caseA.id}/follow-ups`,
        { kind: 'PROVIDER_CONTACT', occurredAt: daysAgo(5) },
        'a-f2',
      );
      wrong.placement = await post(
        run,
        '0314',
        `cases/${caseA.id}/placement`,
        {
          orgNumber: ORG.builder,
          startDate: daysAgo(20).slice(0, 10),
          employmentPercent: 80,
          employmentType: 'PERMANENT',
          occurredAt: daysAgo(25),
        },
        'a-p',
      );
    }
    const caseB = await enrol('b', '0314', 2, 'IN_HOUSE', 70);
    await post(
      run,
      '0314',
      `cases/${caseB.id}/placement`,
      {
        orgNumber: ORG.shop,
        startDate: daysAgo(10).slice(0, 10),
        employmentPercent: 100,
        employmentType: 'TEMPORARY',
        occurredAt: daysAgo(15),
      },
      'b-p',
    );
    // Cases enrolled in error: one exited, one placed.
    if (inError) {
      wrong.caseC = await enrol('c', '0314', 3, 'EXTERNAL', 90);
      await post(run, '0314', `cases/${wrong.caseC.id}/exit`, { reason: 'MOVED', occurredAt: daysAgo(30) }, 'c-x');
      wrong.caseD = await enrol('d', '0314', 4, 'IN_HOUSE', 45);
      await post(
        run,
        '0314',
        `cases/${wrong.caseD.id}/placement`,
        {
          orgNumber: ORG.builder,
          startDate: daysAgo(19).slice(0, 10),
          employmentPercent: 50,
          employmentType: 'TEMPORARY',
          occurredAt: daysAgo(20),
        },
        'd-p',
      );
    }
    // Case e: an exit in error. Case t: a follow-up in error at 0314, then transferred to 5001.
    const caseE = await enrol('e', '0314', 5, 'EXTERNAL', 60);
    if (inError) wrong.exit = await post(run, '0314', `cases/${caseE.id}/exit`, { reason: 'NO_JOB', occurredAt: daysAgo(10) }, 'e-x');
    const caseT = await enrol('t', '0314', 6, 'EXTERNAL', 40);
    if (inError)
      wrong.beforeTransfer = await post(
        run,
        '0314',
        `cases/${caseT.id}/follow-ups`,
        { kind: 'CLIENT_CALL', occurredAt: daysAgo(35) },
        't-f',
      );
    wrong.transferred = await post(run, '0314', `cases/${caseT.id}/transfer`, { toOfficeNumber: '5001', occurredAt: daysAgo(30) }, 't-x');
    wrong.caseT = caseT;
    return wrong;
  }

  let wrong: Awaited<ReturnType<typeof record>>;
  let beforeCorrections: Record<string, unknown>[];
  let positionBeforeCorrections = 0;

  beforeAll(async () => {
    [a, b] = await Promise.all([startApp(), startApp()]);
    for (const run of [a, b]) tokens.set(run, await twoOfficeTokens(run.tokenFor));
    wrong = await record(a, true);
    await record(b, false);
    beforeCorrections = await everyView(a);
    positionBeforeCorrections = last.get(a)!;
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  const correct = (path: string, body: object, key: string, ifMatch?: number) => send(a, '0314', path, body, key, ifMatch);

  it('takes every kind of step back, so that every view answers as if it had never been recorded', async () => {
    const corrections: [string, object, number][] = [
      [
        `employer-contacts/${wrong.builderContact!.id}/correction`,
        { orgNumber: ORG.builder, reason: 'WRONG_EMPLOYER' },
        wrong.builderContact!.revision,
      ],
      [`employer-contacts/${wrong.shopContact!.id}/correction`, { orgNumber: ORG.shop, reason: 'DUPLICATE' }, wrong.shopContact!.revision],
      [`recruitment-needs/${wrong.need!.id}/correction`, { reason: 'OTHER', text: 'registrert på feil arbeidsgiver' }, 1],
      [`cases/${wrong.caseC!.id}/corrections`, { revision: 0, reason: 'WRONG_CLIENT' }, 1],
      [`cases/${wrong.caseD!.id}/corrections`, { revision: 0, reason: 'WRONG_CLIENT' }, 1],
      [
        `cases/${wrong.placement!.id}/corrections`,
        { revision: wrong.placement!.revision, reason: 'WRONG_DATE' },
        wrong.placement!.revision,
      ],
      [
        `cases/${wrong.followUp!.id}/corrections`,
        { revision: wrong.followUp!.revision, reason: 'DUPLICATE' },
        wrong.placement!.revision + 1,
      ],
      [
        `cases/${wrong.exit!.id}/corrections`,
        { revision: wrong.exit!.revision, reason: 'OTHER', text: 'avsluttet ved en feil' },
        wrong.exit!.revision,
      ],
      [
        `cases/${wrong.caseT!.id}/corrections`,
        { revision: wrong.beforeTransfer!.revision, reason: 'DUPLICATE' },
        wrong.beforeTransfer!.revision + 1,
      ],
    ];
    for (const [n, [path, body, revision]] of corrections.entries()) {
      const response = await correct(path, body, `fix-${n}`, revision);
      expect([path, response.status, response.body]).toEqual([path, 201, expect.objectContaining({ revision: revision + 1 })]);
      last.set(a, Math.max(last.get(a)!, response.body.position));
    }
    const [corrected, never] = await Promise.all([everyView(a), everyView(b)]);
    views.forEach(([path], n) => expect([path, corrected[n]]).toEqual([path, never[n]]));
    // The corrections did change something: the views before them differ.
    expect(beforeCorrections).not.toEqual(never);
  });

  it('shows the original as of a moment before the correction', async () => {
    const asOf = await everyView(a, `asOfPosition=${positionBeforeCorrections}`);
    views.forEach(([path], n) => expect([path, asOf[n]]).toEqual([path, beforeCorrections[n]]));
  });

  it('shows both events in history, and auditors filter by the correction types', async () => {
    const history = await get(
      a,
      `offices/0314/history?types=CaseStepCorrected,EmployerContactCorrected,RecruitmentNeedCorrected&limit=100`,
      'auditor',
      '',
    );
    const types = (history.events as { type: string }[]).map((e) => e.type);
    expect(types.filter((t) => t === 'CaseStepCorrected')).toHaveLength(6);
    expect(types.filter((t) => t === 'EmployerContactCorrected')).toHaveLength(2);
    expect(types.filter((t) => t === 'RecruitmentNeedCorrected')).toHaveLength(1);
    const all = (await get(a, `offices/0314/history?limit=1000`, 'auditor', '')).events as {
      type: string;
      streamId: string;
      revision: number;
      data: { revision?: number };
    }[];
    const placementStream = wrong.placement!.streamId;
    expect(all.filter((e) => e.streamId === placementStream).map((e) => [e.type, e.revision, e.data.revision])).toEqual([
      ['ClientEnrolled', 0, undefined],
      ['ClientFollowUpRecorded', 1, undefined],
      ['ClientFollowUpRecorded', 2, undefined],
      ['ClientPlaced', 3, undefined],
      ['CaseStepCorrected', 4, 3],
      ['CaseStepCorrected', 5, 2],
    ]);
  });

  it('corrects a step once, closes a corrected enrolment for good, and never reaches across offices', async () => {
    const again = await correct(`cases/${wrong.caseC!.id}/corrections`, { revision: 1, reason: 'WRONG_CLIENT' }, 'again-c');
    expect([again.status, again.body.code]).toEqual([409, 'CORRECTION.NOT_CORRECTABLE']);
    const twice = await correct(
      `employer-contacts/${wrong.shopContact!.id}/correction`,
      { orgNumber: ORG.shop, reason: 'OTHER', text: 'to ganger' },
      'again-shop',
    );
    expect([twice.status, twice.body.code]).toEqual([409, 'CORRECTION.ALREADY_CORRECTED']);
    const needAgain = await correct(`recruitment-needs/${wrong.need!.id}/correction`, { reason: 'DUPLICATE' }, 'again-need');
    expect([needAgain.status, needAgain.body.code]).toEqual([409, 'CORRECTION.ALREADY_CORRECTED']);
    const placementAgain = await correct(
      `cases/${wrong.placement!.id}/corrections`,
      { revision: wrong.placement!.revision, reason: 'DUPLICATE' },
      'again-p',
    );
    expect([placementAgain.status, placementAgain.body.code]).toEqual([409, 'CORRECTION.ALREADY_CORRECTED']);
    const followUp = await send(a, '0314', `cases/${wrong.caseC!.id}/follow-ups`, { kind: 'CLIENT_CALL', occurredAt: daysAgo(1) });
    expect([followUp.status, followUp.body.code]).toEqual([409, 'CASE.ALREADY_CLOSED']);
    // The transferred case: its enrolment not from the sending office, its arrival not at the receiving one.
    const sending = await correct(`cases/${wrong.caseT!.id}/corrections`, { revision: 0, reason: 'WRONG_CLIENT' }, 'cross-1');
    expect([sending.status, sending.body.code]).toEqual([409, 'CORRECTION.NOT_CORRECTABLE']);
    const arrival = await send(a, '5001', `cases/${wrong.transferred!.id}/corrections`, { revision: 0, reason: 'WRONG_CLIENT' });
    expect([arrival.status, arrival.body.code]).toEqual([409, 'CORRECTION.NOT_CORRECTABLE']);
    const elsewhere = await send(a, '5001', `cases/${wrong.caseT!.id}/corrections`, { revision: 0, reason: 'WRONG_CLIENT' });
    expect([elsewhere.status, elsewhere.body.code]).toEqual([404, 'CASE.NOT_FOUND']);
  });

  it('answers 404 for unknown targets, 400 for a bad reason or a text with a personal id, 412 for a stale If-Match', async () => {
    const unknownCase = await correct('cases/0190f3a0-0000-7000-8000-000000000000/corrections', { revision: 0, reason: 'DUPLICATE' }, 'u1');
    expect([unknownCase.status, unknownCase.body.code]).toEqual([404, 'CASE.NOT_FOUND']);
    const unknownStep = await correct(`cases/${wrong.caseT!.id}/corrections`, { revision: 99, reason: 'DUPLICATE' }, 'u2');
    expect([unknownStep.status, unknownStep.body.code]).toEqual([404, 'CASE.STEP_NOT_FOUND']);
    const unknownContact = await correct(
      'employer-contacts/0190f3a0-0000-7000-8000-000000000000/correction',
      { orgNumber: ORG.builder, reason: 'DUPLICATE' },
      'u3',
    );
    expect([unknownContact.status, unknownContact.body.code]).toEqual([404, 'EMPLOYER_CONTACT.NOT_FOUND']);
    const unknownNeed = await correct('recruitment-needs/0190f3a0-0000-7000-8000-000000000000/correction', { reason: 'DUPLICATE' }, 'u4');
    expect([unknownNeed.status, unknownNeed.body.code]).toEqual([404, 'RECRUITMENT_NEED.NOT_FOUND']);
    for (const body of [
      { revision: 1, reason: 'OTHER' },
      { revision: 1, reason: 'TYPO' },
      { revision: 1, reason: 'OTHER', text: 'gjelder 13097248022' },
    ]) {
      const response = await correct(`cases/${wrong.caseT!.id}/corrections`, body, undefined as unknown as string);
      expect([response.status, response.body.code]).toEqual([400, 'VALIDATION.FAILED']);
      expect(JSON.stringify(response.body)).not.toContain('13097248022');
    }
    const stale = await correct(`cases/${wrong.caseT!.id}/corrections`, { revision: 0, reason: 'DUPLICATE' }, 'stale', 0);
    expect(stale.status).toBe(412);
  });

  it('agrees with a fresh replay of the log (verify) after the corrections', async () => {
    const admin = await a.tokenFor({ navIdent: 'X123456', roles: ['admin'], offices: [] });
    for (const name of ['engagement', 'outcomes', 'active_cases', 'employer_relationships']) {
      for (const office of ['0314', '5001']) {
        const verified = (
          await a.http.get(`/api/v1/admin/projections/${name}/verify?office=${office}`).set('authorization', `Bearer ${admin}`).expect(200)
        ).body;
        expect([name, office, verified]).toEqual([name, office, expect.objectContaining({ equal: true, differenceCount: 0 })]);
      }
    }
  });

  it('redacts the note of a contact everywhere it is shown, history included, while the contact still counts', async () => {
    const note = 'Daglig leder vil ha tilbakemelding om tre kandidater innen fredag';
    const contact = await post(
      a,
      '0314',
      'employer-contacts',
      {
        orgNumber: ORG.nav,
        channel: 'MEETING',
        theme: 'RECRUITMENT',
        occurredAt: daysAgo(3),
        note,
        noPersonalData: true,
      },
      'noted',
    );
    const historyBefore = await get(a, 'offices/0314/history?limit=1000', 'auditor', '');
    expect(JSON.stringify(historyBefore)).toContain(note);
    const noNote = await correct(
      `employer-contacts/${wrong.shopContact!.id}/correction`,
      { orgNumber: ORG.shop, reason: 'NOTE_REDACTED' },
      'redact-none',
    );
    expect([noNote.status, noNote.body.code]).toEqual([409, 'CORRECTION.NOT_CORRECTABLE']);
    const redacted = await correct(
      `employer-contacts/${contact.id}/correction`,
      { orgNumber: ORG.nav, reason: 'NOTE_REDACTED' },
      'redact',
      contact.revision,
    );
    expect(redacted.status).toBe(201);
    last.set(a, redacted.body.position);
    const again = await correct(
      `employer-contacts/${contact.id}/correction`,
      { orgNumber: ORG.nav, reason: 'NOTE_REDACTED' },
      'redact-again',
    );
    expect([again.status, again.body.code]).toEqual([409, 'CORRECTION.ALREADY_CORRECTED']);
    const history = await get(a, 'offices/0314/history?limit=1000', 'auditor', '');
    const shown = (history.events as { type: string; data: { contactId?: string; note?: string; noteRedacted?: boolean } }[])
      .filter((e) => e.data.contactId === contact.id)
      .map((e) => [e.type, e.data.note, e.data.noteRedacted]);
    expect(shown).toEqual([
      ['EmployerContacted', '[redacted]', true],
      ['EmployerContactNoteRedacted', undefined, undefined],
    ]);
    const everything = [
      history,
      await get(a, `offices/0314/history?limit=1&after=${contact.position - 1}`, 'auditor', ''),
      ...(await everyView(a)),
    ];
    expect(JSON.stringify(everything)).not.toContain(note);
    // The contact itself still counts: a redaction is not a correction of the contact.
    const employers = (await get(a, 'offices/0314/employers?sort=contacts', 'manager')).employers as {
      orgNumber: string;
      contacts: number;
    }[];
    expect(employers.find((e) => e.orgNumber === ORG.nav)?.contacts).toBe(1);
  });
});
