import { HGrid, VStack } from '@navikt/ds-react';
import { useParams } from 'react-router';
import { useView } from '../api/use-view';
import { Chart } from '../components/chart';
import { PageHeading } from '../components/page-heading';
import { PeriodPicker, usePeriod } from '../components/period-picker';
import { ViewState } from '../components/view-state';
import { FOLLOW_UP_MODE, label } from '../labels/codes.nb';
import { formatMonth } from '../labels/format';
import { ModeComparison } from './mode-comparison';
import { OutcomesTable } from './outcomes-table';

const MODES = ['IN_HOUSE', 'EXTERNAL'] as const;

/** Resultater: in-house against external follow-up, side by side, by cohort and by measure. */
export function OutcomesPage() {
  const office = useParams().office!;
  const period = usePeriod();
  const query = useView('/api/v1/offices/{officeNumber}/outcomes', { path: { officeNumber: office }, query: period });
  return (
    <VStack gap="space-24">
      <PageHeading title="Resultater" office={office} />
      <PeriodPicker />
      <ViewState
        query={query}
        office={office}
        isEmpty={(o) => o.cohorts.length === 0}
        empty="Ingen deltakere tatt inn på tiltak i perioden."
      >
        {(outcomes) => {
          const months = [...new Set(outcomes.cohorts.map((c) => c.month))].sort();
          const cohortSeries = (figure: 'placementRate' | 'medianDaysToPlacement') =>
            MODES.map((mode) => ({
              type: 'bar' as const,
              name: label(FOLLOW_UP_MODE, mode),
              data: months.map((month) => outcomes.cohorts.find((c) => c.month === month && c.followUpMode === mode)?.[figure] ?? null),
            }));
          return (
            <VStack gap="space-32">
              <ModeComparison totals={outcomes.totals} />
              <HGrid columns={{ xs: 1, lg: 2 }} gap="space-32">
                <Chart
                  title="Formidlingsrate per inntaksmåned"
                  categories={months.map(formatMonth)}
                  series={cohortSeries('placementRate')}
                  percent
                />
                <Chart
                  title="Median dager til formidling per inntaksmåned"
                  categories={months.map(formatMonth)}
                  series={cohortSeries('medianDaysToPlacement')}
                />
              </HGrid>
              <OutcomesTable
                title="Kull etter inntaksmåned"
                rows={outcomes.cohorts.map((c) => ({ ...c, key: `${c.month}-${c.followUpMode}`, name: formatMonth(c.month) }))}
              />
              <OutcomesTable
                title="Etter tiltak"
                rows={outcomes.byMeasure.map((m) => ({ ...m, key: `${m.measureCode}-${m.followUpMode}`, measureCode: m.measureCode }))}
              />
            </VStack>
          );
        }}
      </ViewState>
    </VStack>
  );
}
