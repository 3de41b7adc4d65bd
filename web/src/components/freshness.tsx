import { ArrowsCirclepathIcon } from '@navikt/aksel-icons';
import { BodyShort, Button, HStack } from '@navikt/ds-react';
import { useEffect, useState } from 'react';
import type { ViewAnswer } from '../api/view-types';
import { formatTime } from '../labels/format';

/**
 * How current the answer is: the view's position and how long ago it was read. A write made a
 * moment ago may not show yet (views follow the log); "Oppdater" reads again.
 */
export function Freshness({
  answer,
  updatedAt,
  fetching,
  refresh,
}: {
  answer: ViewAnswer;
  updatedAt: number;
  fetching: boolean;
  refresh: () => void;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.round((now - updatedAt) / 1000));
  const replay = answer.asOfPosition !== undefined;
  return (
    <HStack gap="space-8" align="center" data-testid="freshness">
      <BodyShort size="small" textColor="subtle">
        {replay
          ? `Avspilling per ${formatTime(answer.asOf)} (posisjon ${answer.asOfPosition})`
          : `Posisjon ${answer.position} · oppdatert for ${seconds} s siden`}
      </BodyShort>
      <Button size="xsmall" variant="tertiary" icon={<ArrowsCirclepathIcon aria-hidden />} onClick={refresh} loading={fetching}>
        Oppdater
      </Button>
    </HStack>
  );
}
