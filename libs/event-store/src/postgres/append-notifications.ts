import pg from 'pg';
import { CONNECTION_SETTINGS } from '@app/database';

const CHANNEL = 'es_appended';

/**
 * Tells the subscriptions of every process, this one's included (they hear it through their
 * listener), that events were appended, once an append's own COMMIT has returned. Never inside the
 * append's transaction: a notifying commit holds a database-wide lock from before its commit record
 * until after the record is flushed, so each notifying commit waits for the one before it to reach
 * the disk, and one slow flush held up every append behind it (bench/README.md, "Appends no longer
 * wait for each other's NOTIFY"). A NOTIFY on its own writes no commit record and waits for no
 * flush, so it holds that lock only for a moment. Notifications coalesce: one in flight, at most
 * one queued.
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
