import type { ViewDefinition } from '@app/projections';
import { APP_VIEWS } from '../../src/views/app-views.js';
import { round } from '../report/percentiles.js';
import { startBenchApp, type BenchApp } from './bench-app.js';

export interface UpgradeFigures {
  view: string;
  fromVersion: number;
  toVersion: number;
  /** Reads of the view asked per second, open loop, from before the new release starts until after the swap. */
  ratePerSecond: number;
  /** Employer contacts registered per second meanwhile, so the log moves during the upgrade. */
  writesPerSecond: number;
  requests: number;
  answered: number;
  /** Answers 503, whatever the code (`VIEW.REBUILDING`, `VIEW.NOT_READY`, …): the figure to keep at 0. */
  unavailable: number;
  /** Other statuses, and requests that got no answer. */
  otherFailures: number;
  /** Distinct answers (position and figures) compared with the replay of the answering release at their position. */
  answersChecked: number;
  wrongAnswers: number;
  /** From starting the new release to its first answer over HTTP. */
  startSeconds: number;
  /** From starting the new release to its version of the view being live (rebuilt and swapped in). */
  swapSeconds: number;
  /** Slowest answer of the view during the upgrade. */
  maxAnswerMs: number;
  /** The first few answers that were not 200: which release, status and problem code (0: no answer). */
  failures: { release: string; status: number; code?: string; atSeconds: number }[];
}

