import { ArrowsCirclepathIcon } from '@navikt/aksel-icons';
import { BodyShort, Button, HStack } from '@navikt/ds-react';
import { useEffect, useState } from 'react';
import type { ViewAnswer } from '../api/view-types';
import { formatTime } from '../labels/format';

/**
 * How current the answer is: the view's position and how long ago it was read. A write made a
 * moment ago may not show yet (views follow the log); "Oppdater" reads again. Without `updatedAt`
 * the answer shown is an earlier one while the one asked for is on its way.
 */
export function Freshness({
  answer,
  updatedAt,
  fetching,
  refresh,
}: {
  answer: ViewAnswer;
  updatedAt: number | undefined;
  fetching: boolean;
  refresh: () => void;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const replay = answer.asOfPosition !== undefined;
  const age = updatedAt === undefined ? 'henter nytt svar' : `oppdatert for ${Math.max(0, Math.round((now - updatedAt) / 1000))} s siden`;
  return (
    <HStack gap="space-8" align="center" data-testid="freshness">
      <BodyShort size="small" textColor="subtle">
        {replay ? `Avspilling per ${formatTime(answer.asOf)} (posisjon ${answer.asOfPosition})` : `Posisjon ${answer.position} · ${age}`}
      </BodyShort>
      <Button size="xsmall" variant="tertiary" icon={<ArrowsCirclepathIcon aria-hidden />} onClick={refresh} loading={fetching}>
        Oppdater
      </Button>
    </HStack>
  );
}
