/** Who sent a command and how it ties to others: becomes each event's metadata. */
export interface CommandContext {
  /** NAV-ident from the token. */
  actor: string;
  officeNumber: string;
  commandId: string;
  /**
   * Sent with an `Idempotency-Key`: `commandId` is derived from it (command-ids.ts), and so are
   * the ids of what the command makes, so a retry can be recognised in the event store itself.
   */
  retryable: boolean;
  correlationId: string;
  /** The request (or event) that caused this command; the command id itself when nothing did. */
  causationId: string;
  /** ISO-8601 time the server received the command: the deciders' "now". */
  now: string;
  /** `If-Match` revision: when given, the stream must be exactly there (412 otherwise). */
  expectedRevision?: number;
}

/** What every command route answers (201). */
export type { CommandAccepted } from './command-accepted.schema.js';
