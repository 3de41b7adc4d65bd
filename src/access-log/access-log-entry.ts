import type { AccessDecision } from '../auth/access-decision.js';
import { isOfficeNumber } from '../shared/values/office-number.js';

/** One row of the access log, as stored and as auditors read it. */
export interface AccessLogEntry {
  navIdent: string | null;
  roles: string[];
  officeNumber: string | null;
  method: string;
  route: string;
  allowed: boolean;
  reason: string;
  correlationId: string | null;
}

/** Eleven digits in a row could be a fødselsnummer: never stored, whatever field it came in. */
const ELEVEN_DIGITS = /\d{11,}/g;

/**
 * Which decisions are logged: of a known caller, every refusal on any route and every allowed read
 * of client-level data. A request with no verifiable identity (401) is not: anyone can send those
 * at any rate, and the log refuses deletion; the guard counts them in metrics instead.
 */
export const isLogged = (decision: AccessDecision): boolean =>
  decision.navIdent !== undefined && (!decision.allowed || decision.clientLevel);

/**
 * The row for a decision, with nothing that could hold a personal id number: the route is a
 * pattern, the office four digits, and free text (reason, a caller-supplied correlation id)
 * loses any long run of digits. Defence in depth: the guard already hands over patterns only.
 */
export function entryOf(decision: AccessDecision): AccessLogEntry {
  const correlationId = decision.correlationId;
  return {
    navIdent: decision.navIdent && /^[A-Z]\d{6}$/.test(decision.navIdent) ? decision.navIdent : null,
    roles: [...decision.roles],
    officeNumber: decision.officeNumber && isOfficeNumber(decision.officeNumber) ? decision.officeNumber : null,
    method: decision.method.slice(0, 10),
    route: decision.route.replace(ELEVEN_DIGITS, '[redacted]').slice(0, 200),
    allowed: decision.allowed,
    reason: decision.reason.replace(ELEVEN_DIGITS, '[redacted]').slice(0, 300),
    correlationId: correlationId && /^[\w.:-]{1,100}$/.test(correlationId) && !/\d{11}/.test(correlationId) ? correlationId : null,
  };
}
