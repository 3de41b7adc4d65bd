import { HGrid, VStack } from '@navikt/ds-react';
import { useParams } from 'react-router';
import type { Engagement } from '../api/view-types';
import { useView } from '../api/use-view';
import { Chart } from '../components/chart';
import { PageHeading } from '../components/page-heading';
import { PeriodPicker, usePeriod } from '../components/period-picker';
import { ViewState } from '../components/view-state';
import { CHANNEL, THEME, label } from '../labels/codes.nb';
import { formatMonth } from '../labels/format';
import { EngagementTable } from './engagement-table';

const quiet = (e: Engagement) =>
  e.months.every((m) => m.employerContacts === 0 && m.placements === 0 && m.recruitmentNeedsOpened === 0 && m.recruitmentNeedsFilled === 0);

/** Kontoroversikt: the engagement view's months as charts and as a table, for one period. */
export function OfficeOverviewPage() {
  const office = useParams().office!;
  const period = usePeriod();
  const query = useView('/api/v1/offices/{officeNumber}/engagement', { path: { officeNumber: office }, query: period });
  return (
    <VStack gap="space-24">
      <PageHeading title="Kontoroversikt" office={office} />
      <PeriodPicker />
      <ViewState query={query} office={office} isEmpty={quiet} empty="Ingen arbeidsgiverkontakter, behov eller formidlinger i perioden.">
        {(engagement) => {
          const months = engagement.months;
          const categories = months.map((m) => formatMonth(m.month));
          const bar = (name: string, data: number[], stack?: string) => ({ type: 'bar' as const, name, data, stack });
          const byCode = (list: Record<string, string>, of: (m: (typeof months)[number]) => Record<string, number>) =>
            Object.keys(of(months[0]!)).map((code) =>
              bar(
                label(list, code),
                months.map((m) => of(m)[code] ?? 0),
                'sum',
              ),
            );
          return (
            <VStack gap="space-32">
              <HGrid columns={{ xs: 1, lg: 2 }} gap="space-32">
                <Chart
                  title="Arbeidsgiverkontakter og unike arbeidsgivere"
                  categories={categories}
                  series={[
                    bar(
                      'Kontakter',
                      months.map((m) => m.employerContacts),
                    ),
                    bar(
                      'Unike arbeidsgivere',
                      months.map((m) => m.uniqueEmployers),
                    ),
                  ]}
                />
                <Chart
                  title="Kontakter per veileder"
                  categories={categories}
                  series={[{ type: 'line', name: 'Kontakter per veileder', data: months.map((m) => m.contactsPerAdvisor) }]}
                />
                <Chart title="Kontakter etter kanal" categories={categories} series={byCode(CHANNEL, (m) => m.byChannel)} />
                <Chart title="Kontakter etter tema" categories={categories} series={byCode(THEME, (m) => m.byTheme)} />
                <Chart
                  title="Rekrutteringsbehov"
                  categories={categories}
                  series={[
                    bar(
                      'Åpnet',
                      months.map((m) => m.recruitmentNeedsOpened),
                    ),
                    bar(
                      'Besatt',
                      months.map((m) => m.recruitmentNeedsFilled),
                    ),
                  ]}
                />
                <Chart
                  title="Formidlinger"
                  categories={categories}
                  series={[
                    bar(
                      'Formidlinger',
                      months.map((m) => m.placements),
                    ),
                    bar(
                      'Etter kontakt siste 90 dager',
                      months.map((m) => m.placementsAfterContact),
                    ),
                  ]}
                />
              </HGrid>
              <EngagementTable months={months} />
            </VStack>
          );
        }}
      </ViewState>
    </VStack>
  );
}
