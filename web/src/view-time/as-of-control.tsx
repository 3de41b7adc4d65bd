import { ClockDashedIcon } from '@navikt/aksel-icons';
import { Alert, Box, Button, HStack, Radio, RadioGroup, TextField, VStack } from '@navikt/ds-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { formatTime } from '../labels/format';
import { isReplay, useViewTime } from './view-time';

/** `2026-11-20 14:05:30` (the browser's time zone) or a time with offset → an instant the API accepts. */
export function instantOf(text: string): string | null {
  const time = new Date(text.trim().replace(' ', 'T'));
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/**
 * "Vis som per": every view page as it stood at an earlier moment or global position (the API's
 * `asOf`/`asOfPosition` replay). While it is on, a warning says so on every page.
 */
export function AsOfControl() {
  const time = useViewTime();
  const [search, setSearch] = useSearchParams();
  const [kind, setKind] = useState<'time' | 'position'>(time.asOfPosition !== undefined ? 'position' : 'time');
  const [value, setValue] = useState(time.asOf ?? (time.asOfPosition !== undefined ? String(time.asOfPosition) : ''));
  const [problem, setProblem] = useState<string | null>(null);
  // A replay may also start elsewhere (an event in Historikk, a shared address): show what is replayed.
  useEffect(() => {
    if (time.asOfPosition !== undefined) {
      setKind('position');
      setValue(String(time.asOfPosition));
    } else if (time.asOf !== undefined) {
      setKind('time');
      setValue(time.asOf);
    }
  }, [time.asOf, time.asOfPosition]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(search);
    next.delete('asOf');
    next.delete('asOfPosition');
    next.delete('after');
    if (kind === 'time') {
      const instant = instantOf(value);
      if (!instant) return setProblem('Skriv et tidspunkt som 2026-11-20 14:05:30');
      next.set('asOf', instant);
    } else {
      if (!/^\d+$/.test(value.trim())) return setProblem('Skriv en posisjon (et heltall, 0 eller mer)');
      next.set('asOfPosition', value.trim());
    }
    setProblem(null);
    setSearch(next);
  };
  const live = () => {
    const next = new URLSearchParams(search);
    next.delete('asOf');
    next.delete('asOfPosition');
    setSearch(next);
  };

  return (
    <Box as="section" aria-label="Vis som per" borderWidth="1" borderRadius="8" padding="space-12">
      <VStack gap="space-12">
        <form onSubmit={apply}>
          <HStack gap="space-16" align="end" wrap>
            <RadioGroup legend="Vis som per" size="small" value={kind} onChange={(v: 'time' | 'position') => setKind(v)}>
              <HStack gap="space-16">
                <Radio value="time">Tidspunkt</Radio>
                <Radio value="position">Posisjon</Radio>
              </HStack>
            </RadioGroup>
            <TextField
              label={kind === 'time' ? 'Tidspunkt (ÅÅÅÅ-MM-DD tt:mm:ss)' : 'Posisjon i hendelsesloggen'}
              size="small"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              error={problem ?? undefined}
            />
            <Button size="small" type="submit" variant="secondary" icon={<ClockDashedIcon aria-hidden />}>
              Vis som per
            </Button>
            {isReplay(time) && (
              <Button size="small" type="button" variant="tertiary" onClick={live}>
                Tilbake til nå
              </Button>
            )}
          </HStack>
        </form>
        {isReplay(time) && (
          <Alert variant="warning" data-testid="replay-banner">
            Avspilling: sidene viser visningene slik de sto{' '}
            {time.asOf ? `per ${formatTime(time.asOf)}` : `ved posisjon ${time.asOfPosition}`}, ikke slik de er nå.
          </Alert>
        )}
      </VStack>
    </Box>
  );
}
