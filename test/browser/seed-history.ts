import { randomBytes } from 'node:crypto';
import type { ServedApp } from './served-app.js';

export const OFFICE = '0314';
export const OTHER_OFFICE = '5001';
export const PROVIDER = '974760673';

/** Nine-digit org numbers with a valid mod-11 check digit, from a running counter. */
export function orgNumbers(count: number, start = 91000000): string[] {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const numbers: string[] = [];
  for (let base = start; numbers.length < count; base++) {
    const digits = String(base).padStart(8, '0');
    const rest = digits.split('').reduce((sum, d, i) => sum + Number(d) * weights[i]!, 0) % 11;
    const check = rest === 0 ? 0 : 11 - rest;
    if (check < 10) numbers.push(`${digits}${check}`);
  }
  return numbers;
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SeededHistory {
  /** A moment between the last two employer contacts: a replay as of it shows one contact fewer. */
  between: string;
  /** Position of the last write; views that reached it show everything seeded. */
  lastPosition: number;
  /** The employers contacted, and the one a client was placed at without any contact (the 90-day flag). */
  employers: string[];
  placedWithoutContact: string;
}

/** A small history through the HTTP API, as advisors would record it. */
export async function seedHistory(app: ServedApp): Promise<SeededHistory> {
  const advisors = [
    await app.tokenFor({ navIdent: 'Z100001', roles: ['advisor'], offices: [OFFICE] }),
    await app.tokenFor({ navIdent: 'Z100002', roles: ['advisor'], offices: [OFFICE] }),
  ];
  const other = await app.tokenFor({ navIdent: 'Z500001', roles: ['advisor'], offices: [OTHER_OFFICE] });
  let lastPosition = 0;
  const post = async (token: string, path: string, body: object): Promise<{ id: string; position: number }> => {
    const response = await fetch(`${app.url}/api/v1/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as { id: string; position: number };
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(answer)}`);
    lastPosition = Math.max(lastPosition, answer.position);
    return answer;
  };
  const [placedWithoutContact, ...employers] = orgNumbers(13);
  const channels = ['PHONE', 'VISIT', 'EMAIL', 'MEETING'];
  const themes = ['RECRUITMENT', 'INCLUSION', 'GENERAL_OUTREACH'];
  // Twelve employers over this month and the one before: two pages of ten.
  for (const [i, orgNumber] of employers.entries()) {
    await post(advisors[i % 2]!, `offices/${OFFICE}/employer-contacts`, {
      orgNumber,
      employerName: `Arbeidsgiver ${i + 1} AS`,
      naceCode: i % 3 === 0 ? '41.200' : '47.110',
      channel: channels[i % channels.length],
      theme: themes[i % themes.length],
      occurredAt: daysAgo(i < 5 ? 35 : 0.1),
    });
  }
  const need = await post(advisors[0]!, `offices/${OFFICE}/recruitment-needs`, {
    orgNumber: employers[0],
    positions: 2,
    occupation: 'Tømrer',
    occurredAt: daysAgo(0.2),
  });
  await post(advisors[0]!, `offices/${OFFICE}/recruitment-needs/${need.id}/close`, { result: 'FILLED', occurredAt: daysAgo(0.1) });
  await post(advisors[1]!, `offices/${OFFICE}/recruitment-needs`, {
    orgNumber: employers[1],
    positions: 1,
    occupation: 'Butikkmedarbeider',
    occurredAt: daysAgo(0.1),
  });

  const enrol = (followUpMode: string, measureCode: string, days: number, provider?: string) =>
    post(advisors[0]!, `offices/${OFFICE}/cases`, {
      clientRef: randomBytes(32).toString('hex'),
      needGroup: 'SITUATIONAL',
      followUpMode,
      measureCode,
      providerOrgNumber: provider,
      occurredAt: daysAgo(days),
    });
  // External follow-up: one case quiet for 50 days, one followed up 10 days ago.
  await enrol('EXTERNAL', 'INDOPPFAG', 50, PROVIDER);
  const followed = await enrol('EXTERNAL', 'AVKLARAG', 45, PROVIDER);
  await post(advisors[0]!, `offices/${OFFICE}/cases/${followed.id}/follow-ups`, { kind: 'PROVIDER_REPORT', occurredAt: daysAgo(10) });
  // In-house: two clients, one placed at an employer the office contacted, one at an employer it never contacted.
  const placement = { startDate: daysAgo(-7).slice(0, 10), employmentPercent: 100, employmentType: 'PERMANENT' };
  const first = await enrol('IN_HOUSE', 'ARBTREN', 40);
  await post(advisors[1]!, `offices/${OFFICE}/cases/${first.id}/placement`, {
    ...placement,
    orgNumber: employers[6],
    occurredAt: daysAgo(0.05),
  });
  const second = await enrol('IN_HOUSE', 'INDJOBSTOT', 30);
  await post(advisors[1]!, `offices/${OFFICE}/cases/${second.id}/placement`, {
    ...placement,
    orgNumber: placedWithoutContact,
    occurredAt: daysAgo(0.05),
  });

  await post(other, `offices/${OTHER_OFFICE}/employer-contacts`, {
    orgNumber: employers[0],
    channel: 'PHONE',
    theme: 'RECRUITMENT',
    occurredAt: daysAgo(0.1),
  });

  // Two writes with a moment between them that the replay test picks.
  await post(advisors[0]!, `offices/${OFFICE}/employer-contacts`, {
    orgNumber: employers[2],
    channel: 'SMS',
    theme: 'SURVEY',
    occurredAt: daysAgo(0.01),
  });
  await sleep(1100);
  const between = new Date().toISOString();
  await sleep(1100);
  await post(advisors[1]!, `offices/${OFFICE}/employer-contacts`, {
    orgNumber: employers[3],
    channel: 'VIDEO',
    theme: 'SURVEY',
    occurredAt: daysAgo(0.01),
  });
  return { between, lastPosition, employers, placedWithoutContact };
}
