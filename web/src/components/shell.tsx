import { LeaveIcon } from '@navikt/aksel-icons';
import { Box, HStack, InternalHeader, Spacer, VStack } from '@navikt/ds-react';
import type { ReactNode } from 'react';
import { matchPath, useLocation } from 'react-router';
import { useSession, useAuth } from '../auth/auth-context';
import { ROLE, label } from '../labels/codes.nb';
import { AsOfControl } from '../view-time/as-of-control';
import { OfficePicker } from './office-picker';
import { PageNav } from './page-nav';

/** Header, navigation, the office and "Vis som per" controls around every page. */
export function Shell({ children }: { children: ReactNode }) {
  const session = useSession();
  const { signOut } = useAuth();
  const { pathname } = useLocation();
  const office = matchPath('/kontor/:office/*', pathname)?.params.office;
  return (
    <>
      <a className="skip-link" href="#hovedinnhold">
        Hopp til hovedinnhold
      </a>
      <InternalHeader>
        <InternalHeader.Title as="span">Arbeidsgiverkontakt</InternalHeader.Title>
        <Spacer />
        <InternalHeader.User name={session.navIdent} description={session.roles.map((r) => label(ROLE, r)).join(', ')} />
        <InternalHeader.Button onClick={signOut}>
          <LeaveIcon title="Logg ut" fontSize="1.5rem" />
        </InternalHeader.Button>
      </InternalHeader>
      <Box paddingInline="space-24" paddingBlock="space-16">
        <VStack gap="space-16">
          <HStack gap="space-24" align="end" wrap>
            <OfficePicker office={office} />
            <PageNav office={office} />
          </HStack>
          <AsOfControl />
          <Box as="main" id="hovedinnhold" tabIndex={-1}>
            {children}
          </Box>
        </VStack>
      </Box>
    </>
  );
}
