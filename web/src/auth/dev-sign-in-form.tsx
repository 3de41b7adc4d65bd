import { Alert, Button, Radio, RadioGroup, TextField, VStack } from '@navikt/ds-react';
import { useState, type FormEvent } from 'react';
import { ROLE } from '../labels/codes.nb';
import { useAuth } from './auth-context';

/** Dev mode only: asks `POST /api/v1/dev/token` for a token with the claims typed here. */
export function DevSignInForm() {
  const { signIn } = useAuth();
  const [navIdent, setNavIdent] = useState('M123456');
  const [role, setRole] = useState('manager');
  const [offices, setOffices] = useState('0314');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const response = await fetch('/api/v1/dev/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ navIdent: navIdent.trim(), roles: [role], offices: offices.split(/[\s,]+/).filter(Boolean) }),
    });
    const body = (await response.json()) as { token?: string; detail?: string; errors?: { path: string; message: string }[] };
    if (!response.ok || !body.token) {
      setError(body.errors?.map((e) => `${e.path}: ${e.message}`).join('; ') ?? body.detail ?? `Feil ${response.status}`);
      return;
    }
    signIn(body.token);
  };

  return (
    <form onSubmit={submit}>
      <VStack gap="space-16">
        <Alert variant="info" size="small">
          Utviklingsmodus: token fra tjenestens egen testnøkkel.
        </Alert>
        <TextField
          label="NAV-ident"
          description="Én bokstav og seks siffer"
          value={navIdent}
          onChange={(e) => setNavIdent(e.target.value)}
        />
        <RadioGroup legend="Rolle" value={role} onChange={setRole}>
          {Object.entries(ROLE).map(([code, name]) => (
            <Radio key={code} value={code}>
              {name}
            </Radio>
          ))}
        </RadioGroup>
        <TextField
          label="Kontorer"
          description="Kontornumre, skilt med komma"
          value={offices}
          onChange={(e) => setOffices(e.target.value)}
        />
        {error && <Alert variant="error">{error}</Alert>}
        <Button type="submit">Logg inn</Button>
      </VStack>
    </form>
  );
}
