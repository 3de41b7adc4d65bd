import { BodyShort, Box, HGrid, Heading, VStack } from '@navikt/ds-react';
import type { OutcomeFigures } from '../api/view-types';
import { FOLLOW_UP_MODE, label } from '../labels/codes.nb';
import { formatDays, formatInteger, formatPercent } from '../labels/format';

/** In-house and external follow-up side by side, the figures the pilots are judged by first. */
export function ModeComparison({ totals }: { totals: OutcomeFigures[] }) {
  return (
    <HGrid columns={{ xs: 1, md: 2 }} gap="space-16" data-testid="mode-comparison">
      {(['IN_HOUSE', 'EXTERNAL'] as const).map((mode) => {
        const t = totals.find((row) => row.followUpMode === mode);
        return (
          <Box
            key={mode}
            as="section"
            aria-label={label(FOLLOW_UP_MODE, mode)}
            borderWidth="1"
            borderRadius="8"
            padding="space-16"
            data-mode={mode}
          >
            <VStack gap="space-8">
              <Heading level="2" size="small">
                {label(FOLLOW_UP_MODE, mode)}
              </Heading>
              {t ? (
                <>
                  <BodyShort size="large" weight="semibold" data-figure="placementRate">
                    Formidlingsrate {formatPercent(t.placementRate)}
                  </BodyShort>
                  <BodyShort data-figure="medianDaysToPlacement">Median {formatDays(t.medianDaysToPlacement)} til formidling</BodyShort>
                  <BodyShort size="small" textColor="subtle">
                    {formatInteger(t.enrolled)} tatt inn · {formatInteger(t.placed)} formidlet · {formatInteger(t.active)} aktive ·{' '}
                    {formatInteger(t.exited)} avsluttet
                  </BodyShort>
                </>
              ) : (
                <BodyShort>Ingen deltakere i perioden.</BodyShort>
              )}
            </VStack>
          </Box>
        );
      })}
    </HGrid>
  );
}
