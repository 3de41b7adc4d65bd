import type { Engagement, History } from '../../web/src/api/view-types.js';
import { EVENT_TYPE } from '../../web/src/labels/codes.nb.js';
import { pageActions, seededAppSession, MANAGER } from './seeded-app-session.js';
import { OFFICE } from './seed-history.js';
import { signInInDevMode } from './sign-in.js';

const session = seededAppSession();
const { chartSeries, expectAccessible, nav, settled } = pageActions(session);

beforeAll(async () => {
  await session.page.goto(session.app.url);
  await signInInDevMode(session.page, MANAGER);
  await session.page.getByRole('heading', { name: `Kontoroversikt – kontor ${OFFICE}` }).waitFor();
});

describe('history and "Vis som per", in Chromium', () => {
  it('shows the history in order, filters it by type and time, pages it and opens an event with its metadata', async () => {
    await nav('Historikk');
    const positions = () =>
      session.page.locator('tr[data-position]').evaluateAll((rows: any[]) => rows.map((r) => Number(r.dataset.position)));
    const first = await session.api<History>(`offices/${OFFICE}/history`, { limit: 20 });
    await settled(
      positions,
      first.events.map((e) => e.position),
    );
    await session.page.getByRole('button', { name: 'Neste side' }).click();
    const second = await session.api<History>(`offices/${OFFICE}/history`, { limit: 20, after: first.next! });
    await settled(
      positions,
      second.events.map((e) => e.position),
    );

    await session.page.getByLabel(EVENT_TYPE.RecruitmentNeedRegistered).check();
    await session.page.getByRole('button', { name: 'Filtrer' }).click();
    const needs = await session.api<History>(`offices/${OFFICE}/history`, { types: 'RecruitmentNeedRegistered' });
    expect(needs.events).toHaveLength(2);
    await settled(
      positions,
      needs.events.map((e) => e.position),
    );
    await expectAccessible('06-historikk');

    const event = needs.events[0]!;
    await session.page.getByRole('button', { name: `Vis hendelse ${event.position}` }).click();
    const dialog = session.page.getByRole('dialog');
    await dialog.getByText(`Rekrutteringsbehov registrert (posisjon ${event.position})`).waitFor();
    expect(JSON.parse(await dialog.getByTestId('event-metadata').innerText())).toEqual(event.metadata);
    expect(JSON.parse(await dialog.getByTestId('event-data').innerText())).toEqual(event.data);
    await expectAccessible('07-historikk-hendelse');
    await dialog.getByRole('button', { name: 'Lukk' }).click();
    await settled(() => session.page.getByRole('dialog').count(), 0);

    // A time window with nothing in it: the API's answer is empty, and the page says so.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await session.api<History>(`offices/${OFFICE}/history`, { from: tomorrow })).events).toEqual([]);
    await session.page.getByLabel('Fra', { exact: true }).fill(tomorrow);
    await session.page.getByRole('button', { name: 'Filtrer' }).click();
    await session.page.getByText('Ingen hendelser passer filteret.').waitFor();
    await session.page.getByLabel('Fra', { exact: true }).fill('');
    await session.page.getByRole('button', { name: 'Filtrer' }).click();
    await settled(
      positions,
      needs.events.map((e) => e.position),
    );
  });

  it('starts a replay at an event of the history', async () => {
    const event = (await session.api<History>(`offices/${OFFICE}/history`, { types: 'RecruitmentNeedRegistered' })).events[0]!;
    await session.page.getByRole('button', { name: `Vis hendelse ${event.position}` }).click();
    await session.page.getByRole('button', { name: 'Vis sidene som per denne hendelsen' }).click();
    await session.page.getByTestId('replay-banner').waitFor();
    expect(session.page.url()).toBe(`${session.app.url}/kontor/${OFFICE}/oversikt?asOfPosition=${event.position}`);
    expect(await session.page.getByTestId('replay-banner').innerText()).toContain(`ved posisjon ${event.position}`);
    expect(await session.page.getByLabel('Posisjon i hendelsesloggen').inputValue()).toBe(String(event.position));
    const replay = await session.api<Engagement>(`offices/${OFFICE}/engagement`, { asOfPosition: event.position });
    await settled(
      () => chartSeries('Rekrutteringsbehov').then((s) => s[0].data),
      replay.months.map((m) => m.recruitmentNeedsOpened),
    );
    expect(replay.months.reduce((sum, m) => sum + m.recruitmentNeedsOpened, 0)).toBe(1); // live: 2
    await session.page.getByRole('button', { name: 'Tilbake til nå' }).click();
    await settled(() => session.page.getByTestId('replay-banner').count(), 0);
  });

  it('"Vis som per" a moment between two writes shows the earlier figures, marked as a replay', async () => {
    await nav('Kontoroversikt');
    await session.page.getByTestId('engagement-table').waitFor();
    await session.page.getByRole('radio', { name: 'Tidspunkt' }).check();
    await session.page.getByLabel('Tidspunkt (ÅÅÅÅ-MM-DD tt:mm:ss)').fill(session.seeded.between);
    await session.page.getByRole('button', { name: 'Vis som per' }).click();
    await session.page.getByTestId('replay-banner').waitFor();

    const live = await session.api<Engagement>(`offices/${OFFICE}/engagement`);
    const replay = await session.api<Engagement>(`offices/${OFFICE}/engagement`, { asOf: session.seeded.between });
    const total = (e: Engagement) => e.months.reduce((sum, m) => sum + m.employerContacts, 0);
    expect(total(replay)).toBe(total(live) - 1);
    // Until the replay has come, the page keeps the live answer, saying it is fetching a new one.
    await settled(
      () =>
        session.page
          .getByTestId('freshness')
          .innerText()
          .then((text) => text.startsWith('Avspilling per')),
      true,
    );
    await settled(
      () => chartSeries('Arbeidsgiverkontakter og unike arbeidsgivere').then((s) => s[0].data),
      replay.months.map((m) => m.employerContacts),
    );
    expect(await session.page.getByTestId('replay-banner').innerText()).toMatch(/^Avspilling: sidene viser visningene slik de sto per/);
    expect(new URL(session.page.url()).searchParams.get('asOf')).toBe(new Date(session.seeded.between).toISOString());
    await expectAccessible('08-kontoroversikt-vis-som-per');

    // The replay follows to the other pages until it is turned off.
    await nav('Resultater');
    await session.page.getByTestId('replay-banner').waitFor();
    await session.page.getByRole('button', { name: 'Tilbake til nå' }).click();
    await settled(() => session.page.getByTestId('replay-banner').count(), 0);
  });
});
