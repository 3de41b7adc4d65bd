import { Button, HStack, TextField } from '@navikt/ds-react';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** `from`/`to` months in the address; empty: the API's default, the 12 months up to now (or the replay's moment). */
export function usePeriod(): { from?: string; to?: string } {
  const [search] = useSearchParams();
  return { from: search.get('from') ?? undefined, to: search.get('to') ?? undefined };
}

export function PeriodPicker() {
  const [search, setSearch] = useSearchParams();
  const [from, setFrom] = useState(search.get('from') ?? '');
  const [to, setTo] = useState(search.get('to') ?? '');
  const bad = (month: string) => (month && !MONTH.test(month) ? 'Skriv måned som ÅÅÅÅ-MM' : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (bad(from) || bad(to)) return;
    const next = new URLSearchParams(search);
    for (const [key, value] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearch(next);
  };
  return (
    <form onSubmit={submit} aria-label="Periode">
      <HStack gap="space-12" align="end" wrap>
        <TextField
          label="Fra måned"
          description="ÅÅÅÅ-MM"
          size="small"
          htmlSize={9}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          error={bad(from)}
        />
        <TextField
          label="Til måned"
          description="ÅÅÅÅ-MM"
          size="small"
          htmlSize={9}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          error={bad(to)}
        />
        <Button size="small" variant="secondary" type="submit">
          Vis periode
        </Button>
      </HStack>
    </form>
  );
}
