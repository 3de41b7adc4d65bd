import type { RowAccess } from '@app/projections';
import {
  comparedKey,
  emptyCompared,
  withMember,
  withoutMember,
  type ComparedMonth,
  type EngagementDoc,
  type EngagementMonth,
} from './engagement.rows.js';

type Rows = RowAccess<EngagementDoc>;

/**
 * Writes the compared month beside a month row that was just written, from the month row itself:
 * the sums are copied, and an employer or advisor joins or leaves the lists exactly when their key
 * appears in or goes from the month row's counts. So the lists always hold the keys of
 * `employers` and `advisors`, whatever order contacts and corrections come in.
 * `contact`: the employer and advisor whose count this event raised (`counted`) or took back, if any.
 */
export function writeCompared(
  rows: Rows,
  office: string,
  month: EngagementMonth,
  contact?: { orgNumber: string; navIdent: string; counted: boolean },
): void {
  const key = comparedKey(office, month.month);
  const existing = rows.get(key) as ComparedMonth | undefined;
  const compared = existing ?? emptyCompared(month.month);
  const sums = { employerContacts: month.employerContacts, contactsFromOtherOffices: month.contactsFromOtherOffices ?? 0 };
  const unchanged =
    existing !== undefined &&
    contact === undefined &&
    compared.employerContacts === sums.employerContacts &&
    compared.contactsFromOtherOffices === sums.contactsFromOtherOffices;
  if (unchanged) return;
  Object.assign(compared, sums);
  if (contact) {
    compared.employers = membership(compared.employers, month.employers, contact.orgNumber, contact.counted);
    compared.advisors = membership(compared.advisors, month.advisors, contact.navIdent, contact.counted);
  }
  rows.set(key, compared);
}

/** The list after `id`'s count rose or fell by one: it joins on its first count and leaves when no count is left. */
function membership(list: string, counts: Record<string, number>, id: string, counted: boolean): string {
  if (counted) return counts[id] === 1 ? withMember(list, id) : list;
  return Object.hasOwn(counts, id) ? list : withoutMember(list, id);
}
