import pg from 'pg';

const CHANNEL = 'es_appended';

/**
 * Tells other processes' subscriptions that events were appended. NOTIFY is sent after the
 * append's own COMMIT, not inside it: a notifying commit takes a database-wide lock that would
 * serialise every append's commit. Notifications coalesce: one in flight, at most one queued.
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

/** A dedicated connection LISTENing for appends; subscriptions still poll if it drops. */
export async function listenForAppends(connectionString: string, onAppend: () => void): Promise<AppendListener> {
  const client = new pg.Client({ connectionString });
  client.on('error', () => undefined);
  client.on('notification', onAppend);
  await client.connect();
  await client.query(`LISTEN ${CHANNEL}`);
  return { close: () => client.end() };
}
