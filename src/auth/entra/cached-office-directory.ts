import type { Counter } from '../../metrics/metrics-registry.js';
import type { OfficeDirectory } from './graph-office-directory.js';

/** Bounds memory when many people sign in within one TTL; the oldest entry goes first. */
const MAX_PEOPLE = 20_000;

/**
 * A person's offices, kept for a short TTL so that commands and reads do not wait on Graph each
 * time. Concurrent requests of one person share one lookup. A failure is never kept: the next
 * request asks again. Offices removed in Entra ID keep working here until the TTL runs out.
 */
export class CachedOfficeDirectory implements OfficeDirectory {
  private readonly entries = new Map<string, { offices: string[]; until: number }>();
  private readonly pending = new Map<string, Promise<string[]>>();

  constructor(
    private readonly source: OfficeDirectory,
    private readonly ttlMs: number,
    private readonly lookups: Counter,
    private readonly now: () => number = Date.now,
  ) {}

  async officesOf(objectId: string): Promise<string[]> {
    const entry = this.entries.get(objectId);
    if (entry && this.now() < entry.until) {
      this.lookups.inc({ outcome: 'cached' });
      return entry.offices;
    }
    const running = this.pending.get(objectId);
    if (running) return running;
    const lookup = this.fetch(objectId).finally(() => this.pending.delete(objectId));
    this.pending.set(objectId, lookup);
    return lookup;
  }

  private async fetch(objectId: string): Promise<string[]> {
    let offices: string[];
    try {
      offices = await this.source.officesOf(objectId);
    } catch (error) {
      this.lookups.inc({ outcome: 'failed' });
      throw error;
    }
    this.lookups.inc({ outcome: 'fetched' });
    this.entries.delete(objectId);
    this.entries.set(objectId, { offices, until: this.now() + this.ttlMs });
    if (this.entries.size > MAX_PEOPLE) this.entries.delete(this.entries.keys().next().value!);
    return offices;
  }
}
