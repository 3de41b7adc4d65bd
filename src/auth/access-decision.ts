/** What the guard decided about one request; the access log (sporingslogg) records these. */
export interface AccessDecision {
  allowed: boolean;
  /** Absent when no valid token was given. */
  navIdent?: string;
  roles: string[];
  officeNumber?: string;
  method: string;
  route: string;
  reason: string;
  correlationId?: string;
}

export interface AccessDecisionListener {
  onDecision(decision: AccessDecision): void | Promise<void>;
}

export const ACCESS_DECISION_LISTENER = Symbol('ACCESS_DECISION_LISTENER');

export const ignoreDecisions: AccessDecisionListener = { onDecision: () => undefined };
