import { MetricsRegistry } from '../../shared/metrics/metrics-registry.js';
import { AuthUnavailable } from '../auth-unavailable.error.js';
import { CachedOfficeDirectory } from './cached-office-directory.js';
import type { OfficeDirectory } from './graph-office-directory.js';

describe("a person's offices, kept for a TTL", () => {
  let clock: number;
  let asked: string[];
  let answer: () => Promise<string[]>;
  let registry: MetricsRegistry;
  let cache: CachedOfficeDirectory;
  beforeEach(() => {
    clock = 0;
    asked = [];
    answer = async () => ['0314'];
    registry = new MetricsRegistry();
    const source: OfficeDirectory = { officesOf: (oid) => (asked.push(oid), answer()) };
    cache = new CachedOfficeDirectory(source, 60_000, registry.counter('lookups', 'lookups'), () => clock);
  });
  const counted = async (outcome: string) =>
    Number(new RegExp(`^lookups\\{outcome="${outcome}"\\} (\\d+)$`, 'm').exec(await registry.render())?.[1] ?? 0);

  it('asks the directory again once the TTL has run out', async () => {
    await expect(cache.officesOf('p1')).resolves.toEqual(['0314']);
    clock = 59_999;
    answer = async () => ['5001'];
    await expect(cache.officesOf('p1')).resolves.toEqual(['0314']);
    clock = 60_000;
    await expect(cache.officesOf('p1')).resolves.toEqual(['5001']);
    expect(asked).toEqual(['p1', 'p1']);
    expect([await counted('fetched'), await counted('cached')]).toEqual([2, 1]);
  });

  it('lets concurrent requests of one person share one lookup', async () => {
    await Promise.all([cache.officesOf('p1'), cache.officesOf('p1'), cache.officesOf('p2')]);
    expect(asked).toEqual(['p1', 'p2']);
  });

  it('never keeps a failure: the next request asks again', async () => {
    answer = async () => {
      throw new AuthUnavailable('Microsoft Graph answered 500');
    };
    await expect(cache.officesOf('p1')).rejects.toBeInstanceOf(AuthUnavailable);
    answer = async () => ['0314'];
    await expect(cache.officesOf('p1')).resolves.toEqual(['0314']);
    expect([await counted('failed'), await counted('fetched')]).toEqual([1, 1]);
  });
});
