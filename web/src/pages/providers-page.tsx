import { Table, VStack } from '@navikt/ds-react';
import type { ProviderRow } from '../api/view-types';
import { useView } from '../api/use-view';
import { PageHeading } from '../components/page-heading';
import { PeriodPicker, usePeriod } from '../components/period-picker';
import { useSortedRows } from '../components/sorted-rows';
import { ViewState } from '../components/view-state';
import { formatInteger, formatPercent } from '../labels/format';

/** Leverandører (auditors): outcomes per tiltaksarrangør for external cases enrolled in the period. */
export function ProvidersPage() {
  const period = usePeriod();
  const query = useView('/api/v1/providers', { query: period });
  return (
    <VStack gap="space-24">
      <PageHeading title="Leverandører" />
      <PeriodPicker />
      <ViewState query={query} isEmpty={(p) => p.providers.length === 0} empty="Ingen deltakere hos tiltaksarrangør i perioden.">
        {(answer) => <ProvidersTable rows={answer.providers} />}
      </ViewState>
    </VStack>
  );
}

function ProvidersTable({ rows }: { rows: ProviderRow[] }) {
  const { sorted, sort, onSortChange } = useSortedRows(rows, { orderBy: 'enrolled', direction: 'descending' });
  return (
    <div className="table-scroll">
      <Table size="small" aria-label="Tiltaksarrangører" sort={sort} onSortChange={onSortChange}>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader sortKey="providerOrgNumber" sortable>
              Tiltaksarrangør (org.nr.)
            </Table.ColumnHeader>
            <Table.ColumnHeader sortKey="enrolled" sortable className="numeric">
              Tatt inn
            </Table.ColumnHeader>
            <Table.ColumnHeader sortKey="placed" sortable className="numeric">
              Formidlet
            </Table.ColumnHeader>
            <Table.ColumnHeader sortKey="placementRate" sortable className="numeric">
              Formidlingsrate
            </Table.ColumnHeader>
            <Table.HeaderCell scope="col">Kontorer</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {sorted.map((r) => (
            <Table.Row key={r.providerOrgNumber}>
              <Table.HeaderCell scope="row">{r.providerOrgNumber}</Table.HeaderCell>
              <Table.DataCell className="numeric">{formatInteger(r.enrolled)}</Table.DataCell>
              <Table.DataCell className="numeric">{formatInteger(r.placed)}</Table.DataCell>
              <Table.DataCell className="numeric">{formatPercent(r.placementRate)}</Table.DataCell>
              <Table.DataCell>{r.offices.join(', ')}</Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
