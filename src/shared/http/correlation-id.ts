import type { NextFunction, Request, Response } from 'express';
import { v7 as uuidv7 } from 'uuid';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/i;
/** Both can still spell 11 digits in a row (a UUID's last group, a ULID's body): that could be a fødselsnummer. */
const ELEVEN_DIGITS = /\d{11}/;

export const CORRELATION_HEADER = 'x-correlation-id';
export const CORRELATION_SOURCE_HEADER = 'X-Correlation-Id-Source';

/** A correlation id we may keep for ever (event metadata, logs, the access log): a UUID or ULID holding no run of 11 digits. */
export const isAcceptableCorrelationId = (value: string): boolean => (UUID.test(value) || ULID.test(value)) && !ELEVEN_DIGITS.test(value);

/**
 * A new correlation id (UUID v7) that this service would itself keep: about one UUID in 130 holds
 * 11 digits in a row in its last group, and is drawn again.
 */
export function newCorrelationId(): string {
  for (;;) {
    const id = uuidv7();
    if (isAcceptableCorrelationId(id)) return id;
  }
}

/**
 * The first middleware: settles the request's correlation id before anything reads it. A given
 * one is kept only if acceptable; otherwise a new one (UUID v7) replaces it in the request's own
 * headers, so the logger, the access log and event metadata never see the refused value. The
 * answer says which id was used and whether it was the caller's (`request`) or made here (`generated`).
 */
export function correlationIdMiddleware(request: Request, response: Response, next: NextFunction): void {
  const given = request.headers[CORRELATION_HEADER];
  const taken = typeof given === 'string' && isAcceptableCorrelationId(given);
  const id = taken ? given : newCorrelationId();
  request.headers[CORRELATION_HEADER] = id;
  response.setHeader('X-Correlation-Id', id);
  response.setHeader(CORRELATION_SOURCE_HEADER, taken ? 'request' : 'generated');
  next();
}
