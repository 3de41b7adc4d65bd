import { Inject, Injectable, Optional } from '@nestjs/common';
import { MetricsRegistry, type Counter } from '../shared/metrics/metrics-registry.js';

/** The auth figures in `/metrics`. Outside the app (a module test) they go to a registry of their own. */
@Injectable()
export class AuthMetrics {
  /** Requests refused before anyone was identified (401), by `reason`: no_token, invalid_token. */
  readonly unauthenticated: Counter;
  /** Office lookups by `outcome`: cached, fetched (from Graph), failed (Graph did not answer; 503). */
  readonly officeLookups: Counter;

  constructor(@Optional() @Inject(MetricsRegistry) registry?: MetricsRegistry) {
    const metrics = registry ?? new MetricsRegistry();
    this.unauthenticated = metrics.counter('auth_unauthenticated_requests_total', 'Requests refused with 401: no verifiable identity');
    this.officeLookups = metrics.counter('auth_office_lookups_total', "Lookups of a caller's offices in Entra ID, by outcome");
  }
}
