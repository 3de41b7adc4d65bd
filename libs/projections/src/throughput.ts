/** Events per second over the last `windowMs`, from what each batch handled. */
export class Throughput {
  private readonly samples: { at: number; events: number }[] = [];

  constructor(
    private readonly startedAt = Date.now(),
    private readonly windowMs = 10_000,
  ) {}

  record(events: number, at = Date.now()): number {
    this.samples.push({ at, events });
    while (this.samples.length > 0 && this.samples[0]!.at <= at - this.windowMs) this.samples.shift();
    const span = Math.min(this.windowMs, Math.max(at - this.startedAt, 1));
    const total = this.samples.reduce((sum, sample) => sum + sample.events, 0);
    return Math.round((total * 1000) / span);
  }
}
