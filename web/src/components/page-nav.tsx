import { HStack, Link } from '@navikt/ds-react';
import { NavLink } from 'react-router';
import { useSession } from '../auth/auth-context';
import { isAuditor } from '../auth/session';
import { useReplaySearch } from '../view-time/view-time';

const OFFICE_PAGES = [
  ['oversikt', 'Kontoroversikt'],
  ['resultater', 'Resultater'],
  ['oppfolging', 'Oppfølging'],
  ['arbeidsgivere', 'Arbeidsgivere'],
  ['historikk', 'Historikk'],
] as const;

/** The pages, keeping a running replay ("Vis som per") across them. */
export function PageNav({ office }: { office?: string }) {
  const session = useSession();
  const replay = useReplaySearch();
  const current = office ?? session.offices[0];
  const links: [string, string][] = current ? OFFICE_PAGES.map(([page, name]) => [`/kontor/${current}/${page}`, name]) : [];
  links.push(['/kontorer', 'Kontorer']);
  if (isAuditor(session)) links.push(['/leverandorer', 'Leverandører']);
  return (
    <HStack as="nav" aria-label="Sider" gap="space-16" className="page-nav" wrap>
      {links.map(([to, name]) => (
        <Link key={to} as={NavLink} to={`${to}${replay}`}>
          {name}
        </Link>
      ))}
    </HStack>
  );
}
