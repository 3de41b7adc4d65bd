/** Who is signed in, read from the access token's claims (the API verifies them; this only shows them). */
export interface Session {
  token: string;
  navIdent: string;
  roles: string[];
  offices: string[];
}

export function sessionOf(token: string): Session {
  const payload = token.split('.')[1] ?? '';
  const json = atob(
    payload
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(payload.length / 4) * 4, '='),
  );
  const claims = JSON.parse(json) as { sub?: string; NAVident?: string; roles?: unknown; offices?: unknown };
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  return { token, navIdent: claims.NAVident ?? claims.sub ?? '', roles: strings(claims.roles), offices: strings(claims.offices) };
}

export const isAuditor = (session: Session) => session.roles.includes('auditor');
export const mayReadViews = (session: Session) => session.roles.includes('manager') || isAuditor(session);
