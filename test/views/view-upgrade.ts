import { randomUUID } from 'node:crypto';
import { officeStream, type EventStore, type NewEvent } from '@app/event-store';
import type { ViewDefinition } from '@app/projections';
import { engagementView } from '../../src/employers/employers.views.js';
import { schemaVersionOf } from '../../src/shared/commands/schema-versions.js';
import { APP_VIEWS } from '../../src/views/app-views.js';
import type { RunningApp } from '../app-harness.js';
import { ORG } from '../fixtures.js';
import { contacted, needRegistered } from './view-events.examples.js';

/**
 * The next release of the engagement view, as a deploy would bring it: a higher version whose fold
 * differs (it no longer counts recruitment needs opened), so an answer read from the older
 * release's docs would not equal the new code's replay.
 */
export const nextEngagementView: ViewDefinition = {
  ...engagementView,
  projection: {
    ...engagementView.projection,
    version: engagementView.projection.version + 1,
    eventTypes: engagementView.projection.eventTypes.filter((type) => type !== 'RecruitmentNeedRegistered'),
  },
};

/** Every view of the app, with the engagement view at its next release. */
export const NEXT_RELEASE_VIEWS = APP_VIEWS.map((view) => (view.projection.name === 'engagement' ? nextEngagementView : view));

/** The months the watched answers cover: the period the events fall in. */
export const PERIOD = { from: monthsAgo(11), to: monthsAgo(0) };

function monthsAgo(months: number): string {
  const date = new Date();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 7);
}

/** `count` employer contacts and recruitment needs of one office over the last 300 days, in appends of 100; the last position. */
export async function appendEngagement(store: EventStore, office: string, count: number): Promise<number> {
  let last = 0;
  for (let first = 0; first < count; first += 100) {
    const events: NewEvent[] = [];
    for (let i = first; i < Math.min(count, first + 100); i++) {
      const occurredAt = new Date(Date.now() - ((i * 7919) % 300) * 86_400_000 - 3_600_000).toISOString();
      const domain = i % 4 === 0 ? needRegistered(randomUUID(), ORG.builder, occurredAt) : contacted(ORG.shop, occurredAt);
      const metadata = {
        actor: 'Z123456',
        officeNumber: office,
        commandId: randomUUID(),
        correlationId: randomUUID(),
        causationId: randomUUID(),
      };
      events.push({ ...domain, metadata: { ...metadata, schemaVersion: schemaVersionOf(domain.type) } });
    }
    last = (await store.append(officeStream(office, 'employer', ORG.shop), events)).position;
  }
  return last;
}

export interface WatchedAnswer {
  status: number;
  body: { position?: number; code?: string; months?: unknown[] };
}

/**
 * Asks for one office's engagement without pause (read-your-writes from `minPosition()`) until
 * `done()` says so, and returns every answer: what a manager's page sees during an upgrade.
 */
export async function watchEngagement(
  running: RunningApp,
  token: string,
  office: string,
  minPosition: () => number,
  done: () => Promise<boolean>,
): Promise<WatchedAnswer[]> {
  const answers: WatchedAnswer[] = [];
  while (!(await done())) {
    const response = await running.http
      .get(`/api/v1/offices/${office}/engagement?from=${PERIOD.from}&to=${PERIOD.to}&minPosition=${minPosition()}`)
      .set('authorization', `Bearer ${token}`);
    answers.push({ status: response.status, body: response.body });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return answers;
}

/**
 * The answers that are not the instance's own replay at their position (its code, `asOfPosition`),
 * with that replay: one replay per position.
 */
export async function unlikeReplay(running: RunningApp, token: string, office: string, answers: readonly WatchedAnswer[]) {
  const unlike: { position: number; live: unknown; replayed: unknown }[] = [];
  const replays = new Map<number, string>();
  for (const { body } of answers.filter((answer) => answer.status === 200)) {
    const position = body.position!;
    if (!replays.has(position)) {
      const replayed = await running.http
        .get(`/api/v1/offices/${office}/engagement?from=${PERIOD.from}&to=${PERIOD.to}&asOfPosition=${position}`)
        .set('authorization', `Bearer ${token}`)
        .expect(200);
      replays.set(position, JSON.stringify(replayed.body.months));
    }
    if (replays.get(position) !== JSON.stringify(body.months))
      unlike.push({ position, live: body.months, replayed: replays.get(position) });
  }
  return unlike;
}

/** Recruitment needs opened over the answer's months: the figure the next release no longer counts. */
export const needsOpened = (answer: WatchedAnswer): number =>
  (answer.body.months as { recruitmentNeedsOpened: number }[]).reduce((sum, month) => sum + month.recruitmentNeedsOpened, 0);
