/** Where the writers send commands: the live app instances, which change as faults kill and restart them. */
export interface Targets {
  bases(): string[];
}

export interface Ack {
  id: string;
  streamId: string;
  revision: number;
  position: number;
}

/** Every answer of one logical command (one correlation id, one Idempotency-Key if any, however many tries). */
export interface CommandRecord {
  kind: string;
  correlationId: string;
  keyed: boolean;
  startedAt: number;
  answers: (number | 'dropped')[];
  ack?: Ack;
  ackedAt?: number;
}

const TRIES = 8;
const GIVE_UP_MS = 30_000;

/**
 * A client as a careful caller writes one: retries on a dropped connection or a 5xx (with the same
 * Idempotency-Key and correlation id), fetches a new token when an instance answers 401 (a restarted
 * instance signs with a new dev key), and gives up after a bounded number of tries and time.
 */
export class ChaosClient {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(private readonly targets: Targets) {}

  async command(record: CommandRecord, path: string, body: object): Promise<CommandRecord> {
    const deadline = Date.now() + GIVE_UP_MS;
    for (let attempt = 0; attempt < TRIES && Date.now() < deadline; attempt++) {
      const bases = this.targets.bases();
      const base = bases[(attempt + record.startedAt) % Math.max(bases.length, 1)];
      if (!base) {
        // Every instance is down (a supervisor is starting one): waiting is not a try.
        attempt--;
        await pause(0);
        continue;
      }
      const { status, ack } = await this.post(base, path, body, record);
      if (status === 401) continue;
      record.answers.push(status);
      if (ack) {
        record.ack = ack;
        record.ackedAt = Date.now();
        return record;
      }
      if (status !== 'dropped' && status < 500) return record;
      await pause(attempt);
    }
    return record;
  }

  async get<T>(base: string, path: string, role: 'admin' = 'admin'): Promise<T> {
    const headers = { authorization: `Bearer ${await this.token(base, role)}` };
    const response = await fetch(`${base}${path}`, { headers, signal: AbortSignal.timeout(30_000) });
    if (response.status === 401) this.tokens.delete(`${base}|${role}`);
    if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  }

  private async post(base: string, path: string, body: object, record: CommandRecord): Promise<{ status: number | 'dropped'; ack?: Ack }> {
    try {
      const headers: Record<string, string> = {
        authorization: `Bearer ${await this.token(base, 'advisor')}`,
        'content-type': 'application/json',
        'x-correlation-id': record.correlationId,
      };
      if (record.keyed) headers['idempotency-key'] = record.correlationId;
      const signal = AbortSignal.timeout(15_000);
      const response = await fetch(`${base}/api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body), signal });
      if (response.status === 401) this.tokens.delete(`${base}|advisor`);
      if (!response.ok) return { status: response.status };
      return { status: response.status, ack: (await response.json()) as Ack };
    } catch {
      // No answer, or one cut off: the command may or may not be stored.
      this.tokens.delete(`${base}|advisor`);
      return { status: 'dropped' };
    }
  }

  private token(base: string, role: 'advisor' | 'admin'): Promise<string> {
    const key = `${base}|${role}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = fetchToken(base, role);
      token.catch(() => this.tokens.delete(key));
      this.tokens.set(key, token);
    }
    return token;
  }
}

export const OFFICES = ['0314', '5701', '1201', '4601'] as const;

async function fetchToken(base: string, role: 'advisor' | 'admin'): Promise<string> {
  const response = await fetch(`${base}/api/v1/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ navIdent: role === 'admin' ? 'X123456' : 'Z123456', roles: [role], offices: role === 'admin' ? [] : OFFICES }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`dev token: HTTP ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.min(2000, 250 * 2 ** attempt)));
