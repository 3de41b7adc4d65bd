import type { ExitReason } from '../../shared/domain/codes.js';

export interface ExitClient {
  caseId: string;
  reason: ExitReason;
  occurredAt: string;
  navIdent: string;
  now: string;
}
