import { Inject, Injectable } from '@nestjs/common';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../../config/runtime-config.js';
import { MetricsRegistry, type Counter } from '../metrics/metrics-registry.js';
import { CommandsBusy } from './commands-busy.error.js';

/**
 * At most `COMMANDS_IN_FLIGHT_MAX` commands run at once in this instance; the next is refused at once
 * (503 `COMMANDS.BUSY`, Retry-After) rather than queued behind them. Past what the cores carry, an
 * unbounded queue makes every command slow, for seconds, and clients give up on answers that still
 * come; with the cap, the commands let in are answered within about the cap's worth of the
 * instance's throughput, and a refused one has done nothing (sent again with its Idempotency-Key,
 * it counts once whatever happened to the first).
 */
@Injectable()
export class CommandAdmission {
  private running = 0;
  private readonly refused: Counter;

  constructor(
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    registry: MetricsRegistry,
  ) {
    registry.gauge('commands_in_flight', 'Commands running now in this instance', () => this.running);
    this.refused = registry.counter('commands_refused_total', 'Commands refused (503) because COMMANDS_IN_FLIGHT_MAX were running');
  }

  async admit<T>(command: () => Promise<T>): Promise<T> {
    // Counted before anything is awaited, so commands arriving together cannot all pass the check.
    if (this.running >= this.config.commandsInFlightMax) {
      this.refused.inc();
      throw new CommandsBusy(this.running);
    }
    this.running++;
    try {
      return await command();
    } finally {
      this.running--;
    }
  }
}
