/** What the guard decided about one request; the access log (sporingslogg) records these. */
export interface AccessDecision {
  allowed: boolean;
  /** Absent when no valid token was given. */
  navIdent?: string;
  roles: string[];
  /** The route's office, only when it is a well-formed office number. */
  officeNumber?: string;
  method: string;
  /** The route's pattern (`/api/v1/offices/:officeNumber/history`), never the raw path. */
  route: string;
  /** The route serves client-level data (`@ClientLevel()`): allowed reads are logged too. */
  clientLevel: boolean;
  reason: string;
  correlationId?: string;
}

export interface AccessDecisionListener {
  onDecision(decision: AccessDecision): void | Promise<void>;
}

export const ACCESS_DECISION_LISTENER = Symbol('ACCESS_DECISION_LISTENER');

export const ignoreDecisions: AccessDecisionListener = { onDecision: () => undefined };
