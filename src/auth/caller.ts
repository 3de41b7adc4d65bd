export const ROLES = ['advisor', 'manager', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from a verified token. */
export interface Caller {
  navIdent: string;
  roles: Role[];
  offices: string[];
}
