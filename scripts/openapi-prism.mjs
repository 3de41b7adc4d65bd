/* global fetch, URL, setTimeout */
// `npm run openapi:prism`: the built app behind a Stoplight Prism validation proxy that holds every
// request and answer to docs/openapi.json. Sends valid traffic for every route, then requests the
// service must refuse, and reports what Prism found: no violation may come from valid traffic, and
// every refused request must be answered with a status (and body) the document declares.
// Needs `npm run build` and a PostgreSQL (DATABASE_ADMIN_URL, default postgres://postgres@127.0.0.1:5432/postgres);
// writes bench/results/openapi-prism.json.
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import pg from 'pg';

// 5.14.2: the newest whose engines allow Node 20 (5.15 and later need Node 24).
const PRISM = '@stoplight/prism-cli@5.14.2';
const ADMIN_URL = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ORG = '974760673';
const PERSON_ID = '13097248022';

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function waitFor(url, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    if (
      await fetch(url).then(
        (r) => r.status < 500,
        () => false,
      )
    )
      return;
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

const database = `openapi_prism_${process.pid}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`CREATE DATABASE ${database}`);
const children = [];
const stop = async () => {
  for (const child of children) child.kill('SIGTERM');
  await sleep(1000);
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
};

try {
  const appPort = await freePort();
  const prismPort = await freePort();
  const databaseUrl = new URL(ADMIN_URL);
  databaseUrl.pathname = `/${database}`;
  const app = spawn(process.execPath, ['dist/src/main.js'], {
    env: { ...process.env, PORT: String(appPort), DATABASE_URL: databaseUrl.toString(), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(app);
  await waitFor(`http://127.0.0.1:${appPort}/health/live`, 60);
  const prism = spawn('npx', ['--yes', PRISM, 'proxy', 'docs/openapi.json', `http://127.0.0.1:${appPort}`, '--port', String(prismPort)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(prism);
  await waitFor(`http://127.0.0.1:${prismPort}/health/live`, 300);

  const exchanges = [];
  const call = async (kind, method, path, { token, body, headers = {} } = {}) => {
    const response = await fetch(`http://127.0.0.1:${prismPort}${path}`, {
      method,
      headers: {
        accept: 'application/json, application/problem+json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const violations = JSON.parse(response.headers.get('sl-violations') ?? '[]');
    exchanges.push({ kind, method, path, status: response.status, violations });
    return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text };
  };
  const tokenFor = async (navIdent, roles, offices) =>
    (await call('valid', 'POST', '/api/v1/dev/token', { body: { navIdent, roles, offices } })).body.token;

  const advisor = await tokenFor('Z100001', ['advisor'], ['0314']);
  const manager = await tokenFor('M100001', ['manager'], ['0314']);
  const auditor = await tokenFor('A100001', ['auditor'], []);
  const adminToken = await tokenFor('X100001', ['admin'], []);
  const now = () => new Date(Date.now() - 60_000).toISOString();
  const office = '/api/v1/offices/0314';
  const command = (path, body, headers) => call('valid', 'POST', `${office}${path}`, { token: advisor, body, headers });

  // Valid traffic: every command, every view (live and as of a moment), history, the access log, operations.
  const contact = await command('/employer-contacts', { orgNumber: ORG, channel: 'PHONE', theme: 'RECRUITMENT', occurredAt: now() });
  await command(`/employer-contacts/${contact.body.id}/correction`, { orgNumber: ORG, reason: 'DUPLICATE' });
  await command(`/employers/${ORG}/home-office`, {});
  const need = await command('/recruitment-needs', { orgNumber: ORG, positions: 2, occupation: 'Snekker', occurredAt: now() });
  await command(`/recruitment-needs/${need.body.id}/close`, { result: 'FILLED', occurredAt: now() });
  const need2 = await command('/recruitment-needs', { orgNumber: ORG, positions: 1, occupation: 'Maler', occurredAt: now() });
  await command(`/recruitment-needs/${need2.body.id}/correction`, { reason: 'DUPLICATE' });
  const inquiry = await command('/inquiries', { orgNumber: ORG, source: 'CONTACT_FORM', theme: 'RECRUITMENT', receivedAt: now() });
  await command(`/inquiries/${inquiry.body.id}/take`, {});
  await command(`/inquiries/${inquiry.body.id}/close`, { reason: 'CONTACTED_NO_NEED', occurredAt: now() });
  const enrol = (measureCode) => ({ personId: PERSON_ID, needGroup: 'STANDARD', measureCode, providerOrgNumber: ORG, occurredAt: now() });
  const first = { ...enrol('AVKLARAG'), followUpMode: 'EXTERNAL' };
  const placed = await command('/cases', first, { 'idempotency-key': 'prism-1' });
  await command('/cases', first, { 'idempotency-key': 'prism-1' }); // the same answer again, nothing appended
  await command(`/cases/${placed.body.id}/follow-ups`, { kind: 'CLIENT_MEETING', occurredAt: now() });
  await command(`/cases/${placed.body.id}/corrections`, { revision: 1, reason: 'DUPLICATE' });
  const startDate = new Date().toISOString().slice(0, 10);
  const placement = { orgNumber: ORG, startDate, employmentPercent: 100, employmentType: 'PERMANENT', occurredAt: now() };
  await command(`/cases/${placed.body.id}/placement`, placement);
  const exited = await command('/cases', { ...enrol('INDOPPFAG'), followUpMode: 'EXTERNAL' });
  await command(`/cases/${exited.body.id}/exit`, { reason: 'MOVED', occurredAt: now() });
  const moved = await command('/cases', { ...enrol('INDOPPFAG'), followUpMode: 'EXTERNAL' });
  const transfer = await command(`/cases/${moved.body.id}/transfer`, { toOfficeNumber: '5001', occurredAt: now() });

  const read = (path, token = manager) => call('valid', 'GET', path, { token });
  const position = transfer.body.position;
  for (const view of [
    'engagement',
    'outcomes',
    'follow-up-gaps?days=1',
    'employers?sort=contacts&limit=10',
    'inquiries',
    'inquiries/overdue',
  ]) {
    const join = view.includes('?') ? '&' : '?';
    await read(`${office}/${view}${join}minPosition=${position}`);
    await read(`${office}/${view}${join}asOfPosition=${position}`);
    await read(`${office}/${view}${join}asOf=${encodeURIComponent(new Date().toISOString())}`, auditor);
  }
  await read(`/api/v1/offices?minPosition=${position}`);
  await read(`/api/v1/offices?asOfPosition=${position}`, auditor);
  await read(`/api/v1/providers?from=2026-01&to=2026-12`, auditor);
  await read(`${office}/history?limit=5`);
  await read(`${office}/history?types=ClientEnrolled,EmployerContacted&from=2026-01-01`, auditor);
  await read('/api/v1/access-log?limit=50', auditor);
  await read('/api/v1/admin/projections', adminToken);
  await read('/api/v1/admin/projections/engagement/parked', adminToken);
  await read('/api/v1/admin/projections/engagement/verify?office=0314', adminToken);
  await call('valid', 'POST', '/api/v1/admin/projections/engagement/rebuild', { token: adminToken });
  await call('valid', 'POST', '/api/v1/admin/projections/engagement/parked/retry', { token: adminToken });
  await call('valid', 'POST', '/api/v1/admin/clients/erase', { token: adminToken, body: { personId: PERSON_ID, reason: 'prism check' } });
  // Refused right away: once erased, no client with this personal id number is linked (404).
  await call('refused', 'POST', '/api/v1/admin/clients/erase', { token: adminToken, body: { personId: PERSON_ID, reason: 'again' } });
  for (const path of ['/health', '/health/live', '/health/ready', '/api/v1/web-config']) await call('valid', 'GET', path);

  // Requests the service must refuse, each with a status the document declares.
  const refuse = (method, path, options) => call('refused', method, path, options);
  await refuse('GET', `${office}/engagement`);
  await refuse('GET', `${office}/engagement`, { token: 'not-a-token' });
  await refuse('GET', `${office}/engagement`, { token: advisor });
  await refuse('GET', '/api/v1/offices/5001/outcomes', { token: manager });
  await refuse('GET', `${office}/engagement?from=2026-13`, { token: manager });
  await refuse('GET', `${office}/engagement?asOf=2026-01-01T00:00:00Z&asOfPosition=1`, { token: manager });
  await refuse('GET', `${office}/history?after=abc&colour=red`, { token: manager });
  await refuse('GET', '/api/v1/offices/314/engagement', { token: manager });
  await refuse('POST', `${office}/employer-contacts`, { token: advisor, body: { orgNumber: '123', channel: 'FAX' } });
  await refuse('POST', `${office}/employer-contacts`, { token: manager, body: {} });
  await refuse('POST', `${office}/cases/${placed.body.id}/exit`, { token: advisor, body: { reason: 'MOVED', occurredAt: now() } });
  await refuse('POST', `${office}/cases/00000000-0000-4000-8000-000000000000/exit`, {
    token: advisor,
    body: { reason: 'MOVED', occurredAt: now() },
  });
  await refuse('POST', `${office}/cases/not-a-uuid/follow-ups`, { token: advisor, body: { kind: 'CLIENT_MEETING', occurredAt: now() } });
  const fresh = await command('/cases', { ...enrol('INDOPPFAG'), followUpMode: 'EXTERNAL' });
  await refuse('POST', `${office}/cases/${fresh.body.id}/follow-ups`, {
    token: advisor,
    body: { kind: 'CLIENT_MEETING', occurredAt: now() },
    headers: { 'if-match': '"7"' },
  });
  await refuse('POST', `${office}/cases`, {
    token: advisor,
    body: { ...enrol('AVKLARAG'), followUpMode: 'IN_HOUSE' },
    headers: { 'idempotency-key': 'prism-1' },
  });
  await refuse('POST', `${office}/inquiries/${inquiry.body.id}/close`, {
    token: advisor,
    body: { reason: 'CONTACTED_NO_NEED', occurredAt: now() },
  });
  await refuse('POST', '/api/v1/dev/token', { body: { navIdent: 'nobody', roles: [], offices: ['1'] } });
  await refuse('GET', '/api/v1/admin/projections', { token: manager });
  await refuse('GET', '/api/v1/admin/projections/no-such-view/parked', { token: adminToken });
  await refuse('GET', '/api/v1/access-log', { token: manager });
  await refuse('GET', '/api/v1/no-such-route', { token: manager });

  const summary = (kind) => {
    const of = exchanges.filter((e) => e.kind === kind);
    const violations = of.flatMap((e) => e.violations.map((v) => ({ ...v, at: `${e.method} ${e.path} → ${e.status}` })));
    const inAnswers = violations.filter((v) => String(v.location?.[0]) === 'response');
    return {
      requests: of.length,
      statuses: [...new Set(of.map((e) => e.status))].sort(),
      violations: violations.length,
      inAnswers,
      all: violations,
      exchanges: of.map((e) => `${e.method} ${e.path} → ${e.status}`),
    };
  };
  const result = { at: new Date().toISOString(), prism: PRISM, valid: summary('valid'), refused: summary('refused') };
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/openapi-prism.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `valid traffic: ${result.valid.requests} requests (statuses ${result.valid.statuses}), ${result.valid.violations} violations`,
  );
  console.log(
    `refused requests: ${result.refused.requests} (statuses ${result.refused.statuses}), ${result.refused.inAnswers.length} answer violations ` +
      `(${result.refused.violations} in all: Prism also reports the requests' own faults, which is why they are refused)`,
  );
  for (const v of [...result.valid.all, ...result.refused.inAnswers]) console.log(`  ${v.at}: ${v.location?.join('.')} ${v.message}`);
  process.exitCode = result.valid.violations === 0 && result.refused.inAnswers.length === 0 ? 0 : 1;
} finally {
  await stop();
}
