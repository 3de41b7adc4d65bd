import { Alert, Box, Link, Loader } from '@navikt/ds-react';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from './auth-context';
import { completeSignIn, type OidcSettings } from './oidc';
import { useWebConfig } from './sign-in-page';

/** Where the issuer sends the browser back with `code` and `state`. */
export function OidcCallbackPage() {
  const config = useWebConfig();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (config.data?.authMode !== 'oidc' || started.current) return;
    started.current = true; // a code is good for one exchange only
    completeSignIn(config.data as OidcSettings, window.location.search)
      .then((token) => {
        signIn(token);
        navigate('/', { replace: true });
      })
      .catch((e: Error) => setError(e.message));
  }, [config.data, signIn, navigate]);

  return (
    <Box as="main" id="hovedinnhold" padding="space-32">
      {error ? (
        <Alert variant="error">
          {error} <Link href="/">Prøv igjen</Link>
        </Alert>
      ) : (
        <Loader title="Logger inn" size="large" />
      )}
    </Box>
  );
}
