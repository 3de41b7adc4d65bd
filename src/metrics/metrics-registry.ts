/**
 * A deliberately small Prometheus registry (text exposition format 0.0.4): counters with labels
 * and gauges read at scrape time. Enough for uptime and request counts; other modules inject
 * it to add their own figures (e.g. a projection's lag).
 */
export type Labels = Readonly<Record<string, string>>;

export interface Sample {
  labels?: Labels;
  value: number;
}

export interface Counter {
  inc(labels?: Labels, by?: number): void;
}

interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge';
  samples(): readonly Sample[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** How long a scrape waits for the figures that need a query (`beforeScrape`) before it shows the last ones. */
const REFRESH_TIMEOUT_MS = 2000;

export class MetricsRegistry {
  private readonly families = new Map<string, Family>();
  private readonly refreshers: (() => Promise<void>)[] = [];

  /**
   * Figures that need a query (a database read) refresh here before each scrape; a gauge then
   * reads what it left. One that fails or takes longer than 2 s leaves its last figures.
   */
  beforeScrape(refresh: () => Promise<void>): void {
    this.refreshers.push(refresh);
  }

  async refresh(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, REFRESH_TIMEOUT_MS)));
    const all = Promise.all(this.refreshers.map((refresh) => refresh().catch(() => undefined)));
    await Promise.race([all, timeout]);
    clearTimeout(timer);
  }

  counter(name: string, help: string): Counter {
    const values = new Map<string, Sample>();
    this.add({ name, help, type: 'counter', samples: () => [...values.values()] });
    return {
      inc: (labels = {}, by = 1) => {
        const key = labelText(labels);
        const sample = values.get(key) ?? { labels, value: 0 };
        values.set(key, { labels, value: sample.value + by });
      },
    };
  }

  /** `read` runs on every scrape. */
  gauge(name: string, help: string, read: () => number | readonly Sample[]): void {
    this.add({ name, help, type: 'gauge', samples: () => ((value) => (typeof value === 'number' ? [{ value }] : value))(read()) });
  }

  render(): string {
    const lines: string[] = [];
    for (const family of this.families.values()) {
      lines.push(`# HELP ${family.name} ${family.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`, `# TYPE ${family.name} ${family.type}`);
      for (const sample of family.samples()) lines.push(`${family.name}${labelText(sample.labels ?? {})} ${formatValue(sample.value)}`);
    }
    return `${lines.join('\n')}\n`;
  }

  private add(family: Family): void {
    if (!METRIC_NAME.test(family.name)) throw new Error(`Invalid metric name ${family.name}`);
    if (this.families.has(family.name)) throw new Error(`Metric ${family.name} is registered twice`);
    this.families.set(family.name, family);
  }
}

const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

function labelText(labels: Labels): string {
  const pairs = Object.keys(labels)
    .sort()
    .map((name) => `${name}="${escapeLabel(labels[name]!)}"`);
  return pairs.length ? `{${pairs.join(',')}}` : '';
}

const formatValue = (value: number) => (Number.isFinite(value) ? String(value) : value > 0 ? '+Inf' : value < 0 ? '-Inf' : 'NaN');
