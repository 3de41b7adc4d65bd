import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import type { CommandContext } from './command-context.js';

/** Fixed for ever: changing it would change every derived id, and retries would append again. */
const COMMAND_NAMESPACE = '6f0e3c2a-8d4b-5b7e-9a51-3c1d2e4f5a60';

/**
 * The id of a command sent with an `Idempotency-Key`: the same for every retry of it, whatever
 * became of its idempotency record, since it follows from who sent it, where, to which route, and
 * the key. Everything the command makes (events, a new case or need) takes its id from this one.
 */
export const retryableCommandId = (navIdent: string, officeNumber: string, route: string, key: string): string =>
  uuidv5(JSON.stringify([navIdent, officeNumber, route, key]), COMMAND_NAMESPACE);

/**
 * An id for what a command makes, named by `purpose` ('case', `event:<stream>:<n>`). Derived from
 * the command's id when it may be retried, so that a retry makes the same ids and the event
 * store's "already appended" catches it; otherwise a fresh, time-ordered one.
 */
export const idFor = (context: CommandContext, purpose: string): string =>
  context.retryable ? uuidv5(purpose, context.commandId) : uuidv7();
