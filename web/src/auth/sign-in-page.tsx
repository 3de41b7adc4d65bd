import { Alert, Box, Button, Heading, Loader, VStack } from '@navikt/ds-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DevSignInForm } from './dev-sign-in-form';
import { startSignIn, type OidcSettings } from './oidc';

export type WebConfig = { authMode: 'dev' } | ({ authMode: 'oidc' } & OidcSettings);

export const useWebConfig = () =>
  useQuery({
    queryKey: ['web-config'],
    queryFn: async (): Promise<WebConfig> => {
      const response = await fetch('/api/v1/web-config');
      if (!response.ok) throw new Error(`Fikk ikke innloggingsoppsettet (${response.status})`);
      return (await response.json()) as WebConfig;
    },
    staleTime: Infinity,
  });

/** Dev mode: a form for the dev token route. Production: the issuer's sign-in (code flow + PKCE). */
export function SignInPage() {
  const config = useWebConfig();
  const [error, setError] = useState<string | null>(null);
  return (
    <Box as="main" id="hovedinnhold" padding="space-32" maxWidth="32rem" marginInline="auto">
      <VStack gap="space-16">
        <Heading level="1" size="large">
          Logg inn
        </Heading>
        {config.isPending && <Loader title="Henter innloggingsoppsett" />}
        {config.isError && <Alert variant="error">{config.error.message}</Alert>}
        {config.data?.authMode === 'dev' && <DevSignInForm />}
        {config.data?.authMode === 'oidc' && (
          <Button onClick={() => startSignIn(config.data as OidcSettings).catch((e: Error) => setError(e.message))}>
            Logg inn med NAV-konto
          </Button>
        )}
        {error && <Alert variant="error">{error}</Alert>}
      </VStack>
    </Box>
  );
}
