/** Samples the process's resident set every 50 ms: the peak while something runs, not since start. */
export class PeakRss {
  private peak = process.memoryUsage.rss();
  private readonly timer = setInterval(() => this.sample(), 50);

  reset(): void {
    this.peak = process.memoryUsage.rss();
  }

  /** Stops sampling; the peak in MB. */
  stop(): number {
    this.sample();
    clearInterval(this.timer);
    return Math.round(this.peak / 1_048_576);
  }

  private sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }
}
