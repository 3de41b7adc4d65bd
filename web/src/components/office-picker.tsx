import { Button, HStack, Select, TextField } from '@navikt/ds-react';
import { useState, type FormEvent } from 'react';
import { matchPath, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/auth-context';
import { isAuditor } from '../auth/session';
import { useReplaySearch } from '../view-time/view-time';

/** Managers choose among their offices; auditors may type any office number. */
export function OfficePicker({ office }: { office?: string }) {
  const session = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const replay = useReplaySearch();
  const page = matchPath('/kontor/:office/:page', pathname)?.params.page ?? 'oversikt';
  const go = (number: string) => navigate(`/kontor/${number}/${page}${replay}`);
  const [typed, setTyped] = useState(office ?? '');

  if (isAuditor(session)) {
    const submit = (event: FormEvent) => {
      event.preventDefault();
      if (/^\d{4}$/.test(typed)) go(typed);
    };
    return (
      <form onSubmit={submit}>
        <HStack gap="space-8" align="end">
          <TextField
            label="Kontor"
            size="small"
            htmlSize={6}
            inputMode="numeric"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
          <Button size="small" type="submit" variant="secondary">
            Vis kontor
          </Button>
        </HStack>
      </form>
    );
  }
  const choices = office && !session.offices.includes(office) ? [...session.offices, office] : session.offices;
  return (
    <Select label="Kontor" size="small" value={office ?? ''} onChange={(e) => go(e.target.value)}>
      {!office && <option value="">Velg kontor</option>}
      {choices.map((number) => (
        <option key={number} value={number}>
          {number}
        </option>
      ))}
    </Select>
  );
}
