import type { ExpectedRevision } from './event-store.port.js';

/** The stream's revision was not what the writer expected; nothing was appended. */
export class WrongExpectedRevision extends Error {
  override readonly name = 'WrongExpectedRevision';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** -1 when the stream does not exist. */
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at revision ${actual < 0 ? 'none' : actual}, expected ${String(expected)}`);
  }
}

/** The caller gave the store something it cannot store; nothing was appended. */
export class InvalidAppend extends Error {
  override readonly name = 'InvalidAppend';
}

/** A read was asked to start after a position that is not an event's own (a made-up or foreign cursor). */
export class InvalidPosition extends Error {
  override readonly name = 'InvalidPosition';
  constructor(readonly position: number) {
    super(`Position ${position} is not the position of an event in this store`);
  }
}