/** The 12 months up to the current one: the period the upgrade's reads ask for (the writes land in it). */
export function twelveMonthsToNow(): { from: string; to: string } {
  const now = new Date();
  const month = (back: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
  return { from: month(11), to: month(0) };
}

/** The app's views with `name` at its next version (same fold): what a deploy that raises a view's version runs. */
export const nextReleaseOf = (name: string): ViewDefinition[] =>
  APP_VIEWS.map((view) =>
    view.projection.name === name ? { ...view, projection: { ...view.projection, version: view.projection.version + 1 } } : view,
  );

interface Answer {
  release: 'current' | 'next';
  status: number;
  ms: number;
  /** When it was asked, in seconds since the upgrade began. */
  at: number;
  body?: { position: number; months: unknown; code?: string };
}

interface Release {
  name: Answer['release'];
  app: BenchApp;
  reader: string;
  writer: string;
}

/**
 * A deploy that raises the engagement view's version, measured from the outside: reads of one
 * office's view at a fixed rate and a trickle of writes go to the running release; the next
 * release starts on the same database and, once it answers, takes the traffic and the old one
 * stops (a rolling restart); it goes on until the new version has been swapped in and a few
 * seconds more. Then every distinct answer is compared with its release's own replay at its
 * position (`asOfPosition`). Returns the figures and the running new release.
 */
export async function measureUpgrade(
  url: string,
  current: BenchApp,
  { office, period, ratePerSecond = 10, writesPerSecond = 2, afterSwapSeconds = 3, maxChecked = 60 }: UpgradeOptions,
): Promise<{ figures: UpgradeFigures; app: BenchApp }> {
  const view = 'engagement';
  const views = nextReleaseOf(view);
  const toVersion = views.find((v) => v.projection.name === view)!.projection.version;
  const release = async (name: Release['name'], app: BenchApp): Promise<Release> => ({
    name,
    app,
    reader: await app.token('auditor', office),
    writer: await app.token('advisor', office),
  });
  const path = `/api/v1/offices/${office}/engagement?from=${period.from}&to=${period.to}`;
  const answers: Promise<Answer>[] = [];
  const old = await release('current', current);
  let target = old;
  const began = performance.now();
  const ask = async (to: Release): Promise<Answer> => {
    const started = performance.now();
    const at = (started - began) / 1000;
    try {
      const response = await fetch(`${to.app.origin}${path}`, { headers: { authorization: `Bearer ${to.reader}` } });
      const body = (await response.json()) as Answer['body'];
      return { release: to.name, status: response.status, ms: performance.now() - started, at, body };
    } catch {
      return { release: to.name, status: 0, ms: performance.now() - started, at };
    }
  };
  const reads = setInterval(() => answers.push(ask(target)), 1000 / ratePerSecond);
  const writes = setInterval(() => void write(target, office).catch(() => undefined), 1000 / writesPerSecond);
  try {
    const started = performance.now();
    const next = await release('next', await startBenchApp(url, views));
    const startSeconds = (performance.now() - started) / 1000;
    target = next;
    const fromVersion = (await next.app.engine.statusOf(view)).liveVersion;
    // The old release's answers are checked against its own code before it stops.
    const oldAnswers = await settled(answers, 'current');
    const oldChecked = await check(current, oldAnswers, path, old.reader);
    await current.close();
    for (;;) {
      const status = await next.app.engine.statusOf(view);
      if (status.liveVersion === toVersion && status.rebuild === null) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const swapSeconds = (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, afterSwapSeconds * 1000));
    clearInterval(reads);
    clearInterval(writes);
    const all = await Promise.all(answers);
    const newChecked = await check(next.app, await settled(answers, 'next'), path, next.reader, maxChecked);
    return {
      app: next.app,
      figures: {
        view,
        fromVersion,
        toVersion,
        ratePerSecond,
        writesPerSecond,
        requests: all.length,
        answered: all.filter((a) => a.status === 200).length,
        unavailable: all.filter((a) => a.status === 503).length,
        otherFailures: all.filter((a) => a.status !== 200 && a.status !== 503).length,
        answersChecked: oldChecked.checked + newChecked.checked,
        wrongAnswers: oldChecked.wrong + newChecked.wrong,
        startSeconds: round(startSeconds, 1),
        swapSeconds: round(swapSeconds, 1),
        maxAnswerMs: Math.round(Math.max(...all.map((a) => a.ms))),
        failures: all
          .filter((a) => a.status !== 200)
          .slice(0, 10)
          .map((a) => ({ release: a.release, status: a.status, code: a.body?.code, atSeconds: round(a.at, 1) })),
      },
    };
  } finally {
    clearInterval(reads);
    clearInterval(writes);
  }
}

export interface UpgradeOptions {
  office: string;
  period: { from: string; to: string };
  ratePerSecond?: number;
  writesPerSecond?: number;
  afterSwapSeconds?: number;
  /** Most distinct answers of the new release replayed (evenly spread over the upgrade); the old one's are all replayed. */
  maxChecked?: number;
}

async function settled(answers: readonly Promise<Answer>[], release: Answer['release']): Promise<Answer[]> {
  return (await Promise.all(answers)).filter((answer) => answer.release === release && answer.status === 200);
}

/** Distinct answers (by position and figures), each compared with the app's replay at its position. */
async function check(app: BenchApp, answers: readonly Answer[], path: string, token: string, most = Infinity) {
  const distinct = [...new Map(answers.map((a) => [JSON.stringify([a.body!.position, a.body!.months]), a.body!])).values()];
  const count = Math.min(most, distinct.length);
  const sample = Array.from({ length: count }, (_, k) => distinct[Math.floor((k * distinct.length) / count)]!);
  let wrong = 0;
  for (const answer of sample) {
    const response = await fetch(`${app.origin}${path}&asOfPosition=${answer.position}`, { headers: { authorization: `Bearer ${token}` } });
    const replayed = (await response.json()) as { months: unknown };
    if (response.status !== 200 || JSON.stringify(replayed.months) !== JSON.stringify(answer.months)) wrong++;
  }
  return { checked: sample.length, wrong };
}

async function write(to: Release, office: string): Promise<void> {
  await fetch(`${to.app.origin}/api/v1/offices/${office}/employer-contacts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${to.writer}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      orgNumber: '974760673',
      channel: 'PHONE',
      theme: 'RECRUITMENT',
      naceCode: '47.110',
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    }),
  });
}
