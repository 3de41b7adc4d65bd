/** Wakes waiting subscribers when something was appended; a timeout keeps a lost wake-up harmless. */
export class ChangeSignal {
  private waiters = new Set<() => void>();
  private notified = 0;

  /** Take before reading; `wait(…, since)` then returns at once if an append came during the read. */
  get generation(): number {
    return this.notified;
  }

  notify(): void {
    this.notified++;
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
  }

  wait(timeoutMs: number, since = this.notified): Promise<void> {
    if (since !== this.notified) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      this.waiters.add(wake);
    });
  }
}
