import { Histogram, Registry } from 'prom-client';

/**
 * The app's Prometheus registry: a thin face over a prom-client `Registry` that other modules
 * inject to add their figures. Counters take whatever labels they are given (one series per label
 * set), or read a count kept elsewhere at scrape time (`counterOf`); gauges are read at scrape time;
 * histograms are prom-client's own. Labels name kinds of things (a route pattern, a projection, a
 * reason), never an id or anything about a person.
 */
export type Labels = Readonly<Record<string, string>>;

export interface Sample {
  labels?: Labels;
  value: number;
}

export interface Counter {
  inc(labels?: Labels, by?: number): void;
}

type Reading = number | readonly Sample[];

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

export class MetricsRegistry {
  /** For prom-client's own collectors (`collectDefaultMetrics({ register })`). */
  readonly prometheus = new Registry();

  counter(name: string, help: string): Counter {
    const values = new Map<string, Sample>();
    this.add(name, help, 'counter', () => [...values.values()]);
    return {
      inc: (labels = {}, by = 1) => {
        const sorted = Object.fromEntries(
          Object.keys(labels)
            .sort()
            .map((k) => [k, labels[k]!]),
        );
        const key = JSON.stringify(sorted);
        values.set(key, { labels: sorted, value: (values.get(key)?.value ?? 0) + by });
      },
    };
  }

  /**
   * A counter whose count is kept elsewhere (one that only grows, like `AnswerThread.answeredOffThread`),
   * read at every scrape: Prometheus' "counter func".
   */
  counterOf(name: string, help: string, read: () => number): void {
    this.add(name, help, 'counter', () => [{ value: read() }]);
  }

  /** `read` runs on every scrape; one that fails leaves its gauge out of that scrape rather than failing it. */
  gauge(name: string, help: string, read: () => Reading | Promise<Reading>): void {
    this.add(name, help, 'gauge', async () => {
      const value = await Promise.resolve()
        .then(read)
        .catch(() => [] as readonly Sample[]);
      return typeof value === 'number' ? [{ value }] : value;
    });
  }

  histogram<Label extends string>(name: string, help: string, labelNames: readonly Label[], buckets: number[]): Histogram<Label> {
    this.checkName(name);
    return new Histogram({ name, help, labelNames, buckets, registers: [this.prometheus] });
  }

  render(): Promise<string> {
    return this.prometheus.metrics();
  }

  get contentType(): string {
    return this.prometheus.contentType;
  }

  private add(name: string, help: string, type: 'counter' | 'gauge', samples: () => readonly Sample[] | Promise<readonly Sample[]>): void {
    this.checkName(name);
    // prom-client renders any object with a name and a `get()` in the shape of its own metrics.
    const family = { name, help, type, aggregator: 'sum' };
    const metric = { ...family, get: async () => ({ ...family, values: await samples() }) };
    this.prometheus.registerMetric(metric as unknown as Parameters<Registry['registerMetric']>[0]);
  }

  private checkName(name: string): void {
    if (!METRIC_NAME.test(name)) throw new Error(`Invalid metric name ${name}`);
    if (this.prometheus.getSingleMetric(name)) throw new Error(`Metric ${name} is registered twice`);
  }
}
