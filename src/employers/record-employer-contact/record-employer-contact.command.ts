import type { Channel, Theme } from '../../shared/domain/codes.js';

export interface RecordEmployerContact {
  contactId: string;
  orgNumber: string;
  employerName?: string;
  naceCode?: string;
  channel: Channel;
  theme: Theme;
  occurredAt: string;
  durationMinutes?: number;
  note?: string;
  noPersonalData?: boolean;
  navIdent: string;
  /** The server's clock when the command arrived. */
  now: string;
}
