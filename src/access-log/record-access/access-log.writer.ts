import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AccessDecision, AccessDecisionListener } from '../../auth/access-decision.js';
import { entryOf, isLogged } from '../access-log-entry.js';
import { MetricsRegistry, type Counter } from '../../shared/metrics/metrics-registry.js';

/**
 * Writes the guard's decisions to the access log before the request goes on. A failed insert
 * is not swallowed: the guard fails the request (500), so no client-level read is ever served
 * unlogged, and a refusal is not answered as if it had been recorded.
 */
@Injectable()
export class AccessLogWriter implements AccessDecisionListener {
  private readonly failures: Counter;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    registry: MetricsRegistry,
  ) {
    const help = 'Access-log lines that could not be written (each failed its request)';
    this.failures = registry.counter('access_log_write_failures_total', help);
  }

  async onDecision(decision: AccessDecision): Promise<void> {
    if (!isLogged(decision)) return;
    const e = entryOf(decision);
    await this.dataSource
      .query(
        `INSERT INTO access_log (nav_ident, roles, office_number, method, route, allowed, reason, correlation_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [e.navIdent, e.roles, e.officeNumber, e.method, e.route, e.allowed, e.reason, e.correlationId],
      )
      .catch((error: unknown) => {
        this.failures.inc();
        throw error;
      });
  }
}
