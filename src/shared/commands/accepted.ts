import type { AppendResult } from '@app/event-store';
import type { CommandAccepted } from './command-context.js';

export const accepted = (id: string, result: AppendResult): CommandAccepted => ({
  id,
  streamId: result.streamId,
  revision: result.revision,
  position: result.position,
});
