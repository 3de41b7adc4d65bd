import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { CONNECTION_SETTINGS } from '@app/database';

const CHANNEL = 'es_appended';

/**
 * After a NOTIFY, appends wait this long to be told in one more. Other processes (a second instance
 * in a rolling deploy, a `projections:prepare` run) then learn of appends at most this much later,
 * less than a live view's linger; this process's own subscribers are woken at once, without one.
 */
export const NOTIFY_SPACING_MS = 20;

/**
 * Tells the subscriptions of this process at once, and those of other processes through a NOTIFY,
 * that events were appended, once an append's own COMMIT has returned. Never inside the append's
 * transaction: a notifying commit holds a database-wide lock from before its commit record until
 * after the record is flushed, so each notifying commit waits for the one before it to reach the
 * disk, and one slow flush held up every append behind it (bench/README.md, "Appends no longer wait
 * for each other's NOTIFY"). A NOTIFY on its own writes no commit record and waits for no flush, so
 * it holds that lock only for a moment.
 *
 * Each NOTIFY is a round trip, and its delivery one more to every listener, this process's included:
 * at 200 commands a second nearly one of each per command (bench/README.md, "Where a command's
 * round trips go"). So this process wakes its own subscribers directly, its listener leaves out the
 * notifications it sent (their payload is its `origin`), and notifications are spaced: one in flight
 * or in its spacing, at most one queued.
 */
export class AppendNotifier {
  /** The payload of this process's notifications, by which its own listener knows them. */
  readonly origin = randomUUID();
  private inFlight?: Promise<void>;
  private again = false;
  private endSpacing?: () => void;

  constructor(
    private readonly pool: pg.Pool,
    private readonly wakeHere: () => void = () => undefined,
    private readonly spacingMs = NOTIFY_SPACING_MS,
  ) {}

  appended(): void {
    this.wakeHere();
    this.notifyOthers();
  }

  /** Waits for the notification in flight; none still queued is sent. */
  async drain(): Promise<void> {
    this.again = false;
    this.endSpacing?.();
    while (this.inFlight) await this.inFlight;
  }

  private notifyOthers(): void {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = this.pool
      .query(`NOTIFY ${CHANNEL}, '${this.origin}'`)
      .then(
        () => undefined,
        () => undefined, // a lost wake-up only delays other processes until their next poll
      )
      .then(() => this.spacing())
      .finally(() => {
        this.inFlight = undefined;
        if (this.again) {
          this.again = false;
          this.notifyOthers();
        }
      });
  }

  /** The spacing after a NOTIFY; a drain ends it at once. */
  private spacing(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.endSpacing?.(), this.spacingMs);
      this.endSpacing = () => {
        clearTimeout(timer);
        this.endSpacing = undefined;
        resolve();
      };
    });
  }
}

export interface AppendListener {
  close(): Promise<void>;
}

export interface ListenOptions {
  /** Wait before making a dropped connection again; default 1 s. */
  reconnectDelayMs?: number;
  /** The `origin` of this process's notifier: its notifications wake no one here, it woke them already. */
  ownOrigin?: string;
}

/**
 * A dedicated connection LISTENing for appends. When it drops it is made again, and subscribers
 * are woken then, since notifications sent meanwhile are lost; until then they still poll.
 */
export async function listenForAppends(
  connectionString: string,
  onAppend: () => void,
  { reconnectDelayMs = 1000, ownOrigin }: ListenOptions = {},
): Promise<AppendListener> {
  let closed = false;
  let started = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const fresh = new pg.Client({ connectionString, ...CONNECTION_SETTINGS });
    let lost = false;
    const onLost = () => {
      if (lost || closed || !started) return;
      lost = true;
      // A connection made after close is ended by connect(), and wakes no one.
      retry = setTimeout(() => {
        void connect().then(
          () => {
            if (!closed) onAppend();
          },
          () => undefined,
        );
      }, reconnectDelayMs);
    };
    fresh.on('error', onLost);
    fresh.on('end', onLost);
    fresh.on('notification', (notification) => {
      if (ownOrigin === undefined || notification.payload !== ownOrigin) onAppend();
    });
    try {
      await fresh.connect();
      await fresh.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      onLost();
      await fresh.end().catch(() => undefined);
      throw error;
    }
    client = fresh;
    if (closed) await fresh.end();
  };

  await connect();
  started = true;
  return {
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
