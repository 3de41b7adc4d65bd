import { WrongExpectedRevision } from '@app/event-store';
import { RevisionMismatch } from '../errors/revision-mismatch.error.js';
import type { CommandContext } from './command-context.js';
import { retryOnConflict } from './decide-on-stream.js';

const context: CommandContext = {
  actor: 'Z123456',
  officeNumber: '0314',
  commandId: 'c',
  retryable: false,
  correlationId: 'c',
  causationId: 'c',
  now: '2026-05-01T12:00:00Z',
  expectedRevision: 3,
};

/** An attempt that loses a race on `streamId` the first time and succeeds after. */
const losingOnce = (streamId: string) => {
  let calls = 0;
  return {
    attempt: async () => {
      calls += 1;
      if (calls === 1) throw new WrongExpectedRevision(streamId, 0, 1);
      return 'stored';
    },
    calls: () => calls,
  };
};

describe('retrying a command that lost a race', () => {
  it('answers 412 when the stream If-Match is about moved', async () => {
    const race = losingOnce('office-0314.employer-974760673');
    await expect(retryOnConflict(context, race.attempt, 'office-0314.employer-974760673')).rejects.toBeInstanceOf(RevisionMismatch);
    expect(race.calls()).toBe(1);
  });

  it('decides again when another stream of the same atomic append moved, If-Match or not', async () => {
    const race = losingOnce('employer-home-974760673');
    await expect(retryOnConflict(context, race.attempt, 'office-0314.employer-974760673')).resolves.toBe('stored');
    expect(race.calls()).toBe(2);
  });

  it('without a named stream, any moved stream is a 412 under If-Match, as before', async () => {
    await expect(retryOnConflict(context, losingOnce('employer-home-974760673').attempt)).rejects.toBeInstanceOf(RevisionMismatch);
  });
});
