import type { AppendResult } from '../../../libs/event-store/src/index.js';
import type { CommandAccepted } from './command-context.js';

export const accepted = (id: string, result: AppendResult): CommandAccepted => ({
  id,
  streamId: result.streamId,
  revision: result.revision,
  position: result.position,
});
