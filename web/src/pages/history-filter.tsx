import { Button, Checkbox, CheckboxGroup, HStack, TextField, VStack } from '@navikt/ds-react';
import { useState, type FormEvent } from 'react';
import { EVENT_TYPE } from '../labels/codes.nb';
import { instantOf } from '../view-time/as-of-control';

export interface HistoryFilterValues {
  types: string[];
  from: string;
  to: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A date stays a date (a whole UTC day, as the API reads it); a time becomes an instant. */
const timeParam = (text: string) => (text.trim() === '' ? '' : DATE.test(text.trim()) ? text.trim() : instantOf(text));

export function HistoryFilter({ value, onChange }: { value: HistoryFilterValues; onChange: (next: HistoryFilterValues) => void }) {
  const [types, setTypes] = useState(value.types);
  const [from, setFrom] = useState(value.from);
  const [to, setTo] = useState(value.to);
  const bad = (text: string) => (timeParam(text) === null ? 'Skriv en dato (ÅÅÅÅ-MM-DD) eller et tidspunkt' : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (bad(from) || bad(to)) return;
    onChange({ types, from: timeParam(from) ?? '', to: timeParam(to) ?? '' });
  };
  return (
    <form onSubmit={submit} aria-label="Filter for historikk">
      <VStack gap="space-12">
        <CheckboxGroup legend="Hendelsestyper" description="Ingen valgt: alle" size="small" value={types} onChange={setTypes}>
          <HStack gap="space-4 space-16" wrap>
            {Object.entries(EVENT_TYPE).map(([code, name]) => (
              <Checkbox key={code} value={code}>
                {name}
              </Checkbox>
            ))}
          </HStack>
        </CheckboxGroup>
        <HStack gap="space-12" align="end" wrap>
          <TextField
            label="Fra"
            description="Dato eller tidspunkt"
            size="small"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            error={bad(from)}
          />
          <TextField
            label="Til"
            description="Dato (hele dagen) eller tidspunkt"
            size="small"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            error={bad(to)}
          />
          <Button size="small" variant="secondary" type="submit">
            Filtrer
          </Button>
        </HStack>
      </VStack>
    </form>
  );
}
