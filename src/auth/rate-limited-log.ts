import { Logger } from '@nestjs/common';

/**
 * At most one warning per interval, saying how many were held back. For events anyone can cause
 * at any rate (requests without a token, an outage of Graph), where a line per event would let a
 * caller flood the logs.
 */
export class RateLimitedLog {
  private readonly logger: Logger;
  private lastAt = -Infinity;
  private heldBack = 0;

  constructor(
    context: string,
    private readonly intervalMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {
    this.logger = new Logger(context);
  }

  warn(line: string): void {
    const now = this.now();
    if (now - this.lastAt < this.intervalMs) {
      this.heldBack++;
      return;
    }
    const held = this.heldBack ? ` (and ${this.heldBack} more since the last line)` : '';
    this.lastAt = now;
    this.heldBack = 0;
    this.logger.warn(`${line}${held}`);
  }
}
