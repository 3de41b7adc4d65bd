import pg from 'pg';
import { CONNECTION_SETTINGS } from '@app/database';

const CHANNEL = 'es_appended';

/**
 * Tells other processes' subscriptions that events were appended by an append sent alone through
 * `es_append` (a group call of `es_append_many` notifies inside its own transaction instead: see
 * append-groups.ts). NOTIFY is sent after the append's own COMMIT, not inside it: a notifying
 * commit takes a database-wide lock that would serialise every single append's commit; with group
 * commit there are only a few group transactions in flight, and measured, notifying inside them
 * was no slower than a NOTIFY after each. Notifications coalesce: one in flight, at most one queued.
 */
export class AppendNotifier {
  private inFlight?: Promise<void>;
  private again = false;

  constructor(private readonly pool: pg.Pool) {}

  appended(): void {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = this.pool
      .query(`NOTIFY ${CHANNEL}`)
      .then(
        () => undefined,
        () => undefined, // a lost wake-up only delays subscribers until their next poll
      )
      .finally(() => {
        this.inFlight = undefined;
        if (this.again) {
          this.again = false;
          this.appended();
        }
      });
  }

  async drain(): Promise<void> {
    this.again = false;
    while (this.inFlight) await this.inFlight;
  }
}

export interface AppendListener {
  close(): Promise<void>;
}

/**
 * A dedicated connection LISTENing for appends. When it drops it is made again, and subscribers
 * are woken then, since notifications sent meanwhile are lost; until then they still poll.
 */
export async function listenForAppends(connectionString: string, onAppend: () => void, reconnectDelayMs = 1000): Promise<AppendListener> {
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
    fresh.on('notification', onAppend);
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
